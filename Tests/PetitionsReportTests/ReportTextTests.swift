import Foundation
import PetitionsDomain
import PetitionsReport
import Testing

/// The pieces of the text, Markdown and CSV reports as values: redaction, tables that fit, escaping.
@Suite struct ReportTextTests {
    static let persons = [
        Redaction.Person(id: 6, handle: "kropotkin", name: "Pëtr Kropotkin"),
        Redaction.Person(id: 7, handle: "ivan", name: "Ivan Petrov", dependants: ["Maria Petrova"]),
        Redaction.Person(id: 8, handle: "ivan-2", name: "Ivan"),
    ]

    @Test func redactionReplacesWholeNamesInAnyCaseAndLeavesOtherWords() {
        let r = Redaction(persons: Self.persons)
        #expect(Redaction.initials("Pëtr Kropotkin") == "P. K.")
        #expect(Redaction.initials("Anna-Maria von Berg") == "A. M. V. B.")
        #expect(r.text("Letter of Pëtr Kropotkin to Lenin") == "Letter of P. K. (#6) to Lenin")
        #expect(r.text("for IVAN PETROV and maria petrova") == "for I. P. (#7) and M. P.", "the longest name wins, in any case")
        #expect(r.text("Ivan, from Ivanovo") == "I. (#8), from Ivanovo", "whole words only")
        #expect(r.handle("ivan") == "person-7")
        #expect(r.handle("dmitrov-post") == "dmitrov-post", "groups and authorities keep their handles")
        #expect(r.name("Pëtr Kropotkin", handle: "kropotkin") == "P. K. (#6)")
        #expect(r.name("Dmitrov postal-telegraph employees", handle: "dmitrov-post") == "Dmitrov postal-telegraph employees")
        #expect(Redaction(persons: []).text("Pëtr Kropotkin") == "Pëtr Kropotkin")
    }

