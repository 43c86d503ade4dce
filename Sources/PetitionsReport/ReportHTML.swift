import Foundation
import PetitionsDomain
import PetitionsRules

/// The status report as one self-contained HTML page: inline CSS and SVG charts, no script, no external
/// reference of any kind, so that it opens offline, on a phone, and prints. Every text from the ledger is escaped.
public enum ReportHTML {
    /// The whole page for `report`.
    public static func render(_ report: StatusReport) -> String {
        ReportOutput.string { try write(report, to: $0) }
    }

    /// Writes the page to `sink` in chunks of about `chunk` bytes, section by section as it is laid out: the same
    /// bytes as `render`.
    public static func write(_ report: StatusReport, chunk: Int = 1 << 16, to sink: ([UInt8]) throws -> Void) throws {
        try ReportOutput.writing(chunk: chunk, to: sink) { try write(report, to: $0) }
    }

    /// The report as the body of another page (the office server's, inside its layout): what `write` puts between
    /// `<body>` and `</body>`, its `main` a `<div class="report">` (a page has one `main`, the layout's) and `links`
    /// at the end of its header; in chunks of about `chunk` bytes, never the whole report at once.
    public static func writeEmbedded(
        _ report: StatusReport, links: String, chunk: Int = 1 << 16, to sink: ([UInt8]) throws -> Void
    ) throws {
        try ReportOutput.writing(chunk: chunk, to: sink) { try writeBody(report, embeddedWith: links, to: $0) }
    }

    static func write(_ report: StatusReport, to out: ReportOutput) throws {
        let title = "Status report\(report.office.map { " of \($0)" } ?? "") as of \(report.asOf.longDescription)"
        try out.write(
            """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <meta name="referrer" content="no-referrer">
            <title>\(esc(title))</title>
            <style>
            \(css)
            </style>
            </head>
            <body>
            """)
        try writeBody(report, embeddedWith: nil, to: out)
        try out.write("</body>\n</html>\n")
    }

    /// What is between `<body>` and `</body>`: the header, the sections and the footer. `links` (embedded in another
    /// page) go at the end of the header, and the sections in a `div` instead of the page's `main`.
    static func writeBody(_ report: StatusReport, embeddedWith links: String?, to out: ReportOutput) throws {
        typealias Body = (StatusReport, ReportOutput) throws -> Void
        var sections: [(id: String, title: String, body: Body)] = [("headline", "Headline", headline)]
        if !report.overdueDeliveries.isEmpty || !report.arrears.isEmpty {
            sections.append(("supply", "Overdue supply and arrears", supply))
        }
        if !report.unansweredLetters.isEmpty { sections.append(("letters", "Letters waiting for a reply", letters)) }
        if !report.petitions.isEmpty { sections.append(("petitions", "Petitions by status", petitions)) }
        if !report.authorities.isEmpty { sections.append(("authorities", "Authorities", authorities)) }
        if !report.documents.isEmpty { sections.append(("documents", "Documents attached to letters", documents)) }
        if !report.trend.findings.isEmpty || !report.trend.deliveries.isEmpty { sections.append(("trend", "Trend", trend)) }

        try out.write(
            """

            <header>
            <h1>Status report\(report.office.map { " of " + esc($0) } ?? "")</h1>
            <p class="asof">as of <strong>\(esc(report.asOf.longDescription))</strong>\(report.redacted ? " · names of persons replaced by initials" : "")</p>
            <nav aria-label="Sections"><ul>
            """)
        try out.write("\n")
        for s in sections { try out.write("<li><a href=\"#\(s.id)\">\(esc(s.title))</a></li>\n") }
        try out.write("</ul></nav>\n\(links ?? "")</header>\n\(links == nil ? "<main>" : "<div class=\"report\">")\n")
        for s in sections {
            try out.write("<section id=\"\(s.id)\" aria-labelledby=\"\(s.id)-title\">\n<h2 id=\"\(s.id)-title\">\(esc(s.title))</h2>\n")
            try s.body(report, out)
            try out.write("</section>\n")
        }
        try out.write(
            "\(links == nil ? "</main>" : "</div>")\n<footer><p>Recorded in the petitions ledger; judged as of \(esc(report.asOf.longDescription)) (\(esc(report.asOf.description))).</p></footer>\n"
        )
    }

