import PetitionsDomain

/// What one run of the engine has already worked out, as of one day: due days by start day and span, working days
/// from a day to the as-of day, and days and periods written out in full. Thousands of letters and deliveries share
/// a start day (deliveries fall due on the first of the month), so each of these is computed once per distinct value.
struct EngineMemo {
    let calendar: WorkCalendar
    let asOf: Day

    private struct DueKey: Hashable {
        var from: Day
        var span: Span
    }

    private var dueDays: [DueKey: Day] = [:]
    private var workingDaysToAsOf: [Day: Int] = [:]
    private var longDays: [Day: String] = [:]
    private var longPeriods: [Period: String] = [:]

    init(calendar: WorkCalendar, asOf: Day) {
        self.calendar = calendar
        self.asOf = asOf
    }

    /// `calendar.dueDay(from:within:)`.
    mutating func due(from: Day, within span: Span) -> Day {
        let key = DueKey(from: from, span: span)
        if let hit = dueDays[key] { return hit }
        let due = calendar.dueDay(from: from, within: span)
        dueDays[key] = due
        return due
    }

    /// `calendar.workingDays(after: day, through: asOf)`.
    mutating func workingDays(after day: Day) -> Int {
        if let hit = workingDaysToAsOf[day] { return hit }
        let n = calendar.workingDays(after: day, through: asOf)
        workingDaysToAsOf[day] = n
        return n
    }

    /// `day.longDescription`: "4 March 1920".
    mutating func long(_ day: Day) -> String {
        if let hit = longDays[day] { return hit }
        let text = day.longDescription
        longDays[day] = text
        return text
    }

    /// `period.longDescription`: "January 1920".
    mutating func long(_ period: Period) -> String {
        if let hit = longPeriods[period] { return hit }
        let text = period.longDescription
        longPeriods[period] = text
        return text
    }
}
