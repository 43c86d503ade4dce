import PetitionsDomain

/// Which days are worked: weekend days of the week and named holidays, and the deadline arithmetic over them.
public struct WorkCalendar: Equatable, Sendable {
    /// ISO weekday numbers (1 Monday … 7 Sunday) that are not worked.
    public let weekend: Set<Int>
    /// The holidays, in the order they were given.
    public let holidays: [Holiday]

    private let once: [Day: String]
    private let yearly: [Int: String]  // month * 100 + day

    /// The furthest any search for a working day goes: 100 years, so a calendar without working days cannot hang.
    public static let searchLimit = 36_525

    /// Weekday names by ISO number: `weekdayNames[0]` is Monday.
    public static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// A calendar; weekday numbers outside 1–7 are ignored, and when two holidays share a day the first named wins.
    public init(weekend: Set<Int> = [6, 7], holidays: [Holiday] = []) {
        self.weekend = weekend.filter { (1...7).contains($0) }
        self.holidays = holidays
        var once: [Day: String] = [:]
        var yearly: [Int: String] = [:]
        for h in holidays {
            switch h.occurrence {
            case .once(let day): once[day] = once[day] ?? h.name
            case .yearly(let m, let d): yearly[m * 100 + d] = yearly[m * 100 + d] ?? h.name
            }
        }
        self.once = once
        self.yearly = yearly
    }

    /// The name of the weekday: "Monday" … "Sunday".
    public static func weekdayName(_ day: Day) -> String { weekdayNames[day.weekday - 1] }

    // MARK: - Days

    /// The holiday's name on `day`, or nil; a one-day holiday wins over a yearly one on the same day.
    public func holiday(on day: Day) -> String? {
        once[day] ?? yearly[day.month * 100 + day.day]
    }

    /// Whether `day` is neither a weekend day nor a holiday.
    public func isWorkingDay(_ day: Day) -> Bool {
        !weekend.contains(day.weekday) && holiday(on: day) == nil
    }

    /// Why `day` is not worked, or nil when it is; a holiday on a weekend day counts as the holiday.
    public func skipped(_ day: Day) -> SkippedDay? {
        if let name = holiday(on: day) { return SkippedDay(date: day, reason: .holiday, name: name) }
        if weekend.contains(day.weekday) { return SkippedDay(date: day, reason: .weekend, name: WorkCalendar.weekdayName(day)) }
        return nil
    }

    /// `day` itself when it is worked, else the first working day after it.
    /// Gives up after `searchLimit` days (a calendar with no working days) and at the last supported day.
    public func nextWorkingDay(onOrAfter day: Day) -> Day {
        var d = day
        for _ in 0..<WorkCalendar.searchLimit {
            if isWorkingDay(d) || d == Day.maximum { return d }
            d = d.adding(days: 1)
        }
        return d
    }

    /// How many working days `d` there are with `a < d <= b`; 0 when `b <= a`.
    /// Counts by whole weeks and by the holidays in range, so its cost grows with years, not days.
    public func workingDays(after a: Day, through b: Day) -> Int {
        guard b > a else { return 0 }
        let first = a.ordinal + 1
        let last = b.ordinal
        let length = last - first + 1
        let weeks = length / 7
        var count = weeks * (7 - weekend.count)
        var d = a.adding(days: 1 + weeks * 7)
        for _ in 0..<(length % 7) {
            if !weekend.contains(d.weekday) { count += 1 }
            d = d.adding(days: 1)
        }
        return count - holidaysOnWeekdays(from: first, through: last)
    }

    /// The number of distinct holidays in `first...last` (ordinals) that fall on days not in the weekend.
    private func holidaysOnWeekdays(from first: Int, through last: Int) -> Int {
        var days = Set<Int>()
        func add(_ day: Day) {
            let o = day.ordinal
            if o >= first, o <= last, !weekend.contains(day.weekday) { days.insert(o) }
        }
        for day in once.keys { add(day) }
        if !yearly.isEmpty, let start = Day(ordinal: first), let end = Day(ordinal: last) {
            for year in start.year...end.year {
                for key in yearly.keys {
                    if let day = Day(year: year, month: key / 100, day: key % 100) { add(day) }
                }
            }
        }
        return days.count
    }

