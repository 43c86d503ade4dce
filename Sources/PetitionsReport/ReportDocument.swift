import Foundation
import PetitionsDomain
import PetitionsRules

/// The status report laid out once as headings, sentences, tables and flagged items, for the text and Markdown
/// renderers to print the same content in their own way. Empty sections are left out.
/// Tables and lists hold no rows: each row is worded from the report when it is read, and again on each further
/// reading (the text report reads a table twice, to measure its columns and then to lay it out). At a million
/// letters and deliveries the worded rows of every section, held at once, were most of the report's memory.
struct ReportDocument {
    enum Block {
        case heading(String, level: Int)
        case paragraph(String)
        case table(headers: [String], rows: AnySequence<[String]>, rightAligned: Set<Int>)
        /// Items of a list: a label (a severity, "not due") with the severity that colours it, what it is, and the next step.
        case items(AnySequence<Item>)
    }

    struct Item {
        var label: String? = nil
        var severity: Severity? = nil
        var text: String
        var next: String? = nil
    }

    var blocks: [Block] = []

    init(_ r: StatusReport) {
        let title = "Status report\(r.office.map { " of \($0)" } ?? "") as of \(r.asOf.longDescription)"
        blocks.append(.heading(r.redacted ? title + " (persons' names replaced by initials)" : title, level: 1))
        headline(r)
        supply(r)
        letters(r)
        documents(r)
        petitions(r)
        authorities(r)
        trend(r)
    }

    // MARK: - Sections

    mutating func headline(_ r: StatusReport) {
        let s = r.summary
        blocks.append(.heading("Headline", level: 2))
        blocks.append(
            .paragraph(
                "As of \(r.asOf.longDescription): \(ReportDocument.count(s.petitioners, "petitioner")) and "
                    + "\(ReportDocument.count(s.groups, "group")), \(Thousands.format(s.householdMembers)) \(s.householdMembers == 1 ? "person" : "people") counted "
                    + "with their households and head-counts; \(ReportDocument.count(s.openPetitions, "open petition"))."))
        let bySeverity = Severity.allCases.reversed().map { "\(Thousands.format(s.findings[$0.rawValue] ?? 0)) \($0.rawValue)" }
        let total = s.findings.values.reduce(0, +)
        blocks.append(.paragraph("\(ReportDocument.count(total, "finding")): \(bySeverity.joined(separator: ", "))."))
        blocks.append(.paragraph(s.mostUrgent.map { "Most urgent: \($0)" } ?? "Nothing is late."))
    }

    mutating func supply(_ r: StatusReport) {
        guard !r.overdueDeliveries.isEmpty || !r.arrears.isEmpty else { return }
        blocks.append(.heading("Overdue supply", level: 2))
        if !r.overdueDeliveries.isEmpty {
            blocks.append(.heading("Late deliveries", level: 3))
            blocks.append(
                .table(
                    headers: ["PERIOD", "RECIPIENT", "DECREE", "DUE", "LATE", "EXPECTED", "RECEIVED", "SHORTFALL"],
                    rows: AnySequence(r.overdueDeliveries.lazy.flatMap(ReportDocument.lateRows)), rightAligned: [4, 5, 6, 7]))
            blocks.append(
                .items(
                    AnySequence(
                        r.overdueDeliveries.lazy.map { Item(label: $0.severity.rawValue, severity: $0.severity, text: $0.message, next: $0.action) }))
            )
        }
        if !r.arrears.isEmpty {
            blocks.append(.heading("Arrears", level: 3))
            blocks.append(
                .table(
                    headers: ["RECIPIENT", "DECREE", "PROMISED", "RECEIVED", "OWED", "OWED (KG)", "MISSED", "SINCE"],
                    rows: AnySequence(
                        r.arrears.lazy.map { a in
                            [
                                a.recipient, a.decree, ReportDocument.quantity(a.promised, a.unit, a.commodity),
                                ReportDocument.amount(a.received, a.unit),
                                ReportDocument.amount(a.owed, a.unit), a.owedKg.map(Thousands.format) ?? "-", Thousands.format(a.periodsMissed),
                                a.since?.description ?? "-",
                            ]
                        }), rightAligned: [2, 3, 4, 5, 6]))
            blocks.append(.items(AnySequence(r.arrears.lazy.map { Item(text: ReportDocument.arrearsSentence($0)) })))
        }
    }

