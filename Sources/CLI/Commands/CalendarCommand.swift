struct CalendarCommand: CommandGroup {
    static let configuration = CommandConfiguration(
        name: "calendar", abstract: "Lịch ngày làm việc của Việt Nam: ngày nghỉ, âm lịch, ngày đến hạn. (Vietnam's working-day calendar: holidays, lunar dates, due dates.)",
        subcommands: [CalendarHolidaysCommand.self, CalendarLunarCommand.self, CalendarDueCommand.self])

    init(_ arguments: ParsedArguments) {}
}
