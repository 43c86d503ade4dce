import Foundation
import PetitionsDomain
import Testing

@testable import PetitionsReport
@testable import PetitionsRules

/// The HTML report: one self-contained page, every ledger text escaped, one SVG per chart with a bar per value.
@Suite struct ReportHTMLTests {
    static let hostile = "<script>alert(1)</script>"
    static let quotes = "\"quotes\" & 'apostrophes'"
    static let link = "see http://evil.example/x.js"

    static func day(_ s: String) throws -> Day { try Day(parsing: s) }
    static func period(_ s: String) throws -> Period { try Period(parsing: s) }

    /// A Dmitrov-like report as of 4 March 1920, written by hand, with hostile names in it.
    static func dmitrov() throws -> StatusReport {
        let wheat = { (n: Decimal) in QuantityValue(commodity: "wheat", amount: n, unit: "funt") }
        func late(_ id: Int64, _ p: String, since: String, days: Int) throws -> OverdueDelivery {
            OverdueDelivery(
                delivery: id, decree: "decree-1918", recipient: "dmitrov-post", supplier: "moscow-supply", period: try period(p),
                due: try day(p + "-01"), overdueSince: try day(since), daysOverdue: days, severity: .critical, consecutiveMissed: 2,
                expected: [wheat(1700)], received: [wheat(0)], shortfall: [wheat(1700)],
                message: "\(hostile): \(try period(p).longDescription) under the Decree of 15 August 1918 not delivered (nothing received).",
                action: "escalate to People's Commissariat of Posts and Telegraphs")
        }
        func letter(
            _ id: Int64, to: String, toName: String, subject: String, sent: String, due: String, waiting: Int, overdue: Int, wd: Int,
            _ s: Severity?
        ) throws -> UnansweredLetter {
            UnansweredLetter(
                letter: id, from: "dmitrov-post", fromName: "Postal-telegraph employees of the Dmitrov district", to: to, toName: toName,
                subject: subject, sent: try day(sent), due: try day(due),
                daysWaiting: waiting, daysOverdue: overdue, workingDaysOverdue: wd, severity: s, petition: id, followUps: 0,
                escalateTo: nil, message: "No reply from \(toName) to the letter of \(try day(sent).longDescription) (\(subject)).",
                action: "remind \(toName) (petitions draft reminder --letter \(id))")
        }
        let months = ["1919-09", "1919-10", "1919-11", "1919-12", "1920-01", "1920-02", "1920-03"]
        let periods = try months.map { m -> ArrearsPeriod in
            let owed: Decimal = m == "1920-01" || m == "1920-02" ? 1700 : 0
            return ArrearsPeriod(period: try period(m), expected: 1700, received: 1700 - owed, owed: owed)
        }
        return StatusReport(
            asOf: try day("1920-03-04"),
            summary: Summary(
                asOf: try day("1920-03-04"), petitioners: 2, groups: 1, householdMembers: 1265, openPetitions: 3,
                findings: ["critical": 3, "overdue": 2, "warning": 0],
                mostUrgent: "\(hostile) are owed 3,400 funt of wheat under the Decree of 15 August 1918: 2 periods missed."),
            overdueDeliveries: [try late(11, "1920-01", since: "1920-01-09", days: 56), try late(12, "1920-02", since: "1920-02-10", days: 24)],
            arrears: [
                ArrearsLine(
                    recipient: "dmitrov-post", recipientName: hostile, decree: "decree-1918", decreeName: quotes, supplier: "moscow-supply",
                    commodity: "wheat", unit: "funt", promised: 11900, received: 8500, owed: 3400, owedKg: Decimal(string: "1392.342"),
                    periodsMissed: 2, since: try period("1920-01"), periods: periods)
            ],
            unansweredLetters: [
                try letter(
                    1, to: "moscow-supply", toName: "Moscow postal-telegraph supply centre", subject: hostile, sent: "1920-01-20", due: "1920-02-10",
                    waiting: 44, overdue: 23, wd: 20, .overdue),
                try letter(
                    2, to: "sovnarkom", toName: quotes, subject: link, sent: "1920-02-04", due: "1920-02-27", waiting: 29, overdue: 6, wd: 5,
                    .critical),
                try letter(
                    3, to: "sovnarkom", toName: "Council of People's Commissars", subject: "Letter to Lenin", sent: "1920-03-04", due: "1920-03-19",
                    waiting: 0, overdue: 0, wd: 0, nil),
            ],
            petitions: [
                PetitionLine(
                    id: 1, petitioner: "dmitrov-post", petitionerName: hostile, authority: "moscow-supply", via: nil, subject: "January provisions",
                    category: "supply", opened: try day("1920-01-20"), status: .open, ageDays: 44),
                PetitionLine(
                    id: 2, petitioner: "employee", petitionerName: quotes, authority: "sovnarkom", via: nil, subject: quotes, category: nil,
                    opened: try day("1920-02-04"), status: .waitingOnPetitioner, ageDays: 29),
                PetitionLine(
                    id: 3, petitioner: "dmitrov-post", petitionerName: "Postal-telegraph employees", authority: "sovnarkom", via: "kropotkin",
                    subject: "Two months without provisions", category: "supply", opened: try day("1920-03-04"), status: .answered, ageDays: nil),
            ],
            authorities: [
                AuthorityLine(
                    handle: "moscow-supply", name: "Moscow postal-telegraph supply centre", chain: ["narkompochtel", "sovnarkom"],
                    lettersReceived: 1, answered: 0, answeredWithinDeadline: 0, medianDaysToAnswer: nil, openNow: 1, overdueNow: 1),
                AuthorityLine(
                    handle: "narkompochtel", name: "People's Commissariat of Posts and Telegraphs", chain: ["sovnarkom"],
                    lettersReceived: 0, answered: 0, answeredWithinDeadline: 0, medianDaysToAnswer: nil, openNow: 0, overdueNow: 0),
                AuthorityLine(
                    handle: "sovnarkom", name: quotes, chain: [], lettersReceived: 4, answered: 2, answeredWithinDeadline: 1,
                    medianDaysToAnswer: 12.5, openNow: 2, overdueNow: 1),
            ],
            trend: Trend(
                findings: [TrendMonth(month: "1920-02", raised: 2, cleared: 0), TrendMonth(month: "1920-03", raised: 5, cleared: 1)],
                deliveries: try months.map { m in
                    let done = m < "1920-01"
                    return TrendPeriod(
                        period: try period(m), due: 1, complete: done ? 1 : 0, partial: 0,
                        quantities: [TrendQuantity(commodity: "wheat", unit: "funt", expected: 1700, received: done ? 1700 : 0)])
                }))
    }