    // MARK: - Sections

    /// Letters with documents attached, and how many each has.
    static func documents(_ r: StatusReport, to out: ReportOutput) throws {
        try Table(["Letter", "Day", "Documents"], numeric: [0, 2]).write(to: out) { row in
            for d in r.documents { try row([String(d.letter), day(d.on), Thousands.format(d.documents)]) }
        }
    }

    static func headline(_ r: StatusReport, to out: ReportOutput) throws {
        let s = r.summary
        if let urgent = s.mostUrgent, !urgent.isEmpty {
            try out.write("<p class=\"urgent\"><span class=\"label\">Most urgent</span> \(esc(urgent))</p>\n")
        } else {
            try out.write("<p class=\"calm\">Nothing is late as of \(esc(r.asOf.longDescription)).</p>\n")
        }
        try out.write("<dl class=\"cards\">\n")
        func card(_ label: String, _ value: Int, _ cls: String = "") throws {
            try out.write("<div class=\"card\(cls.isEmpty ? "" : " " + cls)\"><dt>\(esc(label))</dt><dd>\(Thousands.format(value))</dd></div>\n")
        }
        try card("Petitioners", s.petitioners)
        try card("Groups", s.groups)
        try card("Household members", s.householdMembers)
        try card("Open petitions", s.openPetitions)
        for sev in Severity.allCases.reversed() {
            let n = s.findings[sev.rawValue] ?? 0
            try card("\(sev.rawValue.capitalized) findings", n, n > 0 ? "f-\(sev.rawValue)" : "")
        }
        try out.write("</dl>\n")
    }

    static func supply(_ r: StatusReport, to out: ReportOutput) throws {
        if !r.overdueDeliveries.isEmpty {
            try out.write("<h3>Late deliveries</h3>\n")
            let t = Table(
                ["Period", "Severity", "Recipient", "Decree", "Supplier", "Due", "Days late", "Expected", "Received", "Short"],
                numeric: [6])
            try t.write(to: out) { row in
                for o in r.overdueDeliveries {
                    try row([
                        esc(o.period.longDescription), badge(o.severity), esc(o.recipient), esc(o.decree), esc(o.supplier), day(o.due),
                        Thousands.format(o.daysOverdue), quantities(o.expected), quantities(o.received, as: o), quantities(o.shortfall),
                    ])
                }
            }
            try out.write("<ul class=\"messages\">\n")
            for o in r.overdueDeliveries {
                try out.write("<li>\(badge(o.severity)) \(esc(o.message)) <span class=\"next\">Next: \(esc(o.action))</span></li>\n")
            }
            try out.write("</ul>\n")
        }
        if !r.arrears.isEmpty {
            try out.write("<h3>Arrears ledger</h3>\n")
            let t = Table(
                ["Recipient", "Decree", "Commodity", "Promised", "Received", "Owed", "Owed (kg)", "Periods missed", "Since"],
                numeric: [3, 4, 5, 6, 7], prose: [0, 1])
            try t.write(to: out) { row in
                for a in r.arrears {
                    try row([
                        esc(a.recipientName), esc(a.decreeName), esc(a.commodity), amount(a.promised, a.unit), amount(a.received, a.unit),
                        "<strong>" + amount(a.owed, a.unit) + "</strong>", a.owedKg.map { Thousands.format($0) } ?? "–",
                        Thousands.format(a.periodsMissed), a.since.map { esc($0.longDescription) } ?? "–",
                    ])
                }
            }
            for a in r.arrears where !a.periods.isEmpty {
                let caption = "Owed per period: \(a.commodity) for \(a.recipientName) under \(a.decreeName), in \(a.unit)"
                try out.write(
                    columnChart(
                        caption: caption, cssClass: "arrears",
                        categories: a.periods.map { shortPeriod($0.period) },
                        series: [("owed", "c-owed")],
                        values: a.periods.map { [decimal($0.owed)] },
                        texts: a.periods.map { [Thousands.format($0.owed)] },
                        tooltips: a.periods.map { p in
                            [
                                "\(p.period.longDescription): expected \(Thousands.format(p.expected)) \(a.unit), received \(Thousands.format(p.received)) \(a.unit), owed \(Thousands.format(p.owed)) \(a.unit)"
                            ]
                        }))
            }
        }
    }