    /// The `n`th working day after `from` (which never counts), or the last supported day when there is none.
    public func workingDay(_ n: Int, after from: Day) -> Day {
        guard n > 0 else { return from }
        let origin = from.ordinal
        let maximum = Day.maximum.ordinal
        guard n <= maximum - origin else { return Day.maximum }
        // Widen the window until it holds n working days, then bisect for the first day that completes them.
        var low = origin + n
        var high = origin + n
        while workingDays(after: from, through: Day(ordinal: high) ?? Day.maximum) < n {
            if high == maximum { return Day.maximum }
            low = high + 1
            high = min(maximum, origin + 2 * (high - origin) + 7)
        }
        while low < high {
            let mid = low + (high - low) / 2
            if workingDays(after: from, through: Day(ordinal: mid) ?? Day.maximum) >= n { high = mid } else { low = mid + 1 }
        }
        return Day(ordinal: low) ?? Day.maximum
    }

    // MARK: - Deadlines

    /// The due day of `deadline(from:within:)` alone, without the days passed over or the sentence that explains
    /// them: what the rule engine needs for every letter and delivery.
    public func dueDay(from: Day, within span: Span) -> Day {
        switch span.unit {
        case .workingDays: return workingDay(span.count, after: from)
        case .days, .weeks, .months: return nextWorkingDay(onOrAfter: Deadline.calendarTarget(from: from, within: span))
        }
    }

    /// `deadline(from:within:)`, or a sentence when there is no such day: the span runs past the last supported
    /// day (9999-12-31), or no working day follows within `searchLimit` days. The unchecked form stops at the edge;
    /// this one is for a clerk who asked, who must not be shown the edge as if it were the answer.
    public func checkedDeadline(from: Day, within span: Span, field: String = "--within") throws -> Deadline {
        let pastTheEnd = PetitionsError.invalid(field, span.description, "from \(from) runs past \(Day.maximum), the last day petitions counts")
        try span.refusePastTheEnd(from: from, field: field)
        // The due day alone first: the days passed over are listed only for a deadline that exists.
        let due = dueDay(from: from, within: span)
        guard isWorkingDay(due) else {
            // Either the calendar has no working day for as far as a search goes, or the search reached the last day.
            if workingDays(after: from, through: from.adding(days: WorkCalendar.searchLimit)) == 0 {
                throw PetitionsError.invalid(
                    field, span.description, "from \(from) finds no working day within \(WorkCalendar.searchLimit) days; the calendar has none")
            }
            throw pastTheEnd
        }
        if span.unit == .workingDays, workingDays(after: from, through: due) < span.count { throw pastTheEnd }
        return deadline(from: from, within: span)
    }

    /// The first day of a run of at least `length` days in a row none of which is worked, or nil. Looks at the
    /// years the holidays name (each with the years either side) and at a leap and a common year for the yearly
    /// ones: a run of days off can only come from holidays, and those repeat.
    public func firstRunWithoutWorkingDays(atLeast length: Int) -> Day? {
        var years = Set([2023, 2024, 2025])
        for h in holidays {
            if case .once(let day) = h.occurrence { years.formUnion([day.year - 1, day.year, day.year + 1]) }
        }
        var run = 0
        var runStart: Day?
        var previous: Int?
        for year in years.filter({ (1000...9999).contains($0) }).sorted() {
            guard let first = Day(year: year, month: 1, day: 1), let last = Day(year: year, month: 12, day: 31) else { continue }
            if previous != year - 1 { run = 0 }
            previous = year
            var o = first.ordinal
            while o <= last.ordinal, let d = Day(ordinal: o) {
                if isWorkingDay(d) {
                    run = 0
                } else {
                    if run == 0 { runStart = d }
                    run += 1
                    if run >= length { return runStart }
                }
                o += 1
            }
        }
        return nil
    }

    /// When something started on `from` is due within `span`, with every non-working day passed over.
    ///
    /// - `N working days`: the start never counts; the Nth following working day is due.
    /// - `N days`, `N weeks`: N (or 7N) calendar days on, moved forward to the next working day.
    /// - `N months`: the same day number N months on, clamped to the month's last day, then moved forward.
    public func deadline(from: Day, within span: Span) -> Deadline {
        let due = dueDay(from: from, within: span)
        switch span.unit {
        case .workingDays:
            var skipped: [SkippedDay] = []
            var d = from.adding(days: 1)
            while d < due {
                if let s = self.skipped(d) { skipped.append(s) }
                d = d.adding(days: 1)
            }
            return Deadline(from: from, within: span, due: due, skipped: skipped)
        case .days, .weeks, .months:
            let target = Deadline.calendarTarget(from: from, within: span)
            var skipped: [SkippedDay] = []
            var d = target
            while d < due {
                if let s = self.skipped(d) { skipped.append(s) }
                d = d.adding(days: 1)
            }
            return Deadline(from: from, within: span, due: due, skipped: skipped)
        }
    }
}
