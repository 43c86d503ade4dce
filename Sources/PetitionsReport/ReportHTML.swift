import Foundation
import PetitionsDomain
import PetitionsRules

/// The status report as one self-contained HTML page: inline CSS and SVG charts, no script, no external
/// reference of any kind, so that it opens offline, on a phone, and prints. Every text from the ledger is escaped.
public enum ReportHTML {
    /// The whole page for `report`.
    public static func render(_ report: StatusReport) -> String {
        var sections: [(id: String, title: String, body: String)] = [("headline", "Headline", headline(report))]
        if !report.overdueDeliveries.isEmpty || !report.arrears.isEmpty {
            sections.append(("supply", "Overdue supply and arrears", supply(report)))
        }
        if !report.unansweredLetters.isEmpty { sections.append(("letters", "Letters waiting for a reply", letters(report))) }
        if !report.petitions.isEmpty { sections.append(("petitions", "Petitions by status", petitions(report))) }
        if !report.authorities.isEmpty { sections.append(("authorities", "Authorities", authorities(report))) }
        if !report.documents.isEmpty { sections.append(("documents", "Documents attached to letters", documents(report))) }
        if !report.trend.findings.isEmpty || !report.trend.deliveries.isEmpty { sections.append(("trend", "Trend", trend(report))) }

        let title = "Status report\(report.office.map { " of \($0)" } ?? "") as of \(report.asOf.longDescription)"
        var h = """
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
            <header>
            <h1>Status report\(report.office.map { " of " + esc($0) } ?? "")</h1>
            <p class="asof">as of <strong>\(esc(report.asOf.longDescription))</strong>\(report.redacted ? " · names of persons replaced by initials" : "")</p>
            <nav aria-label="Sections"><ul>
            """
        h += "\n"
        for s in sections { h += "<li><a href=\"#\(s.id)\">\(esc(s.title))</a></li>\n" }
        h += "</ul></nav>\n</header>\n<main>\n"
        for s in sections {
            h += "<section id=\"\(s.id)\" aria-labelledby=\"\(s.id)-title\">\n<h2 id=\"\(s.id)-title\">\(esc(s.title))</h2>\n\(s.body)</section>\n"
        }
        h +=
            "</main>\n<footer><p>Recorded in the petitions ledger; judged as of \(esc(report.asOf.longDescription)) (\(esc(report.asOf.description))).</p></footer>\n</body>\n</html>\n"
        return h
    }

    // MARK: - Sections

    /// Letters with documents attached, and how many each has.
    static func documents(_ r: StatusReport) -> String {
        var t = Table(["Letter", "Day", "Documents"], numeric: [0, 2])
        for d in r.documents { t.row([String(d.letter), day(d.on), Thousands.format(d.documents)]) }
        return t.html
    }

    static func headline(_ r: StatusReport) -> String {
        let s = r.summary
        var h = ""
        if let urgent = s.mostUrgent, !urgent.isEmpty {
            h += "<p class=\"urgent\"><span class=\"label\">Most urgent</span> \(esc(urgent))</p>\n"
        } else {
            h += "<p class=\"calm\">Nothing is late as of \(esc(r.asOf.longDescription)).</p>\n"
        }
        h += "<dl class=\"cards\">\n"
        func card(_ label: String, _ value: Int, _ cls: String = "") {
            h += "<div class=\"card\(cls.isEmpty ? "" : " " + cls)\"><dt>\(esc(label))</dt><dd>\(Thousands.format(value))</dd></div>\n"
        }
        card("Petitioners", s.petitioners)
        card("Groups", s.groups)
        card("Household members", s.householdMembers)
        card("Open petitions", s.openPetitions)
        for sev in Severity.allCases.reversed() {
            let n = s.findings[sev.rawValue] ?? 0
            card("\(sev.rawValue.capitalized) findings", n, n > 0 ? "f-\(sev.rawValue)" : "")
        }
        h += "</dl>\n"
        return h
    }

