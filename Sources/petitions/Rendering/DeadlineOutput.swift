import Foundation
import PetitionsApp

/// The JSON shape of `petitions deadline`: the deadline and the calendar file it was worked out on.
struct DeadlineOutput: Encodable {
    let from: Day
    let within: Span
    let due: Day
    let skipped: [SkippedDay]
    let calendarDays: Int
    let overdueFrom: Day
    let explanation: String
    /// The calendar file, "ledger" for the ledger's own, or null for the built-in calendar.
    let calendar: String?

    init(_ d: Deadline, calendar: String?) {
        from = d.from
        within = d.within
        due = d.due
        skipped = d.skipped
        calendarDays = d.calendarDays
        overdueFrom = d.overdueFrom
        explanation = d.explanation
        self.calendar = calendar
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(from, forKey: .from)
        try c.encode(within, forKey: .within)
        try c.encode(due, forKey: .due)
        try c.encode(skipped, forKey: .skipped)
        try c.encode(calendarDays, forKey: .calendarDays)
        try c.encode(overdueFrom, forKey: .overdueFrom)
        try c.encode(explanation, forKey: .explanation)
        try c.encode(calendar, forKey: .calendar)  // null, not absent, for the built-in calendar
    }

    enum CodingKeys: String, CodingKey {
        case from, within, due, skipped, calendarDays, overdueFrom, explanation, calendar
    }
}
