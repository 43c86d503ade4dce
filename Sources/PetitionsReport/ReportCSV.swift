import Foundation
import PetitionsDomain
import PetitionsRules

/// The status report as CSV, one section (table) at a time, for spreadsheets: plain numbers, one row per commodity,
/// every cell neutralised by `CSVTable` so that a spreadsheet never runs it as a formula.
public enum ReportCSV {
    /// The tables one can ask for: the JSON keys of the report, and `trend.findings`, `trend.deliveries`.
    /// `documents` (letters with attachments, and how many) has a header and no rows when no letter has one.
    public static let sections = [
        "summary", "overdue_deliveries", "arrears", "unanswered_letters", "petitions", "authorities",
        "trend.findings", "trend.deliveries", "documents",
    ]

    /// The CSV text of one section; an unknown section is a usage error that lists the known ones.
    public static func render(_ r: StatusReport, section: String) throws -> String {
        let (header, rows) = try table(r, section: section)
        return try CSVTable.render(header: header, rows: rows)
    }

    /// The header and rows of one section.
    // Longer than 60 lines on purpose: one case per section of the report, each a header and its rows.
    public static func table(_ r: StatusReport, section: String) throws -> (header: [String], rows: [[String]]) {
        switch section {
        case "summary":
            let s = r.summary
            return (
                [
                    "as_of", "petitioners", "groups", "household_members", "open_petitions", "findings_critical", "findings_overdue",
                    "findings_warning", "most_urgent", "redacted",
                ],
                [
                    [
                        r.asOf.description, String(s.petitioners), String(s.groups), String(s.householdMembers), String(s.openPetitions),
                        String(s.findings["critical"] ?? 0), String(s.findings["overdue"] ?? 0), String(s.findings["warning"] ?? 0),
                        s.mostUrgent ?? "", String(r.redacted),
                    ]
                ]
            )
        case "overdue_deliveries":
            var rows: [[String]] = []
            for o in r.overdueDeliveries {
                for e in o.expected {
                    let got = o.received.first { $0.commodity == e.commodity }?.amount ?? 0
                    let short = o.shortfall.first { $0.commodity == e.commodity }?.amount ?? 0
                    rows.append([
                        String(o.delivery), o.period.description, o.recipient, o.decree, o.supplier, o.due.description,
                        o.overdueSince.description, String(o.daysOverdue), o.severity.rawValue, String(o.consecutiveMissed),
                        e.commodity, e.unit, number(e.amount), number(got), number(short), o.message, o.action,
                    ])
                }
            }
            return (
                [
                    "delivery", "period", "recipient", "decree", "supplier", "due", "overdue_since", "days_overdue", "severity",
                    "consecutive_missed", "commodity", "unit", "expected", "received", "shortfall", "message", "action",
                ], rows
            )
        case "arrears":
            return (
                [
                    "recipient", "recipient_name", "decree", "decree_name", "supplier", "commodity", "unit", "promised", "received", "owed",
                    "owed_kg", "periods_missed", "since",
                ],
                r.arrears.map { a in
                    [
                        a.recipient, a.recipientName, a.decree, a.decreeName, a.supplier, a.commodity, a.unit, number(a.promised), number(a.received),
                        number(a.owed), a.owedKg.map(number) ?? "", String(a.periodsMissed), a.since?.description ?? "",
                    ]
                }
            )
        case "unanswered_letters":
            return (
                [
                    "letter", "from", "from_name", "to", "to_name", "subject", "sent", "due", "days_waiting", "days_overdue", "working_days_overdue",
                    "severity",
                    "petition", "follow_ups", "escalate_to", "message", "action",
                ],
                r.unansweredLetters.map { u in
                    [
                        String(u.letter), u.from, u.fromName, u.to, u.toName, u.subject, u.sent.description, u.due.description, String(u.daysWaiting),
                        String(u.daysOverdue), String(u.workingDaysOverdue), u.severity?.rawValue ?? "", u.petition.map(String.init) ?? "",
                        String(u.followUps), u.escalateTo ?? "", u.message, u.action,
                    ]
                }
            )
        case "petitions":
            return (
                ["id", "status", "petitioner", "petitioner_name", "authority", "via", "subject", "category", "opened", "age_days"],
                r.petitions.map { p in
                    [
                        String(p.id), p.status.rawValue, p.petitioner, p.petitionerName, p.authority, p.via ?? "", p.subject, p.category ?? "",
                        p.opened.description, p.ageDays.map(String.init) ?? "",
                    ]
                }
            )
        case "authorities":
            return (
                [
                    "handle", "name", "letters_received", "answered", "answered_within_deadline", "median_days_to_answer", "open_now",
                    "overdue_now", "chain",
                ],
                r.authorities.map { a in
                    [
                        a.handle, a.name, String(a.lettersReceived), String(a.answered), String(a.answeredWithinDeadline),
                        a.medianDaysToAnswer.map(number) ?? "", String(a.openNow), String(a.overdueNow), a.chain.joined(separator: " → "),
                    ]
                }
            )
        case "trend.findings":
            return (["month", "raised", "cleared"], r.trend.findings.map { [$0.month, String($0.raised), String($0.cleared)] })
        case "trend.deliveries":
            var rows: [[String]] = []
            for p in r.trend.deliveries {
                let lead = [p.period.description, String(p.due), String(p.complete), String(p.partial)]
                if p.quantities.isEmpty { rows.append(lead + ["", "", "", ""]) }
                for q in p.quantities { rows.append(lead + [q.commodity, q.unit, number(q.expected), number(q.received)]) }
            }
            return (["period", "due", "complete", "partial", "commodity", "unit", "expected", "received"], rows)
        case "documents":
            return (["letter", "on", "documents"], r.documents.map { [String($0.letter), $0.on.description, String($0.documents)] })
        default:
            throw PetitionsError(
                "--section: \(quoted(section)) is not a section of the report; choose one of \(sections.joined(separator: ", ")).",
                code: .usage)
        }
    }

    /// A plain decimal, as a spreadsheet reads it: `2088.513`.
    static func number(_ d: Decimal) -> String { Quantity.format(d) }

    /// A measured value: `50` when whole, else `12.5`.
    static func number(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x) }
}