    static func supply(_ r: StatusReport) -> String {
        var h = ""
        if !r.overdueDeliveries.isEmpty {
            h += "<h3>Late deliveries</h3>\n"
            var t = Table(
                ["Period", "Severity", "Recipient", "Decree", "Supplier", "Due", "Days late", "Expected", "Received", "Short"],
                numeric: [6])
            for o in r.overdueDeliveries {
                t.row([
                    esc(o.period.longDescription), badge(o.severity), esc(o.recipient), esc(o.decree), esc(o.supplier), day(o.due),
                    Thousands.format(o.daysOverdue), quantities(o.expected), quantities(o.received, as: o), quantities(o.shortfall),
                ])
            }
            h += t.html
            h += "<ul class=\"messages\">\n"
            for o in r.overdueDeliveries {
                h += "<li>\(badge(o.severity)) \(esc(o.message)) <span class=\"next\">Next: \(esc(o.action))</span></li>\n"
            }
            h += "</ul>\n"
        }
        if !r.arrears.isEmpty {
            h += "<h3>Arrears ledger</h3>\n"
            var t = Table(
                ["Recipient", "Decree", "Commodity", "Promised", "Received", "Owed", "Owed (kg)", "Periods missed", "Since"],
                numeric: [3, 4, 5, 6, 7], prose: [0, 1])
            for a in r.arrears {
                t.row([
                    esc(a.recipientName), esc(a.decreeName), esc(a.commodity), amount(a.promised, a.unit), amount(a.received, a.unit),
                    "<strong>" + amount(a.owed, a.unit) + "</strong>", a.owedKg.map { Thousands.format($0) } ?? "–",
                    Thousands.format(a.periodsMissed), a.since.map { esc($0.longDescription) } ?? "–",
                ])
            }
            h += t.html
            for a in r.arrears where !a.periods.isEmpty {
                let caption = "Owed per period: \(a.commodity) for \(a.recipientName) under \(a.decreeName), in \(a.unit)"
                h += columnChart(
                    caption: caption, cssClass: "arrears",
                    categories: a.periods.map { shortPeriod($0.period) },
                    series: [("owed", "c-owed")],
                    values: a.periods.map { [decimal($0.owed)] },
                    texts: a.periods.map { [Thousands.format($0.owed)] },
                    tooltips: a.periods.map { p in
                        [
                            "\(p.period.longDescription): expected \(Thousands.format(p.expected)) \(a.unit), received \(Thousands.format(p.received)) \(a.unit), owed \(Thousands.format(p.owed)) \(a.unit)"
                        ]
                    })
            }
        }
        return h
    }

