import PetitionsDomain
import PetitionsRules

/// The CSV tables of the rule listings (late deliveries, waiting letters, findings): their columns are chosen here,
/// once, for every front end that offers them to a spreadsheet.
public enum ListingCSV {
    /// Late deliveries, one row each.
    public static func overdue(_ list: [OverdueDelivery]) throws -> String {
        try CSVTable.render(header: overdueHeader, rows: list.flatMap(overdueRows))
    }

    /// The columns of the late deliveries' table: the first twelve as they always were, then (added at the end, so
    /// that a sheet reading columns by position still works) those of the report's `overdue_deliveries` section, with
    /// one commodity and its amounts as plain numbers per row.
    public static let overdueHeader = [
        "delivery", "decree", "recipient", "supplier", "period", "due", "overdue_since", "days_overdue", "severity",
        "expected", "received", "shortfall", "consecutive_missed", "commodity", "unit", "expected_amount", "received_amount",
        "shortfall_amount", "message",
    ]

    /// One late delivery's rows, one per commodity expected (as the report's section and the deliveries' export),
    /// for a front end that writes the table row by row as the listing comes. `expected`, `received` and `shortfall`
    /// say that row's commodity with its unit ("1700 funt wheat").
    public static func overdueRows(_ o: OverdueDelivery) -> [[String]] {
        let lead = [
            String(o.delivery), o.decree, o.recipient, o.supplier, o.period.description, o.due.description,
            o.overdueSince.description, String(o.daysOverdue), o.severity.rawValue,
        ]
        guard !o.expected.isEmpty else {
            return [lead + ["", quantities(o.received), quantities(o.shortfall), String(o.consecutiveMissed), "", "", "", "", "", o.message]]
        }
        return o.expected.map { e in
            let got = o.received.filter { $0.commodity == e.commodity }
            let short = o.shortfall.filter { $0.commodity == e.commodity }
            return lead + [
                quantities([e]), quantities(got), quantities(short), String(o.consecutiveMissed), e.commodity, e.unit,
                Quantity.format(e.amount), Quantity.format(got.first?.amount ?? 0), Quantity.format(short.first?.amount ?? 0), o.message,
            ]
        }
    }

    /// Letters waiting for a reply, one row each.
    public static func unanswered(_ list: [UnansweredLetter]) throws -> String {
        try CSVTable.render(header: unansweredHeader, rows: list.map(unansweredRow))
    }

    /// The columns of the waiting letters' table; the last four were added at the end, as the report's section has them.
    public static let unansweredHeader = [
        "letter", "from", "from_name", "to", "subject", "sent", "due", "days_waiting", "days_overdue", "working_days_overdue",
        "severity", "petition", "action", "to_name", "follow_ups", "escalate_to", "message",
    ]

    /// One waiting letter's row, for a front end that writes the table row by row as the listing comes.
    public static func unansweredRow(_ u: UnansweredLetter) -> [String] {
        [
            String(u.letter), u.from, u.fromName, u.to, u.subject, u.sent.description, u.due.description,
            String(u.daysWaiting), String(u.daysOverdue), String(u.workingDaysOverdue),
            u.severity?.rawValue ?? "", u.petition.map(String.init) ?? "", u.action, u.toName, String(u.followUps),
            u.escalateTo ?? "", u.message,
        ]
    }

    /// Findings, one row each.
    public static func findings(_ list: [Finding]) throws -> String {
        try CSVTable.render(header: findingsHeader, rows: list.map(findingRow))
    }

    /// The columns of the findings' table.
    public static let findingsHeader = [
        "severity", "rule", "kind", "subject_type", "subject_id", "subject", "due", "overdue_since", "days_overdue",
        "working_days_overdue", "message", "action",
    ]

    /// One finding's row, for a front end that writes the table row by row as the findings come.
    public static func findingRow(_ f: Finding) -> [String] {
        [
            f.severity.rawValue, f.rule, f.kind.rawValue, f.subject.type.rawValue, String(f.subject.id), f.subject.name,
            f.due?.description ?? "", f.overdueSince?.description ?? "", String(f.daysOverdue),
            String(f.workingDaysOverdue), f.message, f.action,
        ]
    }

    /// Quantities in one cell: "8 funt wheat; 5 funt rye".
    public static func quantities(_ list: [QuantityValue]) -> String { list.map(\.plain).joined(separator: "; ") }
}
