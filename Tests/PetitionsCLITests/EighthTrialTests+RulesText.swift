import Foundation
import PetitionsTestSupport
import Testing

extension EighthTrialTests {
    // MARK: - Control characters in rules and calendars

    @Test(
        "a SQL rule's message or subject with ESC or U+202E is refused naming the rule, never printed raw",
        arguments: [
            ("SELECT 1 AS subject, 'a' || char(27) || '[31mRED' AS message", "message", #"\u001B"#),
            ("SELECT 1 AS subject, char(8238) || 'abc' AS message", "message", #"\u202E"#),
            ("SELECT char(27) || 'x' AS subject, 'late' AS message", "subject", #"\u001B"#),
        ])
    func aSQLRuleMessageWithControlCharactersIsRefused(_ query: String, _ column: String, _ code: String) throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        let file = cli.directory.appendingPathComponent("rules.toml")
        try "version = 1\n\n[[rule]]\nid = \"loud\"\nkind = \"sql\"\nseverity = \"overdue\"\nquery = \"\"\"\n\(query)\n\"\"\"\n".write(
            to: file, atomically: true, encoding: .utf8)
        for format in ["text", "csv"] {
            let r = try cli.run(["check", "--as-of", "1920-03-04", "--rules", file.path, "--format", format])
            #expect(r.status == 65, "\(format): \(r)")
            #expect(r.stderr.contains("rule 'loud'") && r.stderr.contains("\(column) column") && r.stderr.contains(code), "\(r.stderr)")
            #expect(!(r.stdout + r.stderr).unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" }, "nothing raw")
        }
        let before = try cli.run(["rules", "show"]).stdout
        let set = try cli.run(["rules", "set", file.path])
        #expect(set.status == 65 && set.stderr.contains("rule 'loud'"), "\(set)")
        #expect(try cli.run(["rules", "show"]).stdout == before, "not stored")
    }

    @Test("a holiday name with ESC or U+202E is refused at load, naming the file, line and holiday")
    func aHolidayNameWithControlCharactersIsRefused() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        let file = cli.directory.appendingPathComponent("calx.toml")
        try "[[holiday]]\ndate=\"03-01\"\nname=\"a\\u001b[31mRED\\u202eb\"\n".write(to: file, atomically: true, encoding: .utf8)
        let deadline = try cli.run(["deadline", "--from", "1920-02-27", "--within", "3 working days", "--calendar", file.path], withDB: false)
        #expect(deadline.status == 65, "\(deadline)")
        #expect(
            deadline.stderr.contains("line 3") && deadline.stderr.contains("holiday 1 name") && deadline.stderr.contains(#"\u001B"#), "\(deadline)")
        #expect(!(deadline.stdout + deadline.stderr).unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" }, "nothing raw")
        let before = try cli.run(["calendar", "show"]).stdout
        let set = try cli.run(["calendar", "set", file.path])
        #expect(set.status == 65 && set.stderr.contains("holiday 1 name"), "\(set)")
        #expect(try cli.run(["calendar", "show"]).stdout == before, "not stored")
        let bidi = cli.directory.appendingPathComponent("bidi.toml")
        try "[[holiday]]\ndate=\"03-01\"\nname=\"Day\\u202e\"\n".write(to: bidi, atomically: true, encoding: .utf8)
        let turned = try cli.run(["check", "--as-of", "1920-03-04", "--calendar", bidi.path])
        #expect(turned.status == 65 && turned.stderr.contains(#"\u202E"#) && turned.stderr.contains("direction"), "\(turned)")
    }
}
