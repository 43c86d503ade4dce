import Foundation
import PetitionsDomain

/// A day not counted towards a deadline, and why.
public struct SkippedDay: Hashable, Sendable, Codable {
    /// Why a day is not worked.
    public enum Reason: String, Hashable, Sendable, Codable {
        case weekend, holiday
    }

    /// The day passed over.
    public let date: Day
    /// Weekend or holiday.
    public let reason: Reason
    /// The holiday's name, or the weekday's name ("Sunday") for a weekend day.
    public let name: String

    public init(date: Day, reason: Reason, name: String) {
        self.date = date
        self.reason = reason
        self.name = name
    }
}

/// When something is due: a span from a start day on a calendar, with the days passed over and a sentence saying so.
public struct Deadline: Hashable, Sendable, Codable {
    /// The start day; it never counts itself.
    public let from: Day
    /// The span allowed.
    public let within: Span
    /// The last day on which it is on time.
    public let due: Day
    /// Every non-working day passed over, oldest first.
    public let skipped: [SkippedDay]
    /// Calendar days from `from` to `due`.
    public let calendarDays: Int
    /// One sentence saying how `due` was reached.
    public let explanation: String

    /// A deadline; the calendar days and the explanation follow from the other values.
    public init(from: Day, within: Span, due: Day, skipped: [SkippedDay]) {
        self.from = from
        self.within = within
        self.due = due
        self.skipped = skipped
        self.calendarDays = from.days(until: due)
        self.explanation = Deadline.explain(from: from, within: within, due: due, skipped: skipped)
    }

    /// The first day on which it is overdue: the day after `due`.
    public var overdueFrom: Day { due.adding(days: 1) }

    /// Whether it is overdue on `day`: from the day after the due day on; on the due day itself it is not.
    public func isOverdue(asOf day: Day) -> Bool { day > due }

    /// The plain calendar arithmetic for days, weeks and months, before moving off non-working days.
    static func calendarTarget(from: Day, within span: Span) -> Day {
        let n = max(-10_000_000, min(10_000_000, span.count))  // beyond the supported days either way
        switch span.unit {
        case .days, .workingDays: return from.adding(days: n)
        case .weeks: return from.adding(days: 7 * n)
        case .months: return from.adding(months: n)
        }
    }

    // MARK: - Explanation

    /// Numbers in it are thousands separated (`1,500 weeks`, `1,000 Sundays`): it is a sentence for people, in
    /// JSON too, as a finding's message is.
    static func explain(from: Day, within: Span, due: Day, skipped: [SkippedDay]) -> String {
        var s = "Due \(due): \(within.grouped) after \(from)"
        if within.unit == .workingDays {
            return s + (skipped.isEmpty ? "." : ", skipping \(summary(skipped)).")
        }
        let target = calendarTarget(from: from, within: within)
        let clamped = within.unit == .months && target.day < from.day
        if target != due || clamped { s += " is \(target)" }
        if clamped { s += " (the last day of \(Day.monthNames[target.month - 1]) \(target.year))" }
        if target != due, !skipped.isEmpty {
            s += ", not a working day, so it moves to the next one, skipping \(summary(skipped))"
        }
        return s + "."
    }

    /// "2 Sundays and 1 holiday (12 March: Overthrow of the autocracy)".
    static func summary(_ skipped: [SkippedDay]) -> String {
        var parts: [String] = []
        let weekend = skipped.filter { $0.reason == .weekend }
        for (i, name) in WorkCalendar.weekdayNames.enumerated() {
            let n = weekend.filter { $0.date.weekday == i + 1 }.count
            if n > 0 { parts.append("\(Quantity.grouped(Decimal(n))) \(name)\(n == 1 ? "" : "s")") }
        }
        let holidays = skipped.filter { $0.reason == .holiday }
        if !holidays.isEmpty {
            let shown = 5
            var names = holidays.prefix(shown).map { "\($0.date.day) \(Day.monthNames[$0.date.month - 1]): \($0.name)" }
            if holidays.count > shown { names.append("and \(Quantity.grouped(Decimal(holidays.count - shown))) more") }
            parts.append("\(Quantity.grouped(Decimal(holidays.count))) holiday\(holidays.count == 1 ? "" : "s") (\(names.joined(separator: "; ")))")
        }
        return list(parts)
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ parts: [String]) -> String {
        guard parts.count > 1, let last = parts.last else { return parts.first ?? "" }
        return parts.dropLast().joined(separator: ", ") + " and " + last
    }
}