    mutating func letters(_ r: StatusReport) {
        guard !r.unansweredLetters.isEmpty else { return }
        blocks.append(.heading("Unanswered letters", level: 2))
        blocks.append(
            .table(
                headers: ["LETTER", "SENT", "FROM", "TO", "DUE", "WAITING", "WD LATE", "FOLLOW-UPS", "SEVERITY"],
                rows: AnySequence(
                    r.unansweredLetters.lazy.map { u in
                        [
                            String(u.letter), u.sent.description, u.fromName, u.to, u.due.description, "\(Thousands.format(u.daysWaiting)) d",
                            Thousands.format(u.workingDaysOverdue), Thousands.format(u.followUps), u.severity?.rawValue ?? "not due",
                        ]
                    }), rightAligned: [0, 5, 6, 7]))
        blocks.append(
            .items(
                AnySequence(
                    r.unansweredLetters.lazy.map { u in
                        Item(
                            label: u.severity?.rawValue ?? "not due", severity: u.severity,
                            text: "Letter \(u.letter)\(u.petition.map { ", petition \($0)" } ?? ""): \(u.message)", next: u.action)
                    })))
    }

    mutating func documents(_ r: StatusReport) {
        guard !r.documents.isEmpty else { return }
        blocks.append(.heading("Documents attached to letters", level: 2))
        blocks.append(
            .table(
                headers: ["LETTER", "DAY", "DOCUMENTS"],
                rows: AnySequence(r.documents.lazy.map { [String($0.letter), $0.on.description, Thousands.format($0.documents)] }),
                rightAligned: [0, 2]))
    }

    mutating func petitions(_ r: StatusReport) {
        guard !r.petitions.isEmpty else { return }
        blocks.append(.heading("Petitions by status", level: 2))
        let counts = PetitionStatus.allCases.compactMap { s -> String? in
            let n = r.petitions.count { $0.status == s }
            return n == 0 ? nil : "\(Thousands.format(n)) \(ReportDocument.status(s))"
        }
        blocks.append(.paragraph(counts.joined(separator: ", ") + "."))
        // By status, in the order of the statuses, without a copy of the petitions sorted so.
        let ordered = PetitionStatus.allCases.lazy.flatMap { s in r.petitions.lazy.filter { $0.status == s } }
        blocks.append(
            .table(
                headers: ["STATUS", "ID", "OPENED", "AGE", "PETITIONER", "AUTHORITY", "VIA", "SUBJECT"],
                rows: AnySequence(
                    ordered.map { p in
                        [
                            ReportDocument.status(p.status), String(p.id), p.opened.description, p.ageDays.map { "\(Thousands.format($0)) d" } ?? "-",
                            p.petitioner, p.authority, p.via ?? "-", p.subject,
                        ]
                    }), rightAligned: [1, 3]))
    }

    mutating func authorities(_ r: StatusReport) {
        guard !r.authorities.isEmpty else { return }
        blocks.append(.heading("Authorities", level: 2))
        blocks.append(
            .table(
                headers: ["AUTHORITY", "LETTERS", "ANSWERED", "IN TIME", "MEDIAN DAYS", "OPEN", "OVERDUE", "ABOVE IT"],
                rows: AnySequence(
                    r.authorities.lazy.map { a in
                        [
                            a.handle, Thousands.format(a.lettersReceived), Thousands.format(a.answered), Thousands.format(a.answeredWithinDeadline),
                            a.medianDaysToAnswer.map(Thousands.format) ?? "-", Thousands.format(a.openNow), Thousands.format(a.overdueNow),
                            a.chain.isEmpty ? "-" : a.chain.joined(separator: " → "),
                        ]
                    }), rightAligned: [1, 2, 3, 4, 5, 6]))
        blocks.append(.items(AnySequence(r.authorities.lazy.map { Item(text: "\($0.handle): \($0.name)") })))
    }

