struct GrievanceCommand: CommandGroup {
    static let configuration = CommandConfiguration(
        name: "grievance", abstract: "Ghi nhận, xem, liệt kê và chuyển trạng thái đơn. (Register, show, list and move grievances through their lifecycle.)",
        subcommands: [GrievanceAddCommand.self, GrievanceShowCommand.self, GrievanceListCommand.self,
                      GrievanceTransitionCommand.self, GrievanceCorrectCommand.self, GrievanceExtendCommand.self, GrievanceGrantCommand.self])

    init(_ arguments: ParsedArguments) {}
}
