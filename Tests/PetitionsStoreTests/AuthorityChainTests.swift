import Foundation
import GRDB
import PetitionsDomain
import PetitionsStore
import PetitionsTestSupport
import Testing

/// An authority chain longer than the 50 steps a listing shows is still walked whole where a cycle must be found.
@Suite("Long authority chains") struct AuthorityChainTests {
    /// Records authorities a1 … a`count`, each under the one before.
    static func chain(_ ledger: Ledger, count: Int) throws {
        _ = try ledger.addAuthority(name: "A1", handle: "a1", parent: nil, replyWithin: nil, on: day("1920-01-01"))
        for i in 2...count {
            _ = try ledger.addAuthority(name: "A\(i)", handle: "a\(i)", parent: "a\(i - 1)", replyWithin: nil, on: day("1920-01-01"))
        }
    }

    @Test("an authority cannot be put under one 60 steps below it: the chain would come back round; nothing is recorded")
    func parentFarBelowIsRefused() throws {
        try withLedger { temporary in
            let ledger = temporary.ledger
            try Self.chain(ledger, count: 60)
            let before = try ledger.events().count
            var change = PartyChange(party: "a1", kinds: [.authority])
            change.parent = .some("a60")
            let refusal = try #require(throws: PetitionsError.self) { _ = try ledger.update(change, on: day("1920-01-02")) }
            #expect(refusal.field == "--parent", "\(refusal)")
            #expect(refusal.message.contains("is below a1") && refusal.message.contains("a60 → a59"), "\(refusal)")
            #expect(try ledger.events().count == before)
            #expect(try ledger.party("a1").parent == nil)
            // One 49 steps below is refused as before, and a parent above stays allowed.
            change.parent = .some("a50")
            #expect(throws: PetitionsError.self) { _ = try ledger.update(change, on: day("1920-01-02")) }
            #expect(try ledger.verify().isEmpty)
        }
    }

    @Test("verify finds an authority above itself through a chain of 60")
    func verifyFindsALongCycle() throws {
        try withLedger { temporary in
            try Self.chain(temporary.ledger, count: 60)
            let raw = try openRaw(temporary.path)
            try raw.write { db in
                try db.execute(sql: "UPDATE party SET parent_id = (SELECT id FROM party WHERE handle = 'a60') WHERE handle = 'a1'")
            }
            try raw.close()
            let problems = try temporary.ledger.verify()
            #expect(problems.contains { $0.hasPrefix("authority a1: is above itself") }, "\(problems)")
            #expect(problems.contains { $0.hasPrefix("authority a60: is above itself") }, "\(problems)")
        }
    }
}