    mutating func trend(_ r: StatusReport) {
        guard !r.trend.findings.isEmpty || !r.trend.deliveries.isEmpty else { return }
        blocks.append(.heading("Trend", level: 2))
        if !r.trend.findings.isEmpty {
            blocks.append(.heading("Findings raised and cleared per month", level: 3))
            blocks.append(
                .table(
                    headers: ["MONTH", "RAISED", "CLEARED"],
                    rows: AnySequence(r.trend.findings.lazy.map { [$0.month, Thousands.format($0.raised), Thousands.format($0.cleared)] }),
                    rightAligned: [1, 2]))
        }
        if !r.trend.deliveries.isEmpty {
            blocks.append(.heading("Deliveries due and received per period", level: 3))
            blocks.append(
                .table(
                    headers: ["PERIOD", "DUE", "COMPLETE", "PARTIAL", "EXPECTED", "RECEIVED"],
                    rows: AnySequence(r.trend.deliveries.lazy.flatMap(ReportDocument.trendRows)), rightAligned: [1, 2, 3, 4, 5]))
        }
    }

    // MARK: - Rows of more than one line

    /// A late delivery's rows: one per commodity expected, the delivery named on the first.
    static func lateRows(_ o: OverdueDelivery) -> [[String]] {
        o.expected.enumerated().map { i, e in
            let got = o.received.first { $0.commodity == e.commodity }?.amount ?? 0
            let short = o.shortfall.first { $0.commodity == e.commodity }?.amount ?? 0
            let lead =
                i == 0
                ? [o.period.description, o.recipient, o.decree, o.due.description, "\(Thousands.format(o.daysOverdue)) d"]
                : ["", "", "", "", ""]
            return lead + [
                ReportDocument.quantity(e.amount, e.unit, e.commodity), ReportDocument.amount(got, e.unit) + o.cameAs(e.commodity),
                ReportDocument.amount(short, e.unit),
            ]
        }
    }

    /// A period's rows: one per commodity and unit, the period and its counts on the first ("-" without quantities).
    static func trendRows(_ p: TrendPeriod) -> [[String]] {
        let lead = [p.period.description, Thousands.format(p.due), Thousands.format(p.complete), Thousands.format(p.partial)]
        if p.quantities.isEmpty { return [lead + ["-", "-"]] }
        return p.quantities.enumerated().map { i, q in
            (i == 0 ? lead : ["", "", "", ""]) + [
                ReportDocument.quantity(q.expected, q.unit, q.commodity),
                ReportDocument.quantity(q.received, q.unit, q.commodity),
            ]
        }
    }

    // MARK: - Words

    /// "1 group", "267 persons".
    static func count(_ n: Int, _ noun: String) -> String { "\(Thousands.format(n)) \(noun)\(n == 1 ? "" : "s")" }

    /// "5,100 funt wheat".
    static func quantity(_ amount: Decimal, _ unit: String, _ commodity: String) -> String { "\(Thousands.format(amount)) \(unit) \(commodity)" }

    /// "6,800 funt": an amount with its unit, where the row already names the commodity.
    static func amount(_ amount: Decimal, _ unit: String) -> String { "\(Thousands.format(amount)) \(unit)" }

    static func status(_ s: PetitionStatus) -> String { s.rawValue.replacingOccurrences(of: "_", with: " ") }

    /// "dmitrov-post under decree-1918: promised 11,900 funt of wheat since September 1919, received 6,800 funt;
    /// 3 months not delivered in full since January 1920: 5,100 funt of wheat owed (2,088.513 kg)."
    static func arrearsSentence(_ a: ArrearsLine) -> String {
        // A month of which part came is not "missed" (DeliveryState): it is one not delivered in full.
        let missed =
            a.periodsMissed == 1 ? "1 month not delivered in full" : "\(Thousands.format(a.periodsMissed)) months not delivered in full"
        let kg = a.owedKg.map { " (\(Thousands.format($0)) kg)" } ?? ""
        return "\(a.recipientName) (\(a.recipient)) under \(a.decreeName): promised \(Thousands.format(a.promised)) \(a.unit) of \(a.commodity), "
            + "received \(Thousands.format(a.received)) \(a.unit); \(missed)\(a.since.map { " since \($0.longDescription)" } ?? ""): "
            + "\(Thousands.format(a.owed)) \(a.unit) of \(a.commodity) owed\(kg)."
    }
}
