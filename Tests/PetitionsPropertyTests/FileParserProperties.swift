import Foundation
import PetitionsApp
import PetitionsDomain
import PropertyBased
import Testing

/// Rules, calendar, configuration and units files, valid ones with random edits and random TOML-ish text:
/// each gives a value or an error that names the file; never a crash.
@Suite struct FileParserProperties {
    static var repository: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }

    static func file(_ relative: String) -> String {
        (try? String(contentsOf: repository.appendingPathComponent(relative), encoding: .utf8)) ?? ""
    }

    static let rulesFiles = [
        file("config/rules.toml"),
        """
        version = 1
        [[rule]]
        id = "sql-rule"
        kind = "sql"
        severity = "warning"
        query = "SELECT id AS subject, 'x' AS message FROM petition"
        [[rule]]
        id = "unanswered"
        kind = "unanswered_letter"
        within = "3 weeks"
        [rule.scope]
        authority = "moscow-supply"
        """,
    ]
    static let calendarFiles = [
        file("config/calendar.toml"), file("config/calendars/rsfsr-1920.toml"),
        "weekend = [\"saturday\", \"sunday\"]\n[[holiday]]\ndate = \"2009-04-10\"\nname = \"Good Friday\"\n",
    ]
    static let otherFiles = [file("config/petitions.toml"), file("config/units.toml")]

    /// Fragments TOML is made of, to assemble text that is nearly TOML.
    static let fragments = [
        "[[rule]]", "[rule.scope]", "[[holiday]]", "[[unit]]", "version = 1", "version = 2", "id = \"x\"", "kind = \"sql\"",
        "kind = \"arrears\"", "within = \"20 working days\"", "grace = \"-3 days\"", "critical_consecutive = 0",
        "critical_shortfall = 1.5", "query = \"\"\"", "\"\"\"", "DELETE FROM letter", "weekend = [\"sunday\"]",
        "weekend = [\"funday\"]", "date = \"02-30\"", "date = \"1920-13-01\"", "name = \"\"", "enabled = maybe",
        "base = 0", "base = 9223372036854775807", "base = 1e300", "aliases = [1, 2]", "office = \"\"", "units = 3",
        "x = { a = 1 }", "= 1", "[", "]]", "'''", "\u{0}", "#", "\u{FEFF}", "id = \"a\"\nid = \"a\"", "\"\u{202E}\" = 1",
    ]

    static let sources = Gen.int(in: 0...5)
    static let assembled = Gen.int(in: 0...(fragments.count - 1)).array(of: 0...16)

    /// Text to feed a file parser: a real file with edits, assembled fragments, or random characters.
    static func text(_ pick: Int, _ files: [String], _ edits: [Int], _ parts: [Int], _ random: String) -> String {
        switch pick {
        case 0, 1, 2: return Hostile.mutate(files[pick % files.count], edits.map { $0 % 100_000_000 })
        case 3, 4: return parts.map { fragments[$0] }.joined(separator: "\n")
        default: return random
        }
    }

    @Test func rulesFilesGiveRulesOrAnErrorNamingTheFile() async {
        await propertyCheck(count: Hostile.cases(600), input: Self.sources, Hostile.edits, Self.assembled, Hostile.text(0...200)) {
            pick, edits, parts, random in
            let text = Self.text(pick, Self.rulesFiles, edits, parts, random)
            _ = Hostile.outcome(text, field: "rules.toml") { try RulesFile.parse(text, source: "rules.toml") }
        }
    }

    @Test func calendarFilesGiveACalendarOrAnErrorNamingTheFile() async {
        await propertyCheck(count: Hostile.cases(600), input: Self.sources, Hostile.edits, Self.assembled, Hostile.text(0...200)) {
            pick, edits, parts, random in
            let text = Self.text(pick, Self.calendarFiles, edits, parts, random)
            _ = Hostile.outcome(text, field: "calendar.toml") { try CalendarFile.parse(text, source: "calendar.toml") }
        }
    }

    @Test func configurationAndUnitsFilesGiveAValueOrAnErrorNamingTheFile() async {
        await propertyCheck(count: Hostile.cases(600), input: Self.sources, Hostile.edits, Self.assembled, Hostile.text(0...200)) {
            pick, edits, parts, random in
            let text = Self.text(pick, Self.otherFiles, edits, parts, random)
            _ = Hostile.outcome(text, field: "petitions.toml") { try Configuration.parse(text, source: "petitions.toml") }
            if let units = Hostile.outcome(text, field: "units.toml", { try UnitsFile.parse(text, source: "units.toml") }) {
                #expect(units.allSatisfy { $0.base > 0 && !$0.name.isEmpty })
            }
        }
    }
}
