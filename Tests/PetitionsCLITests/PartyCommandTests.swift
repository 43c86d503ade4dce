import Foundation
import PetitionsTestSupport
import Testing

/// `party list` and `party show`: every kind of party in one place, so a handle met in a letter or an event can be
/// looked up without knowing what it is.
@Suite struct PartyCommandTests {
    @Test("party list lists every kind, authorities first and the office last, as GET /api/v1/parties does")
    func listsEveryKind() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let json = try cli.run(["party", "list", "--format", "json"])
        let handles = (try? CLI.json(json) as? [[String: Any]])?.compactMap { $0["handle"] as? String }
        #expect(handles == ["moscow-supply", "sovnarkom", "dmitrov-post", "kropotkin", "dmitrov"], "\(json)")
        let text = try cli.run(["party", "list"])
        #expect(text.status == 0, "\(text)")
        let rows = text.stdout.split(separator: "\n").map(String.init)
        #expect(rows.first?.hasPrefix("ID") == true && rows.first?.contains("KIND") == true, "\(text.stdout)")
        #expect(rows.contains { $0.contains("moscow-supply") && $0.contains("authority") && $0.contains("under sovnarkom") }, "\(text.stdout)")
        #expect(rows.contains { $0.contains("dmitrov-post") && $0.contains("group") }, "\(text.stdout)")
        #expect(rows.contains { $0.contains("kropotkin") && $0.contains("petitioner") }, "\(text.stdout)")
        #expect(rows.contains { $0.contains("dmitrov") && $0.contains("this ledger's office") }, "\(text.stdout)")
    }

    @Test("party list --kind lists one kind, as its own list command does, and refuses a kind that is none")
    func listsOneKind() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        for (kind, command) in [("group", "group"), ("petitioner", "petitioner"), ("authorities", "authority")] {
            let party = try cli.run(["party", "list", "--kind", kind, "--format", "json"])
            let own = try cli.run([command, "list", "--format", "json"])
            #expect(party.status == 0 && party.stdout == own.stdout, "\(kind): \(party) vs \(own)")
        }
        let bad = try cli.run(["party", "list", "--kind", "comrade"])
        #expect(bad.status == 64 && bad.stdout.isEmpty, "\(bad)")
        #expect(
            bad.stderr.contains("--kind") && bad.stderr.contains("comrade") && bad.stderr.contains("petitioner, group, authority or office"), "\(bad)"
        )
    }

    @Test("party show shows any kind by handle or id, the same object its own show command gives")
    func showsAnyKind() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        for (handle, command) in [("kropotkin", "petitioner"), ("dmitrov-post", "group"), ("moscow-supply", "authority"), ("dmitrov", "office")] {
            let party = try cli.run(["party", "show", handle, "--format", "json"])
            let own = try cli.run([command, "show", handle, "--format", "json"])
            #expect(party.status == 0 && party.stdout == own.stdout, "\(handle): \(party) vs \(own)")
        }
        let text = try cli.run(["party", "show", "moscow-supply"])
        #expect(text.stdout.contains("Authority") && text.stdout.contains("chain above: sovnarkom"), "\(text)")
        let missing = try cli.run(["party", "show", "nobody"])
        #expect(missing.status != 0 && missing.stdout.isEmpty && missing.stderr.contains("nobody"), "\(missing)")
    }
}
