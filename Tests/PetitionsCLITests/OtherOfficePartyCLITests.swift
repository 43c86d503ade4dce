import Foundation
import PetitionsTestSupport
import Testing

/// Another office's own party (made by `import events`, with an id below 0) as the command line lists and finds it.
@Suite struct OtherOfficePartyCLITests {
    @Test("letter list, events and petition list take the other office as --party, and search finds it")
    func otherOfficeAsParty() throws {
        let o = try MergeInapplicableTests.twoOffices()
        defer { MergeConvergenceTests.removing(o) }
        let sent = try o.klin.run(["letter", "send", "--from", "dmitrov", "--to", "moscow-supply", "--on", "1920-02-01", "--subject", "From Dmitrov"])
        #expect(sent.status == 0, "\(sent)")
        let letters = try o.klin.run(["letter", "list", "--party", "dmitrov", "--format", "json"])
        #expect(letters.status == 0, "\(letters)")
        let subjects = (try? CLI.json(letters) as? [[String: Any]])?.compactMap { $0["subject"] as? String }
        #expect(subjects == ["From Dmitrov"], "\(letters.stdout)")
        // By its id too, below 0: the first other office merged here is -1, and an option's value may begin with "-".
        let byID = try o.klin.run(["letter", "list", "--party", "-1", "--format", "json"])
        #expect(byID.status == 0 && byID.stdout == letters.stdout, "\(byID)")
        let events = try o.klin.run(["events", "--party", "dmitrov", "--format", "json"])
        #expect(events.status == 0 && events.stdout.contains("ledger.initialized"), "\(events)")
        let petitions = try o.klin.run(["petition", "list", "--party", "dmitrov", "--format", "json"])
        #expect(petitions.status == 0, "\(petitions)")
        let found = try o.klin.run(["search", "dmitrov", "--kind", "party", "--format", "json"])
        let hits = (try? CLI.json(found) as? [[String: Any]]) ?? []
        #expect(hits.contains { $0["handle"] as? String == "dmitrov" }, "\(found)")
    }
}
