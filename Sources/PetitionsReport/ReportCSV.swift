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
        var out: [UInt8] = []
        try write(r, section: section, chunkSize: .max) { out.append(contentsOf: $0) }
        return String(decoding: out, as: UTF8.self)
    }

    /// One section as CSV, handed to `chunk` in pieces of about `chunkSize` bytes as its rows are written, so that a
    /// large section (117,625 late deliveries) never sits whole in memory as text; the same bytes as `render`.
    public static func write(_ r: StatusReport, section: String, chunkSize: Int = 64 << 10, chunk: ([UInt8]) throws -> Void) throws {
        var out = CSVText(reservingCapacity: min(chunkSize, 64 << 10) + 4096)
        try table(r, section: section) { cells in
            // The header is the first row; every cell is neutralised, as `CSVTable.render` does.
            out.append(row: cells.map(CSVTable.neutralise))
            if out.bytes.count >= chunkSize {
                try chunk(out.bytes)
                out.removeAll()
            }
        }
        if !out.bytes.isEmpty { try chunk(out.bytes) }
    }

    /// The header and rows of one section.
    public static func table(_ r: StatusReport, section: String) throws -> (header: [String], rows: [[String]]) {
        var rows: [[String]] = []
        try table(r, section: section) { rows.append($0) }
        return (rows.first ?? [], Array(rows.dropFirst()))
    }

    /// Hands `row` the header of one section, then its rows one by one.
    // Longer than 60 lines on purpose: one case per section of the report, each a header and its rows.
    static func table(_ r: StatusReport, section: String, row: ([String]) throws -> Void) throws {
        switch section {
        case "summary":
            let s = r.summary
            try row([
                "as_of", "petitioners", "groups", "household_members", "open_petitions", "findings_critical", "findings_overdue",
                "findings_warning", "most_urgent", "redacted",
            ])
            try row([
                r.asOf.description, String(s.petitioners), String(s.groups), String(s.householdMembers), String(s.openPetitions),
                String(s.findings["critical"] ?? 0), String(s.findings["overdue"] ?? 0), String(s.findings["warning"] ?? 0),
                s.mostUrgent ?? "", String(r.redacted),
            ])
        case "overdue_deliveries":
            try row([
                "delivery", "period", "recipient", "decree", "supplier", "due", "overdue_since", "days_overdue", "severity",
                "consecutive_missed", "commodity", "unit", "expected", "received", "shortfall", "message", "action",
            ])
            for o in r.overdueDeliveries {
                for e in o.expected {
                    let got = o.received.first { $0.commodity == e.commodity }?.amount ?? 0
                    let short = o.shortfall.first { $0.commodity == e.commodity }?.amount ?? 0
                    try row([
                        String(o.delivery), o.period.description, o.recipient, o.decree, o.supplier, o.due.description,
                        o.overdueSince.description, String(o.daysOverdue), o.severity.rawValue, String(o.consecutiveMissed),
                        e.commodity, e.unit, number(e.amount), number(got), number(short), o.message, o.action,
                    ])
                }
            }
        case "arrears":
            try row([
                "recipient", "recipient_name", "decree", "decree_name", "supplier", "commodity", "unit", "promised", "received", "owed",
                "owed_kg", "periods_missed", "since",
            ])
            for a in r.arrears {
                try row([
                    a.recipient, a.recipientName, a.decree, a.decreeName, a.supplier, a.commodity, a.unit, number(a.promised), number(a.received),
                    number(a.owed), a.owedKg.map(number) ?? "", String(a.periodsMissed), a.since?.description ?? "",
                ])
            }
        case "unanswered_letters":
            try row([
                "letter", "from", "from_name", "to", "to_name", "subject", "sent", "due", "days_waiting", "days_overdue", "working_days_overdue",
                "severity", "petition", "follow_ups", "escalate_to", "message", "action",
            ])
            for u in r.unansweredLetters {
                try row([
                    String(u.letter), u.from, u.fromName, u.to, u.toName, u.subject, u.sent.description, u.due.description, String(u.daysWaiting),
                    String(u.daysOverdue), String(u.workingDaysOverdue), u.severity?.rawValue ?? "", u.petition.map(String.init) ?? "",
                    String(u.followUps), u.escalateTo ?? "", u.message, u.action,
                ])
            }
        case "petitions":
            try row(["id", "status", "petitioner", "petitioner_name", "authority", "via", "subject", "category", "opened", "age_days"])
            for p in r.petitions {
                try row([
                    String(p.id), p.status.rawValue, p.petitioner, p.petitionerName, p.authority, p.via ?? "", p.subject, p.category ?? "",
                    p.opened.description, p.ageDays.map(String.init) ?? "",
                ])
            }
        case "authorities":
            try row([
                "handle", "name", "letters_received", "answered", "answered_within_deadline", "median_days_to_answer", "open_now",
                "overdue_now", "chain",
            ])
            for a in r.authorities {
                try row([
                    a.handle, a.name, String(a.lettersReceived), String(a.answered), String(a.answeredWithinDeadline),
                    a.medianDaysToAnswer.map(number) ?? "", String(a.openNow), String(a.overdueNow), a.chain.joined(separator: " → "),
                ])
            }
        case "trend.findings":
            try row(["month", "raised", "cleared"])
            for f in r.trend.findings { try row([f.month, String(f.raised), String(f.cleared)]) }
        case "trend.deliveries":
            try row(["period", "due", "complete", "partial", "commodity", "unit", "expected", "received"])
            for p in r.trend.deliveries {
                let lead = [p.period.description, String(p.due), String(p.complete), String(p.partial)]
                if p.quantities.isEmpty { try row(lead + ["", "", "", ""]) }
                for q in p.quantities { try row(lead + [q.commodity, q.unit, number(q.expected), number(q.received)]) }
            }
        case "documents":
            try row(["letter", "on", "documents"])
            for d in r.documents { try row([String(d.letter), d.on.description, String(d.documents)]) }
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