    static func letters(_ r: StatusReport, to out: ReportOutput) throws {
        // A bar per letter, worded as it is drawn (and once before, for the longest bar), not held for every letter.
        let rows = r.unansweredLetters.lazy.map { u -> ChartRow in
            let cls = "s-\(u.severity?.rawValue ?? "notdue")"
            return ChartRow(
                label: "Letter \(u.letter) to \(u.toName)",
                segments: [
                    (
                        Double(u.daysWaiting), cls,
                        "Sent \(u.sent.longDescription): \(u.daysWaiting) days waiting (\(u.severity?.rawValue ?? "not yet due"))"
                    )
                ],
                total: "\(Thousands.format(u.daysWaiting)) d")
        }
        try barChart(
            caption: "Days each letter has waited for a reply, coloured by severity", cssClass: "ages", rows: rows,
            legend: [("not yet due", "s-notdue"), ("warning", "s-warning"), ("overdue", "s-overdue"), ("critical", "s-critical")], to: out)
        let t = Table(
            ["Letter", "Severity", "Sent", "From", "To", "Subject", "Due", "Waiting", "Working days late"], numeric: [0, 7, 8], prose: [4, 5])
        try t.write(to: out) { row in
            for u in r.unansweredLetters {
                try row([
                    String(u.letter), u.severity.map(badge) ?? "<span class=\"badge b-notdue\">not due</span>", day(u.sent),
                    esc(u.fromName) + " <span class=\"handle\">" + esc(u.from) + "</span>", esc(u.toName),
                    esc(u.subject), day(u.due), "\(Thousands.format(u.daysWaiting)) days", Thousands.format(u.workingDaysOverdue),
                ])
            }
        }
        let pressing = r.unansweredLetters.lazy.filter { $0.severity != nil }
        if !pressing.isEmpty {
            try out.write("<ul class=\"messages\">\n")
            for u in pressing {
                try out.write("<li>\(u.severity.map(badge) ?? "") \(esc(u.message)) <span class=\"next\">Next: \(esc(u.action))</span></li>\n")
            }
            try out.write("</ul>\n")
        }
    }

    static func petitions(_ r: StatusReport, to out: ReportOutput) throws {
        try out.write("<ul class=\"counts\">\n")
        for s in PetitionStatus.allCases {
            let n = r.petitions.count { $0.status == s }
            guard n > 0 else { continue }
            try out.write("<li><span class=\"st st-\(s.rawValue)\">\(esc(statusName(s)))</span> \(Thousands.format(n))</li>\n")
        }
        try out.write("</ul>\n")
        let t = Table(["Petition", "Opened", "Status", "Petitioner", "Authority", "Via", "Subject", "Age"], numeric: [0, 7], prose: [3, 6])
        try t.write(to: out) { row in
            // By status, in the order of the statuses, without a copy of the petitions sorted so.
            for s in PetitionStatus.allCases {
                for p in r.petitions where p.status == s {
                    try row([
                        String(p.id), day(p.opened), "<span class=\"st st-\(p.status.rawValue)\">\(esc(statusName(p.status)))</span>",
                        esc(p.petitionerName), handle(p.authority), p.via.map(handle) ?? "–", esc(p.subject),
                        p.ageDays.map { "\(Thousands.format($0)) days" } ?? "–",
                    ])
                }
            }
        }
    }