    static func letters(_ r: StatusReport) -> String {
        var h = ""
        let rows = r.unansweredLetters.map { u -> ChartRow in
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
        h += barChart(
            caption: "Days each letter has waited for a reply, coloured by severity", cssClass: "ages", rows: rows,
            legend: [("not yet due", "s-notdue"), ("warning", "s-warning"), ("overdue", "s-overdue"), ("critical", "s-critical")])
        var t = Table(
            ["Letter", "Severity", "Sent", "From", "To", "Subject", "Due", "Waiting", "Working days late"], numeric: [0, 7, 8], prose: [4, 5])
        for u in r.unansweredLetters {
            t.row([
                String(u.letter), u.severity.map(badge) ?? "<span class=\"badge b-notdue\">not due</span>", day(u.sent),
                esc(u.fromName) + " <span class=\"handle\">" + esc(u.from) + "</span>", esc(u.toName),
                esc(u.subject), day(u.due), "\(Thousands.format(u.daysWaiting)) days", Thousands.format(u.workingDaysOverdue),
            ])
        }
        h += t.html
        let pressing = r.unansweredLetters.filter { $0.severity != nil }
        if !pressing.isEmpty {
            h += "<ul class=\"messages\">\n"
            for u in pressing {
                h += "<li>\(u.severity.map(badge) ?? "") \(esc(u.message)) <span class=\"next\">Next: \(esc(u.action))</span></li>\n"
            }
            h += "</ul>\n"
        }
        return h
    }

    static func petitions(_ r: StatusReport) -> String {
        var h = "<ul class=\"counts\">\n"
        for s in PetitionStatus.allCases {
            let n = r.petitions.filter { $0.status == s }.count
            guard n > 0 else { continue }
            h += "<li><span class=\"st st-\(s.rawValue)\">\(esc(statusName(s)))</span> \(Thousands.format(n))</li>\n"
        }
        h += "</ul>\n"
        var t = Table(["Petition", "Opened", "Status", "Petitioner", "Authority", "Via", "Subject", "Age"], numeric: [0, 7], prose: [3, 6])
        let ordered = PetitionStatus.allCases.flatMap { s in r.petitions.filter { $0.status == s } }
        for p in ordered {
            t.row([
                String(p.id), day(p.opened), "<span class=\"st st-\(p.status.rawValue)\">\(esc(statusName(p.status)))</span>",
                esc(p.petitionerName), handle(p.authority), p.via.map(handle) ?? "–", esc(p.subject),
                p.ageDays.map { "\(Thousands.format($0)) days" } ?? "–",
            ])
        }
        h += t.html
        return h
    }

    static func authorities(_ r: StatusReport) -> String {
        var h = ""
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
            h += barChart(
                caption: "How each authority answers the letters sent to it", cssClass: "responsiveness", rows: rows,
                legend: [("answered within the deadline", "c-intime"), ("answered late", "c-late"), ("unanswered", "c-open")])
        }
        var t = Table(
            ["Authority", "Above it", "Letters", "Answered", "In time", "Median days", "Open", "Overdue"], numeric: [2, 3, 4, 5, 6, 7],
            prose: [0])
        for a in r.authorities {
            t.row([
                esc(a.name) + " <span class=\"handle\">" + esc(a.handle) + "</span>",
                a.chain.isEmpty ? "–" : a.chain.map(handle).joined(separator: " → "),
                Thousands.format(a.lettersReceived), Thousands.format(a.answered), Thousands.format(a.answeredWithinDeadline),
                a.medianDaysToAnswer.map { Thousands.format($0) } ?? "–", Thousands.format(a.openNow),
                a.overdueNow > 0 ? "<strong>\(Thousands.format(a.overdueNow))</strong>" : "0",
            ])
        }
        h += t.html
        return h
    }

    static func trend(_ r: StatusReport) -> String {
        var h = ""
        if !r.trend.findings.isEmpty {
            h += "<h3>Findings raised and cleared per month</h3>\n"
            h += columnChart(
                caption: "Findings raised and cleared per month, from recorded checks", cssClass: "findings",
                categories: r.trend.findings.map { (try? Period(parsing: $0.month)).map(shortPeriod) ?? $0.month },
                series: [("raised", "c-raised"), ("cleared", "c-cleared")],
                values: r.trend.findings.map { [Double($0.raised), Double($0.cleared)] },
                texts: r.trend.findings.map { [Thousands.format($0.raised), Thousands.format($0.cleared)] },
                tooltips: r.trend.findings.map { ["\($0.month): \($0.raised) raised", "\($0.month): \($0.cleared) cleared"] })
        }
        if !r.trend.deliveries.isEmpty {
            h += "<h3>Deliveries due and complete per period</h3>\n"
            h += columnChart(
                caption: "Deliveries due and deliveries complete per period", cssClass: "deliveries",
                categories: r.trend.deliveries.map { shortPeriod($0.period) },
                series: [("due", "c-due"), ("complete", "c-complete")],
                values: r.trend.deliveries.map { [Double($0.due), Double($0.complete)] },
                texts: r.trend.deliveries.map { [Thousands.format($0.due), Thousands.format($0.complete)] },
                tooltips: r.trend.deliveries.map { p in
                    ["\(p.period.longDescription): \(p.due) due", "\(p.period.longDescription): \(p.complete) complete, \(p.partial) partial"]
                })
            var t = Table(["Period", "Due", "Complete", "Partial", "Expected", "Received"], numeric: [1, 2, 3])
            for p in r.trend.deliveries {
                t.row([
                    esc(p.period.longDescription), Thousands.format(p.due), Thousands.format(p.complete), Thousands.format(p.partial),
                    p.quantities.map { amount($0.expected, $0.unit) + " " + esc($0.commodity) }.joined(separator: "<br>"),
                    p.quantities.map { amount($0.received, $0.unit) + " " + esc($0.commodity) }.joined(separator: "<br>"),
                ])
            }
            h += t.html
        }
        return h
    }
}
