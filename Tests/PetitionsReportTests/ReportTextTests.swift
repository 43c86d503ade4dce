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
        var cut = TextTable(["ID", "SUBJECT"])
        cut.maxWidth = 20
        cut.add(["1", "January provisions under the decree"])
        #expect(cut.render().split(separator: "\n").last == "1   January provisi…")
        #expect(TextTable(["A"]).render() == "(none)")
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
}