    static func authorities(_ r: StatusReport, to out: ReportOutput) throws {
        let written = r.authorities.filter { $0.lettersReceived > 0 }
        if !written.isEmpty {
            let rows = written.map { a -> ChartRow in
                let inTime = max(0, a.answeredWithinDeadline)
                let late = max(0, a.answered - a.answeredWithinDeadline)
                let open = max(0, a.lettersReceived - a.answered)
                return ChartRow(
                    label: a.name,
                    segments: [
                        (Double(inTime), "c-intime", "\(inTime) answered within the deadline"),
                        (Double(late), "c-late", "\(late) answered late"),
                        (Double(open), "c-open", "\(open) unanswered"),
                    ],
                    total: "\(Thousands.format(a.lettersReceived)) letter\(a.lettersReceived == 1 ? "" : "s")")
            }
            try barChart(
                caption: "How each authority answers the letters sent to it", cssClass: "responsiveness", rows: rows,
                legend: [("answered within the deadline", "c-intime"), ("answered late", "c-late"), ("unanswered", "c-open")], to: out)
        }
        let t = Table(
            ["Authority", "Above it", "Letters", "Answered", "In time", "Median days", "Open", "Overdue"], numeric: [2, 3, 4, 5, 6, 7],
            prose: [0])
        try t.write(to: out) { row in
            for a in r.authorities {
                try row([
                    esc(a.name) + " <span class=\"handle\">" + esc(a.handle) + "</span>",
                    a.chain.isEmpty ? "–" : a.chain.map(handle).joined(separator: " → "),
                    Thousands.format(a.lettersReceived), Thousands.format(a.answered), Thousands.format(a.answeredWithinDeadline),
                    a.medianDaysToAnswer.map { Thousands.format($0) } ?? "–", Thousands.format(a.openNow),
                    a.overdueNow > 0 ? "<strong>\(Thousands.format(a.overdueNow))</strong>" : "0",
                ])
            }
        }
    }

    static func trend(_ r: StatusReport, to out: ReportOutput) throws {
        if !r.trend.findings.isEmpty {
            try out.write("<h3>Findings raised and cleared per month</h3>\n")
            try out.write(
                columnChart(
                    caption: "Findings raised and cleared per month, from recorded checks", cssClass: "findings",
                    categories: r.trend.findings.map { (try? Period(parsing: $0.month)).map(shortPeriod) ?? $0.month },
                    series: [("raised", "c-raised"), ("cleared", "c-cleared")],
                    values: r.trend.findings.map { [Double($0.raised), Double($0.cleared)] },
                    texts: r.trend.findings.map { [Thousands.format($0.raised), Thousands.format($0.cleared)] },
                    tooltips: r.trend.findings.map { ["\($0.month): \($0.raised) raised", "\($0.month): \($0.cleared) cleared"] }))
        }
        if !r.trend.deliveries.isEmpty {
            try out.write("<h3>Deliveries due and complete per period</h3>\n")
            try out.write(
                columnChart(
                    caption: "Deliveries due and deliveries complete per period", cssClass: "deliveries",
                    categories: r.trend.deliveries.map { shortPeriod($0.period) },
                    series: [("due", "c-due"), ("complete", "c-complete")],
                    values: r.trend.deliveries.map { [Double($0.due), Double($0.complete)] },
                    texts: r.trend.deliveries.map { [Thousands.format($0.due), Thousands.format($0.complete)] },
                    tooltips: r.trend.deliveries.map { p in
                        ["\(p.period.longDescription): \(p.due) due", "\(p.period.longDescription): \(p.complete) complete, \(p.partial) partial"]
                    }))
            let t = Table(["Period", "Due", "Complete", "Partial", "Expected", "Received"], numeric: [1, 2, 3])
            try t.write(to: out) { row in
                for p in r.trend.deliveries {
                    try row([
                        esc(p.period.longDescription), Thousands.format(p.due), Thousands.format(p.complete), Thousands.format(p.partial),
                        p.quantities.map { amount($0.expected, $0.unit) + " " + esc($0.commodity) }.joined(separator: "<br>"),
                        p.quantities.map { amount($0.received, $0.unit) + " " + esc($0.commodity) }.joined(separator: "<br>"),
                    ])
                }
            }
        }
    }
}
