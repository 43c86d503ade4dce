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
        if !report.trend.findings.isEmpty || !report.trend.deliveries.isEmpty { sections.append(("trend", "Trend", trend(report))) }

        let title = "Status report as of \(report.asOf.longDescription)"
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
            <h1>Status report</h1>
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
                    Thousands.format(o.daysOverdue), quantities(o.expected), quantities(o.received), quantities(o.shortfall),
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
                            "\(p.period.longDescription): expected \(Thousands.format(p.expected)) \(a.unit), received \(Thousands.format(p.received)), owed \(Thousands.format(p.owed))"
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
                String(u.letter), u.severity.map(badge) ?? "<span class=\"badge b-notdue\">not due</span>", day(u.sent), esc(u.from), esc(u.toName),
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
                esc(p.petitionerName), esc(p.authority), p.via.map(esc) ?? "–", esc(p.subject),
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
                a.chain.isEmpty ? "–" : a.chain.map(esc).joined(separator: " → "),
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

    // MARK: - Charts

    /// One horizontal bar: a label above it, stacked segments (value, CSS class, tooltip), and a total after it.
    struct ChartRow {
        var label: String
        var segments: [(value: Double, cssClass: String, tooltip: String)]
        var total: String
    }

    /// The width of horizontal bar charts: they shrink to a phone's width, their labels still readable.
    static let rowsWidth = 420.0

    /// Horizontal bars, one per row, each a `<g class="bar">`; labels sit above the bars so long names fit on a phone.
    static func barChart(caption: String, cssClass: String, rows: [ChartRow], legend: [(String, String)]) -> String {
        let rowHeight = 42.0
        let top = 4.0
        let valueSpace = 70.0
        let height = top + Double(rows.count) * rowHeight + 2
        let maxTotal = max(1, rows.map { $0.segments.reduce(0) { $0 + $1.value } }.max() ?? 1)
        let scale = (rowsWidth - valueSpace) / maxTotal
        var s = figureOpen(caption: caption, cssClass: "rows \(cssClass)", width: rowsWidth, height: height)
        for (i, row) in rows.enumerated() {
            let y = top + Double(i) * rowHeight
            s += "<g class=\"bar\">"
            s += "<text class=\"label\" x=\"0\" y=\"\(n(y + 13))\">\(esc(truncated(row.label, 58)))</text>"
            var x = 0.0
            for seg in row.segments where seg.value > 0 {
                let w = seg.value * scale
                s +=
                    "<rect class=\"\(seg.cssClass)\" x=\"\(n(x))\" y=\"\(n(y + 19))\" width=\"\(n(w))\" height=\"17\"><title>\(esc(seg.tooltip))</title></rect>"
                x += w
            }
            if x == 0 { s += "<rect class=\"zero\" x=\"0\" y=\"\(n(y + 19))\" width=\"2\" height=\"17\"/>" }
            s += "<text class=\"value\" x=\"\(n(x + 6))\" y=\"\(n(y + 32))\">\(esc(row.total))</text>"
            s += "</g>\n"
        }
        return s + figureClose(caption: caption, legend: legend)
    }

    /// Vertical bars grouped by category, one `<g class="bar">` per category and series, on a scale with gridlines.
    /// The chart keeps its natural size (text at its set size) and scrolls sideways when the screen is narrower.
    static func columnChart(
        caption: String, cssClass: String, categories: [String], series: [(name: String, cssClass: String)],
        values: [[Double]], texts: [[String]], tooltips: [[String]]
    ) -> String {
        let left = 48.0
        let right = 8.0
        let top = 18.0
        let plot = 170.0
        let bottom = 26.0
        let height = top + plot + bottom
        let barWidth = 28.0
        let groupWidth = max(66, Double(series.count) * barWidth + 14)
        let width = max(360, left + right + groupWidth * Double(max(1, categories.count)))
        let plotWidth = width - left - right
        let slot = plotWidth / Double(max(1, categories.count))
        let integers = values.allSatisfy { $0.allSatisfy { $0 == $0.rounded() } }
        let (step, ceiling) = niceScale(values.flatMap { $0 }.max() ?? 0, integers: integers)
        var s = figureOpen(caption: caption, cssClass: "columns \(cssClass)", width: width, height: height)
        // Gridlines and their values.
        var tick = 0.0
        var ticks = 0
        while tick <= ceiling + step / 2, ticks < 20 {
            ticks += 1
            let y = top + plot - tick / ceiling * plot
            s += "<line class=\"grid\" x1=\"\(n(left))\" y1=\"\(n(y))\" x2=\"\(n(width - right))\" y2=\"\(n(y))\"/>"
            s += "<text class=\"tick\" x=\"\(n(left - 6))\" y=\"\(n(y + 4))\">\(Thousands.format(tick))</text>\n"
            tick += step
        }
        let inset = (slot - barWidth * Double(series.count)) / 2
        for (c, category) in categories.enumerated() {
            let gx = left + Double(c) * slot
            for (k, ser) in series.enumerated() {
                let v = c < values.count && k < values[c].count ? max(0, values[c][k]) : 0
                let h = v / ceiling * plot
                let x = gx + inset + Double(k) * barWidth
                let tip = c < tooltips.count && k < tooltips[c].count ? tooltips[c][k] : ""
                s +=
                    "<g class=\"bar\"><rect class=\"\(ser.cssClass)\" x=\"\(n(x + 1))\" y=\"\(n(top + plot - h))\" width=\"\(n(barWidth - 2))\" height=\"\(n(max(h, v > 0 ? 1 : 0)))\"><title>\(esc(tip))</title></rect>"
                if c < texts.count, k < texts[c].count {
                    s +=
                        "<text class=\"value\" x=\"\(n(x + barWidth / 2))\" y=\"\(n(top + plot - h - 5))\" text-anchor=\"middle\">\(esc(texts[c][k]))</text>"
                }
                s += "</g>\n"
            }
            s += "<text class=\"cat\" x=\"\(n(gx + slot / 2))\" y=\"\(n(top + plot + 18))\" text-anchor=\"middle\">\(esc(category))</text>\n"
        }
        return s + figureClose(caption: caption, legend: series.count > 1 ? series.map { ($0.name, $0.cssClass) } : [])
    }

    static func figureOpen(caption: String, cssClass: String, width: Double, height: Double) -> String {
        "<figure class=\"chart \(cssClass)\">\n<div class=\"scroll\">\n<svg viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\" role=\"img\" aria-label=\"\(esc(caption))\"><title>\(esc(caption))</title>\n"
    }

    static func figureClose(caption: String, legend: [(String, String)]) -> String {
        var s = "</svg>\n</div>\n<figcaption>\(esc(caption))"
        if !legend.isEmpty {
            s +=
                "<span class=\"legend\">"
                + legend.map { "<span class=\"key\"><span class=\"sw \($0.1)\"></span>\(esc($0.0))</span>" }.joined(separator: " ") + "</span>"
        }
        return s + "</figcaption>\n</figure>\n"
    }

    /// A gridline step (1, 2 or 5 times a power of ten, whole for counts) giving about four lines, and the top of the scale.
    static func niceScale(_ maxValue: Double, integers: Bool) -> (step: Double, ceiling: Double) {
        guard maxValue > 0, maxValue.isFinite else { return (1, 1) }
        let raw = maxValue / 4
        let magnitude = pow(10, floor(log10(raw)))
        var step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        if integers { step = max(1, step.rounded(.up)) }
        // A value too small for a power of ten (a subnormal) made the step 0, and the gridline loop a fixed point.
        guard step > 0, step.isFinite else { return (1, 1) }
        return (step, max(step, (maxValue / step).rounded(.up) * step))
    }

    // MARK: - Tables

    /// A table that scrolls sideways on a narrow screen; cells are HTML already escaped by the caller.
    /// Numeric columns align right; prose columns (`prose`) keep a readable width rather than wrap to a word a line.
    struct Table {
        var headers: [String]
        var numeric: Set<Int>
        var prose: Set<Int>
        var rows: [[String]] = []
        init(_ headers: [String], numeric: Set<Int> = [], prose: Set<Int> = []) {
            self.headers = headers
            self.numeric = numeric
            self.prose = prose
        }
        mutating func row(_ cells: [String]) { rows.append(cells) }
        func cls(_ i: Int) -> String { numeric.contains(i) ? " class=\"num\"" : prose.contains(i) ? " class=\"prose\"" : "" }
        var html: String {
            var h = "<div class=\"scroll\">\n<table>\n<thead><tr>"
            for (i, head) in headers.enumerated() { h += "<th scope=\"col\"\(cls(i))>\(ReportHTML.esc(head))</th>" }
            h += "</tr></thead>\n<tbody>\n"
            for r in rows {
                h += "<tr>"
                for (i, cell) in r.enumerated() { h += "<td\(cls(i))>\(cell)</td>" }
                h += "</tr>\n"
            }
            return h + "</tbody>\n</table>\n</div>\n"
        }
    }

    // MARK: - Text

    /// Escapes text for HTML content and attribute values: & < > " ' and also / (so no text can form `//`).
    public static func esc(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "/": out += "&#47;"
            default: out.append(c)
            }
        }
        return out
    }

    static func badge(_ s: Severity) -> String { "<span class=\"badge b-\(s.rawValue)\">\(s.rawValue)</span>" }

    static func day(_ d: Day) -> String { "<time datetime=\"\(d.description)\">\(esc(d.longDescription))</time>" }

    static func amount(_ d: Decimal, _ unit: String) -> String { Thousands.format(d) + " " + esc(unit) }

    static func quantities(_ list: [QuantityValue]) -> String {
        list.isEmpty ? "–" : list.map { Thousands.format($0.amount) + " " + esc($0.unit) + " " + esc($0.commodity) }.joined(separator: "<br>")
    }

    static func statusName(_ s: PetitionStatus) -> String { s.rawValue.replacingOccurrences(of: "_", with: " ") }

    static func shortPeriod(_ p: Period) -> String { "\(Day.monthNames[p.month - 1].prefix(3)) \(p.year)" }

    static func truncated(_ s: String, _ limit: Int) -> String { s.count > limit ? String(s.prefix(limit - 1)) + "…" : s }

    static func decimal(_ d: Decimal) -> Double { NSDecimalNumber(decimal: d).doubleValue }

    /// A coordinate with at most one decimal.
    static func n(_ x: Double) -> String {
        let tenths = (x * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? String(Int(tenths / 10)) : String(tenths / 10)
    }

    // MARK: - Style

    static let css = """
        :root { --ink: #1d232b; --muted: #5b6572; --rule: #d9dee4; --paper: #ffffff; --tint: #f4f6f8;
          --critical: #9b1c1c; --overdue: #d9480f; --warning: #d49b00; --notdue: #8a94a6;
          --good: #2f855a; --late: #d69e2e; --bad: #c53030; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        body { margin: 0 auto; max-width: 64rem; padding: 1rem; color: var(--ink); background: var(--paper);
          font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        h1 { font-size: 1.8rem; margin: 0.5rem 0 0; }
        h2 { font-size: 1.35rem; margin: 2rem 0 0.75rem; padding-bottom: 0.25rem; border-bottom: 2px solid var(--ink); }
        h3 { font-size: 1.05rem; margin: 1.5rem 0 0.5rem; }
        .asof { margin: 0 0 0.75rem; color: var(--muted); }
        nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.4rem; margin: 0; padding: 0; }
        nav a { display: inline-block; padding: 0.2rem 0.6rem; border: 1px solid var(--rule); border-radius: 1rem; color: var(--ink);
          text-decoration: none; font-size: 0.9rem; background: var(--tint); }
        nav a:hover, nav a:focus { border-color: var(--ink); }
        .urgent { margin: 0.5rem 0 1rem; padding: 0.75rem 1rem; border-left: 6px solid var(--critical); background: #fdf0f0; font-size: 1.05rem; }
        .urgent .label { display: block; font-size: 0.75rem; font-weight: 700; letter-spacing: 0.06em; text-transform: uppercase; color: var(--critical); }
        .calm { padding: 0.75rem 1rem; border-left: 6px solid var(--good); background: #eef8f2; }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(8rem, 1fr)); gap: 0.5rem; margin: 0; }
        .card { border: 1px solid var(--rule); border-radius: 0.4rem; padding: 0.5rem 0.75rem; background: var(--tint); }
        .card dt { font-size: 0.8rem; color: var(--muted); }
        .card dd { margin: 0; font-size: 1.5rem; font-weight: 700; font-variant-numeric: tabular-nums; }
        .card.f-critical dd { color: var(--critical); } .card.f-overdue dd { color: var(--overdue); } .card.f-warning dd { color: #8a6400; }
        .scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; max-width: 100%; }
        table { border-collapse: collapse; width: 100%; font-size: 0.9rem; font-variant-numeric: tabular-nums; margin: 0.25rem 0 0.75rem; }
        th, td { padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; border-bottom: 1px solid var(--rule); }
        th { border-bottom: 2px solid var(--ink); font-size: 0.8rem; vertical-align: bottom; }
        td.num, th.num { text-align: right; white-space: nowrap; }
        td.prose { min-width: 11rem; }
        tbody tr:nth-child(even) { background: var(--tint); }
        time { white-space: nowrap; }
        .handle { color: var(--muted); font-size: 0.8rem; }
        .badge { display: inline-block; padding: 0 0.45rem; border-radius: 0.25rem; font-size: 0.75rem; font-weight: 700; color: #fff; white-space: nowrap; }
        .b-critical { background: var(--critical); } .b-overdue { background: var(--overdue); }
        .b-warning { background: var(--warning); color: #1d232b; } .b-notdue { background: var(--notdue); }
        .messages { padding-left: 1.1rem; font-size: 0.92rem; }
        .messages li { margin: 0.3rem 0; }
        .next { display: block; color: var(--muted); }
        .counts { list-style: none; display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; padding: 0; margin: 0 0 0.5rem; font-variant-numeric: tabular-nums; }
        .st { display: inline-block; padding: 0 0.4rem; border-radius: 0.25rem; background: var(--tint); border: 1px solid var(--rule); font-size: 0.85rem; white-space: nowrap; }
        .st-open { border-color: var(--overdue); } .st-waiting_on_petitioner { border-color: var(--warning); }
        .st-answered, .st-resolved { border-color: var(--good); }
        figure.chart { margin: 0.75rem 0 1rem; }
        figure.chart svg { display: block; height: auto; font-family: inherit; }
        figure.chart.rows svg { width: 100%; max-width: 420px; }
        svg text { font-size: 13px; fill: var(--ink); }
        svg .label { font-size: 13px; }
        svg .tick, svg .cat { font-size: 12px; fill: var(--muted); }
        svg .tick { text-anchor: end; }
        svg .value { font-size: 12px; font-weight: 700; font-variant-numeric: tabular-nums; }
        svg .grid { stroke: var(--rule); stroke-width: 1; }
        svg .zero { fill: var(--muted); }
        figcaption { font-size: 0.85rem; color: var(--muted); margin-top: 0.25rem; }
        .legend { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; font-size: 0.85rem; color: var(--muted); margin-top: 0.25rem; }
        .key { white-space: nowrap; }
        .sw { display: inline-block; width: 0.8rem; height: 0.8rem; margin-right: 0.3rem; vertical-align: -0.1rem; border-radius: 0.15rem; }
        .s-critical { fill: var(--critical); background: var(--critical); } .s-overdue { fill: var(--overdue); background: var(--overdue); }
        .s-warning { fill: var(--warning); background: var(--warning); } .s-notdue { fill: var(--notdue); background: var(--notdue); }
        .c-owed { fill: var(--critical); background: var(--critical); }
        .c-intime { fill: var(--good); background: var(--good); } .c-late { fill: var(--late); background: var(--late); }
        .c-open { fill: var(--bad); background: var(--bad); }
        .c-raised { fill: var(--bad); background: var(--bad); } .c-cleared { fill: var(--good); background: var(--good); }
        .c-due { fill: #a0aec0; background: #a0aec0; } .c-complete { fill: var(--good); background: var(--good); }
        footer { margin-top: 2rem; padding-top: 0.5rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: 0.8rem; }
        @media (max-width: 40rem) {
          body { padding: 0.75rem; font-size: 15px; }
          h1 { font-size: 1.5rem; }
          .card dd { font-size: 1.25rem; }
          .scroll > table { min-width: 42rem; }
        }
        @media print {
          @page { margin: 15mm; }
          body { max-width: none; padding: 0; font-size: 10.5pt; }
          nav { display: none; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          .scroll { overflow: visible; }
          figure.chart svg { max-width: 100%; }
          h2, h3 { break-after: avoid; page-break-after: avoid; }
          figure, tr, .card, .urgent { break-inside: avoid; page-break-inside: avoid; }
          tbody tr:nth-child(even) { background: none; }
          a { color: inherit; text-decoration: none; }
        }
        """
}
