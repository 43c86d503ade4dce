import Foundation
import PetitionsTestSupport
import Testing

/// A change to a party dated before the party was recorded (its household, its members, its head-counts, its details)
/// is recorded all the same, as offices record facts older than their ledger, but never silently: stderr says so, as
/// it does for a petition's correction dated before the petition was logged.
@Suite struct PartyDayWarningTests {
    /// A group recorded on 1920-01-05, a petitioner on 1920-01-10 and an authority on 1920-01-02.
    static func ledger() throws -> CLI {
        let cli = try CLI()
        let steps: [[String]] = [
            ["init", "--office", "dmitrov"],
            ["authority", "add", "--name", "Moscow supply centre", "--handle", "moscow-supply", "--on", "1920-01-02"],
            ["group", "add", "--name", "Dmitrov post", "--handle", "dmitrov-post", "--count", "employee=10", "--on", "1920-01-05"],
            ["petitioner", "add", "--name", "Ivan Petrov", "--handle", "ivan-petrov", "--on", "1920-01-10"],
        ]
        for s in steps {
            let r = try cli.run(s)
            #expect(r.status == 0, "\(s): \(r)")
        }
        return cli
    }

    static let group = "before group dmitrov-post was recorded on 1920-01-05; it is recorded all the same."
    static let person = "before petitioner ivan-petrov was recorded on 1920-01-10; it is recorded all the same."

    @Test func changesDatedBeforeThePartyWasRecordedAreRecordedWithAWarning() throws {
        let cli = try Self.ledger()
        defer { cli.remove() }
        let cases: [(args: [String], warnings: [String])] = [
            (
                ["group", "edit", "dmitrov-post", "--count", "employee=12", "--on", "1900-01-01"],
                ["the correction is dated 1900-01-01, \(Self.group)"]
            ),
            (
                ["petitioner", "edit", "ivan-petrov", "--district", "Dmitrov", "--on", "1919-12-31"],
                ["the correction is dated 1919-12-31, \(Self.person)"]
            ),
            (
                ["authority", "edit", "moscow-supply", "--name", "Moscow postal supply centre", "--on", "1919-06-01"],
                ["the correction is dated 1919-06-01, before authority moscow-supply was recorded on 1920-01-02; it is recorded all the same."]
            ),
            (
                ["petitioner", "dependant", "add", "ivan-petrov", "--name", "Sofia", "--on", "1900-01-01"],
                ["the change to the household is dated 1900-01-01, \(Self.person)"]
            ),
            (
                ["group", "join", "dmitrov-post", "--member", "ivan-petrov", "--from", "1900-01-01"],
                ["the membership starts on 1900-01-01, \(Self.group)", "the membership starts on 1900-01-01, \(Self.person)"]
            ),
            (
                ["group", "leave", "dmitrov-post", "--member", "ivan-petrov", "--on", "1920-01-07"],
                ["the membership ends on 1920-01-07, \(Self.person)"]
            ),
            (
                ["petitioner", "dependant", "remove", "ivan-petrov", "--name", "Sofia", "--on", "1910-01-01"],
                ["the change to the household is dated 1910-01-01, \(Self.person)"]
            ),
        ]
        for c in cases {
            let events = try cli.run(["events", "--format", "json"]).stdout
            let r = try cli.run(c.args)
            #expect(r.status == 0, "\(c.args): \(r)")
            #expect(r.stderr == c.warnings.map { "warning: \($0)\n" }.joined(), "\(c.args): \(r)")
            // A warning, not a refusal: the change is an event of its own.
            #expect(try cli.run(["events", "--format", "json"]).stdout != events, "\(c.args)")
        }
    }

    @Test func changesOnOrAfterThePartyWasRecordedOrChangingNothingSayNothing() throws {
        let cli = try Self.ledger()
        defer { cli.remove() }
        let quiet: [[String]] = [
            ["group", "edit", "dmitrov-post", "--count", "employee=12", "--on", "1920-01-05"],
            // Nothing differs from what is held: nothing is recorded, so "recorded all the same" would not be true.
            ["group", "edit", "dmitrov-post", "--count", "employee=12", "--on", "1900-01-01"],
            ["petitioner", "dependant", "add", "ivan-petrov", "--name", "Sofia", "--on", "1920-01-10"],
            ["group", "join", "dmitrov-post", "--member", "ivan-petrov", "--from", "1920-02-01"],
            ["group", "leave", "dmitrov-post", "--member", "ivan-petrov", "--on", "1920-03-01"],
            ["petitioner", "edit", "ivan-petrov", "--district", "Dmitrov"],
        ]
        for args in quiet {
            let r = try cli.run(args)
            #expect(r.status == 0 && r.stderr.isEmpty, "\(args): \(r)")
        }
    }
}