    /// The chart figures of a page, by their class (`arrears`, `ages`, `responsiveness`, `findings`, `deliveries`).
    static func charts(_ html: String) -> [String: String] {
        var out: [String: String] = [:]
        var rest = html[...]
        while let start = rest.range(of: "<figure class=\"chart ") {
            guard let end = rest.range(of: "</figure>", range: start.upperBound..<rest.endIndex) else { break }
            let figure = String(rest[start.lowerBound..<end.upperBound])
            let classes = figure.dropFirst("<figure class=\"chart ".count).prefix { $0 != "\"" }.split(separator: " ")
            let name = classes.first { $0 != "rows" && $0 != "columns" } ?? ""
            out[String(name), default: ""] += figure
            rest = rest[end.upperBound...]
        }
        return out
    }

    static func count(_ needle: String, in haystack: String) -> Int { haystack.components(separatedBy: needle).count - 1 }

    /// Tags open and close in order (void elements and `/>` aside), outside the style sheet.
    static func unbalancedTag(_ html: String) throws -> String? {
        var text = html
        if let s = text.range(of: "<style>"), let e = text.range(of: "</style>") { text.removeSubrange(s.lowerBound..<e.upperBound) }
        let tag = try NSRegularExpression(pattern: "<(/?)([a-zA-Z][a-zA-Z0-9]*)\\b[^>]*?(/?)>")
        let void: Set<String> = ["meta", "br", "hr", "img", "input", "link", "col", "wbr"]
        var stack: [String] = []
        for m in tag.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let c = Range(m.range(at: 1), in: text), let n = Range(m.range(at: 2), in: text), let s = Range(m.range(at: 3), in: text) else {
                continue
            }
            let name = text[n].lowercased()
            if void.contains(name) || !text[s].isEmpty { continue }
            if text[c].isEmpty {
                stack.append(name)
                continue
            }
            guard stack.last == name else { return "</\(name)> closes <\(stack.last ?? "nothing")>" }
            stack.removeLast()
        }
        return stack.isEmpty ? nil : "<\(stack.joined(separator: "> <"))> left open"
    }

    @Test func hostileTextAppearsOnlyEscaped() throws {
        let html = ReportHTML.render(try Self.dmitrov())
        if let out = ProcessInfo.processInfo.environment["PETITIONS_HTML_OUT"] { try html.write(toFile: out, atomically: true, encoding: .utf8) }
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains(Self.hostile))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;&#47;script&gt;"))
        #expect(!html.contains(Self.quotes))
        #expect(!html.contains("\"quotes\""))
        #expect(html.contains("&quot;quotes&quot; &amp; &#39;apostrophes&#39;"))
        #expect(!html.contains("'apostrophes'"))
    }

    /// A quote or bracket followed by a combining mark is one character to Swift, but the browser reads the quote
    /// byte: it must be escaped all the same, or a name ends the attribute it is written in.
    @Test func aQuoteWithACombiningMarkIsEscapedToo() {
        let name = "Ivan\"\u{301} onmouseover=alert(1) x=\"\u{301}<\u{338}b>&\u{301}"
        let escaped = ReportHTML.esc(name)
        #expect(!escaped.utf8.contains(UInt8(ascii: "\"")) && !escaped.utf8.contains(UInt8(ascii: "<")))
        #expect(escaped == "Ivan&quot;\u{301} onmouseover=alert(1) x=&quot;\u{301}&lt;\u{338}b&gt;&amp;\u{301}")
        #expect(ReportHTML.esc("Pëtr Kropotkin, Дмитров 1920") == "Pëtr Kropotkin, Дмитров 1920")
    }

    @Test func referencesNothingOutsideThePage() throws {
        let html = ReportHTML.render(try Self.dmitrov())
        // The only "http:" on the page is in a letter's subject, shown as text with its slashes escaped.
        #expect(Self.count("http:", in: html.lowercased()) == Self.count("see http:&#47;&#47;evil.example&#47;x.js", in: html))
        #expect(Self.count("http:", in: html) > 0)
        for pattern in [
            "https?:(//|\\\\)", "//", "\\bsrc\\s*=", "url\\s*\\(", "<link", "<script", "@import", "<img", "<iframe", "<object", "\\bon[a-z]+\\s*=",
        ] {
            let r = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
            let found = r.firstMatch(in: html, range: NSRange(html.startIndex..., in: html))
            #expect(found == nil, "\(pattern) found: \(found.flatMap { Range($0.range, in: html) }.map { String(html[$0]) } ?? "")")
        }
        let hrefs = try NSRegularExpression(pattern: "href=\"([^\"]*)\"").matches(in: html, range: NSRange(html.startIndex..., in: html))
        #expect(!hrefs.isEmpty)
        for m in hrefs {
            let target = Range(m.range(at: 1), in: html).map { String(html[$0]) } ?? ""
            #expect(target.hasPrefix("#"), "href \(target) leaves the page")
            #expect(html.contains("id=\"\(target.dropFirst())\""), "anchor \(target) exists")
        }
    }

    @Test func readableOnAPhoneAndPrintable() throws {
        let html = ReportHTML.render(try Self.dmitrov())
        #expect(html.hasPrefix("<!doctype html>"))
        #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(html.contains("@media print"))
        #expect(html.contains("overflow-x: auto"))
        #expect(Self.count("<table>", in: html) == Self.count("<div class=\"scroll\">\n<table>", in: html), "every table scrolls sideways")
    }

    @Test func tablesUseTheWidthAndHandlesStayWhole() throws {
        let html = ReportHTML.render(try Self.dmitrov())
        #expect(!html.contains("body { margin: 0 auto; max-width: 64rem"), "the page is not capped: wide tables use the window")
        #expect(html.contains(".h { white-space: nowrap; }") || html.contains("time, .h { white-space: nowrap; }"))
        #expect(html.contains(".handle { color: var(--muted); font-size: 0.8rem; white-space: nowrap; }"))
        #expect(html.contains("<span class=\"handle\">dmitrov-post</span>"), "the sender's handle, beside its name, in one piece")
    }

    @Test func eachChartIsOneSVGWithABarPerValue() throws {
        let html = ReportHTML.render(try Self.dmitrov())
        let charts = Self.charts(html)
        #expect(Set(charts.keys) == ["arrears", "ages", "responsiveness", "findings", "deliveries"])
        let bars = ["arrears": 7, "ages": 3, "responsiveness": 2, "findings": 2 * 2, "deliveries": 2 * 7]
        for (name, expected) in bars {
            let figure = try #require(charts[name], "\(name)")
            #expect(Self.count("<svg ", in: figure) == 1, "\(name)")
            #expect(Self.count("</svg>", in: figure) == 1, "\(name)")
            #expect(Self.count("<g class=\"bar\">", in: figure) == expected, "\(name)")
        }
        // Ages are coloured by severity; responsiveness stacks answered in time, late, unanswered.
        let ages = try #require(charts["ages"])
        #expect(ages.contains("class=\"s-overdue\"") && ages.contains("class=\"s-critical\"") && ages.contains("44 d"))
        let responsiveness = try #require(charts["responsiveness"])
        for segment in ["c-intime", "c-late", "c-open"] { #expect(responsiveness.contains("<rect class=\"\(segment)\""), "\(segment)") }
        #expect(!responsiveness.contains("People&#39;s Commissariat of Posts"), "an authority nobody wrote to has no bar")
    }

    @Test func numbersHaveThousandsSeparators() throws {
        let html = ReportHTML.render(try Self.dmitrov())
        #expect(html.contains("3,400 funt"))
        #expect(html.contains("1,392.342"))
        #expect(html.contains("1,700 funt wheat"))
        #expect(html.contains("11,900 funt"))
        #expect(html.contains("<dd>1,265</dd>"))
        #expect(html.contains("12.5"))
        #expect(!html.contains("3400"), "no amount without its separator")
    }

    @Test func emptySectionsAreOmitted() throws {
        var r = try Self.dmitrov()
        r.overdueDeliveries = []
        r.arrears = []
        r.unansweredLetters = []
        r.authorities = []
        r.trend = Trend(findings: [], deliveries: [])
        r.summary.mostUrgent = nil
        let html = ReportHTML.render(r)
        for id in ["supply", "letters", "authorities", "trend"] {
            #expect(!html.contains("id=\"\(id)\""), "\(id)")
            #expect(!html.contains("href=\"#\(id)\""), "\(id)")
        }
        #expect(html.contains("id=\"headline\"") && html.contains("id=\"petitions\""))
        #expect(!html.contains("<svg"))
        #expect(html.contains("Nothing is late"))
        r.petitions = []
        #expect(!ReportHTML.render(r).contains("id=\"petitions\""))
        // Only the trend of findings: the deliveries chart is left out, not drawn empty.
        r.trend = Trend(findings: [TrendMonth(month: "1920-03", raised: 1, cleared: 0)], deliveries: [])
        #expect(Set(Self.charts(ReportHTML.render(r)).keys) == ["findings"])
    }

    @Test func wellFormedEnough() throws {
        var empty = try Self.dmitrov()
        empty.overdueDeliveries = []
        empty.arrears = []
        empty.unansweredLetters = []
        empty.petitions = []
        empty.authorities = []
        empty.trend = Trend(findings: [], deliveries: [])
        for html in [ReportHTML.render(try Self.dmitrov()), ReportHTML.render(empty)] {
            for (open, close) in [
                ("<svg ", "</svg>"), ("<table>", "</table>"), ("<section ", "</section>"), ("<figure ", "</figure>"), ("<g ", "</g>"),
            ] {
                #expect(Self.count(open, in: html) == Self.count(close, in: html), "\(open)")
            }
            #expect(try Self.unbalancedTag(html) == nil)
            #expect(html.hasSuffix("</html>\n"))
        }
    }

    @Test func thousands() {
        #expect(Thousands.format(0) == "0")
        #expect(Thousands.format(999) == "999")
        #expect(Thousands.format(3400) == "3,400")
        #expect(Thousands.format(-1_234_567) == "-1,234,567")
        #expect(Thousands.format(Decimal(string: "1392.342") ?? 0) == "1,392.342")
        #expect(Thousands.format(Decimal(string: "-12345.5") ?? 0) == "-12,345.5")
        #expect(Thousands.format(12.5) == "12.5")
        #expect(Thousands.format(1500.0) == "1,500")
    }
}
