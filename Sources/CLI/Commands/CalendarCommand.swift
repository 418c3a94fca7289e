struct CalendarCommand: CommandGroup {
    static let configuration = CommandConfiguration(
        name: "calendar", abstract: "Vietnam's working-day calendar: holidays, lunar dates, due dates.",
        subcommands: [CalendarHolidaysCommand.self, CalendarLunarCommand.self, CalendarDueCommand.self])

    init(_ arguments: ParsedArguments) {}
}