    @Test func tablesFitTheirWidthByWrappingOrCutting() {
        var t = TextTable(["ID", "SUBJECT"], rightAligned: [0], wrapsCells: true)
        t.maxWidth = 24
        t.add(["1", "January provisions under the decree not delivered"])
        t.add(["12", "Short"])
        let lines = t.render().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= 24 }, "\(lines)")
        #expect(lines[2] == " 1  January provisions")
        #expect(lines.contains("    under the decree not"))
        #expect(lines.last == "12  Short")
        var cut = TextTable(["ID", "SUBJECT"], wrapsCells: false)
        cut.maxWidth = 20
        cut.add(["1", "January provisions under the decree"])
        #expect(cut.render().split(separator: "\n").last == "1   January provisi…")
        #expect(TextTable(["A"]).render() == "(none)")
    }

    @Test func aHandleTooWideForItsColumnWrapsAfterAHyphenNotInsideAWord() {
        var t = TextTable(["ID", "DAY", "HANDLE", "NAME"])
        t.maxWidth = 50
        t.add(["1", "1920-01-20", "moscow-postal-telegraph-supply-centre", "Moscow postal-telegraph supply centre"])
        let lines = t.render().split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { $0.count <= 50 }, "\(lines)")
        let text = lines.joined(separator: "\n")
        for word in ["postal-", "telegraph", "supply-", "centre", "1920-01-20"] { #expect(text.contains(word), "'\(word)' whole: \(text)") }
        #expect(TextTable.wrap("decree-1918-08-15-of-the-council", width: 12) == ["decree-", "1918-08-15-", "of-the-", "council"])
        #expect(TextTable.wrap("abcdefghijklmnop", width: 6) == ["abcdef", "ghijkl", "mnop"], "a part wider than the line is still broken")
    }

    @Test func aCappedColumnIsCutWithAnEllipsisBetweenCharactersAndCountedInCells() {
        var t = TextTable(["ID", "SUBJECT"], caps: [1: 10])
        t.maxWidth = 100
        t.add(["1", "Продовольствие за январь"])
        t.add(["2", "Zoë\u{0301}ø provisions"])
        t.add(["3", "山田太郎山田太郎"])
        t.add(["4", "Short"])
        let lines = t.render().split(separator: "\n").map(String.init)
        #expect(lines[0] == "ID  SUBJECT")
        #expect(lines[1] == "--  ----------")
        #expect(lines[2] == "1   Продоволь…" && lines[2].count == 4 + 10)
        #expect(lines[3] == "2   Zoë\u{0301}ø prov…", "a letter and its combining accent stay together: \(lines[3])")
        #expect(lines[4] == "3   山田太郎…", "a wide character is never halved: \(lines[4])")
        #expect(lines[5] == "4   Short")
        #expect(TextTable.cut("abc", cells: 3) == "abc" && TextTable.cut("abcd", cells: 3) == "ab…")
    }

    @Test func tablesWrapByDefaultAndCountWideCharactersAsTwoCells() {
        var t = TextTable(["NAME", "DISTRICT"])
        t.maxWidth = 30
        t.add(["毛泽东", "Shaoshan"])
        t.add(["Ivan P", "Dmitrov"])
        t.add(["x", "a district whose name is longer than the table is wide"])
        let lines = t.render().split(separator: "\n").map(String.init)
        #expect(lines[2] == "毛泽东  Shaoshan", "three wide characters take six cells, like 'Ivan P': \(lines)")
        #expect(lines[3] == "Ivan P  Dmitrov")
        #expect(!lines.joined().contains("…"), "wrapped, not cut")
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 30 }, "\(lines)")
        #expect(DisplayWidth.of("Łukasz Żółć") == 11 && DisplayWidth.of("東京") == 4 && DisplayWidth.of("e\u{301}") == 1)
    }

    @Test func namesakesAreRedactedEachWithTheirOwnId() {
        let r = Redaction(persons: [
            Redaction.Person(id: 5, handle: "amina-yusuf", name: "Amina Yusuf"),
            Redaction.Person(id: 13, handle: "amina-yusuf-2", name: "Amina Yusuf"),
        ])
        #expect(r.name("Amina Yusuf", handle: "amina-yusuf") == "A. Y. (#5)")
        #expect(r.handle("amina-yusuf") == "person-5")
        #expect(r.name("Amina Yusuf", handle: "amina-yusuf-2") == "A. Y. (#13)")
        #expect(r.text("a letter of Amina Yusuf") == "a letter of A. Y.", "free text cannot say which of the two: no id")
    }

    @Test func wrappedTextKeepsItsIndentAndCutsWordsLongerThanALine() {
        #expect(ReportText.wrap("aaa bbb ccc", width: 9, first: "- ", indent: "  ") == "- aaa bbb\n  ccc")
        #expect(ReportText.wrap("abcdefghij", width: 4) == "abcd\nefgh\nij")
        #expect(ReportText.wrap("", width: 10, first: "x") == "x")
    }

    @Test func markdownEscapesWhatWouldBecomeMarkup() {
        #expect(ReportMarkdown.escape("a|b *c* _d_ [e](f) <script> `g`") == "a\\|b \\*c\\* \\_d\\_ \\[e\\](f) \\<script> \\`g\\`")
        #expect(ReportMarkdown.escape("# not a heading") == "\\# not a heading")
        #expect(ReportMarkdown.escape("two\nlines") == "two lines")
        // A CR LF is one Character, and so is a bracket with a combining mark: each is still folded or escaped.
        #expect(ReportMarkdown.escape("two\r\nlines") == "two  lines")
        #expect(ReportMarkdown.escape("[\u{301}x](y) |\u{301}") == "\\[\u{301}x\\](y) \\|\u{301}")
    }

    @Test func csvRefusesAnUnknownSection() {
        let report = StatusReport(
            asOf: Day.minimum,
            summary: Summary(
                asOf: Day.minimum, petitioners: 0, groups: 0, householdMembers: 0, openPetitions: 0,
                findings: [:], mostUrgent: nil),
            overdueDeliveries: [], arrears: [], unansweredLetters: [], petitions: [], authorities: [],
            trend: Trend(findings: [], deliveries: []))
        #expect(throws: PetitionsError.self) { try ReportCSV.render(report, section: "letters") }
        for s in ReportCSV.sections { #expect((try? ReportCSV.render(report, section: s)) != nil, "\(s)") }
    }

    @Test func receivedAndShortfallFiguresCarryTheirUnit() throws {
        let report = try ReportHTMLTests.dmitrov()
        let markdown = ReportMarkdown.render(report)
        #expect(markdown.contains("| 1,700 funt wheat | 0 funt | 1,700 funt |"), "late deliveries: \(markdown)")
        #expect(markdown.contains("| 11,900 funt wheat | 8,500 funt | 3,400 funt |"), "arrears")
        let text = ReportText.render(report)
        #expect(text.contains("received 8,500 funt;"), "the arrears sentence")
        #expect(text.contains("8,500 funt") && text.contains("3,400 funt"))
        let html = ReportHTML.render(report)
        #expect(html.contains("received 1,700 funt, owed 0 funt"), "the chart's tooltip")
    }
}
