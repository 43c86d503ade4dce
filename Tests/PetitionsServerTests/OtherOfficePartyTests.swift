import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PetitionsApp
import PetitionsServer
import PetitionsTestSupport
import Testing

/// Another office's own party, made here by `import events` from its `ledger.initialized` with an id below 0: the API's
/// party listing and page, its letters and events, and the web pages show it as any other party.
@Suite("The other office's own party in the API and the web application") struct OtherOfficePartyTests {
    /// The fixture's ledger after merging the log of office Klin (named "Klin district office"), with a letter Klin sent.
    static func fixture() throws -> ServerFixture {
        let f = try ServerFixture()
        let klin = try TemporaryLedger(office: "klin")
        defer { klin.remove() }
        _ = try InitLedger(on: try Day(parsing: "1920-01-05")).run(in: klin.workspace)
        _ = try SetOffice(name: "Klin district office").run(in: klin.workspace)
        let log = klin.directory.appendingPathComponent("klin.jsonl").path
        try ExportRecords(what: .events, output: log).run(in: klin.workspace)
        let merged = try MergeEvents(path: log).run(in: f.ledger.workspace)
        #expect(merged.notApplied == [], "\(merged.notApplied)")
        _ = try SendLetter(from: "klin", to: "moscow-supply", on: try Day(parsing: "1920-02-01"), subject: "Forwarded from Klin")
            .run(in: f.ledger.workspace)
        return f
    }

    @Test("the API lists the other office among the parties, shows it by handle or by its id below 0, and filters by it")
    func api() async throws {
        let f = try Self.fixture()
        defer { f.ledger.remove() }
        let id = try ShowParty(party: "klin").run(in: f.ledger.workspace).id
        #expect(id < 0)
        try await f.test { client in
            let offices = try await client.execute(uri: "/api/v1/parties?kind=office", method: .get, headers: f.bearer(.reader))
            #expect(offices.status == .ok, "\(offices.text)")
            let listed = offices.array.compactMap { $0 as? [String: Any] }
            #expect(listed.contains { $0["handle"] as? String == "klin" && $0["name"] as? String == "Klin district office" }, "\(offices.text)")
            #expect(listed.allSatisfy { $0["kind"] as? String == "office" }, "\(offices.text)")
            let all = try await client.execute(uri: "/api/v1/parties?limit=1000", method: .get, headers: f.bearer(.reader))
            #expect(all.array.contains { ($0 as? [String: Any])?["handle"] as? String == "klin" }, "\(all.text)")
            for path in ["klin", String(id)] {
                let shown = try await client.execute(uri: "/api/v1/parties/\(path)", method: .get, headers: f.bearer(.reader))
                #expect(
                    shown.status == .ok && shown.object["handle"] as? String == "klin" && shown.object["id"] as? Int == Int(id),
                    "\(path): \(shown.text)")
            }
            let letters = try await client.execute(uri: "/api/v1/letters?party=klin", method: .get, headers: f.bearer(.reader))
            #expect(letters.status == .ok, "\(letters.text)")
            #expect(letters.array.compactMap { ($0 as? [String: Any])?["subject"] as? String } == ["Forwarded from Klin"], "\(letters.text)")
            let events = try await client.execute(uri: "/api/v1/events?party=klin", method: .get, headers: f.bearer(.reader))
            #expect(events.status == .ok && !events.array.isEmpty, "\(events.text)")
            let petitions = try await client.execute(uri: "/api/v1/petitions?party=klin", method: .get, headers: f.bearer(.reader))
            #expect(petitions.status == .ok && petitions.array.isEmpty, "\(petitions.text)")
        }
    }

    @Test("the web pages name the other office and show its page")
    func web() async throws {
        let f = try Self.fixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let b = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            let page = try await client.execute(uri: "/parties/klin", method: .get, headers: b.headers)
            #expect(page.status == .ok && page.text.contains("Klin district office") && page.text.contains("office"), "\(page.text)")
            let letters = try await client.execute(uri: "/letters?party=klin", method: .get, headers: b.headers)
            #expect(letters.status == .ok, "\(letters.text)")
            #expect(letters.text.contains(#"<a href="/parties/klin">Klin district office</a>"#), "\(letters.text)")
        }
    }
}
