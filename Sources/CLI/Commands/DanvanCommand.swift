/// The root command: `danvan <subcommand>`.
public struct DanvanCommand: CommandGroup {
    public static let configuration = CommandConfiguration(
        name: "danvan",
        abstract: "Tiếp nhận, phân loại và chuyển xử lý ý kiến, kiến nghị của nhân dân (citizen-feedback intake and routing).",
        subcommands: [
            GrievanceCommand.self, ImportCommand.self, QuarantineCommand.self, ClassifyCommand.self, LocateCommand.self, TextCommand.self, RouteCommand.self, ModelCommand.self, UnitsCommand.self, RulesCommand.self, CalendarCommand.self, DatabaseCommand.self, DemoCommand.self, ServeCommand.self, UserCommand.self, AuditCommand.self, BenchCommand.self, VersionCommand.self,
        ])

    public init(_ arguments: ParsedArguments) {}
}
