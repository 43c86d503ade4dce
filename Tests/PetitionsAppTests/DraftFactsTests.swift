import Foundation
import PetitionsDomain
import PetitionsReport
import PetitionsStore
import PetitionsTestSupport
import Testing

@testable import PetitionsApp

/// A draft gathers the facts of what it is about (a reminder: its letter, the late deliveries of its addressee's
/// decrees; an escalation: its petition's letters, its petitioner's late deliveries; a digest: its authority's), not
/// the whole ledger's: the draft must be the one the whole ledger's facts give, or refused with the same sentence.
@Suite("Draft facts") struct DraftFactsTests {
    static let days = ["1919-09-01", "1919-11-20", "1920-01-05", "1920-03-04"]

    /// How many comparisons drafted (and with deliveries) or were refused both ways: a test that compared nothing
    /// proves nothing.
    struct Tally {
        var drafted = 0
        var withDeliveries = 0
        var refused = 0

        mutating func add(_ outcome: (drafted: Bool, withDeliveries: Bool)) {
            if outcome.drafted { drafted += 1 } else { refused += 1 }
            if outcome.withDeliveries { withDeliveries += 1 }
        }
    }

    /// The generated ledger of `CheckStreamTests` (groups, their letters and petitions, late deliveries), opened with
    /// the default rules.
    static func fixture() throws -> (TemporaryLedger, Ledger, RuleContext) {
        let temporary = try CheckStreamTests.ledger()
        let ledger = try temporary.workspace.open(readOnly: true)
        return (temporary, ledger, try temporary.workspace.rules(ledger, RuleSources()))
    }

    /// Both outcomes alike: the same draft (as JSON), or the same refusal. Returns whether a draft came, and with deliveries.
    static func same(_ scoped: Result<DraftContext, any Error>, _ whole: Result<DraftContext, any Error>, _ what: String) throws -> (Bool, Bool) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        switch (scoped, whole) {
        case (.success(let a), .success(let b)):
            #expect(try encoder.encode(a) == encoder.encode(b), "\(what)")
            return (true, !a.deliveries.isEmpty)
        case (.failure(let a), .failure(let b)):
            #expect("\(a)" == "\(b)", "\(what)")
            return (false, false)
        default:
            Issue.record("\(what): \(scoped) against \(whole)")
            return (false, false)
        }
    }

    @Test("an escalation and a digest from their own facts are those from the whole ledger's, for every petition, authority and day")
    func sameEscalationAndDigest() throws {
        let (temporary, ledger, context) = try Self.fixture()
        defer { temporary.remove() }
        var tally = Tally()
        for asOf in Self.days {
            let day = try Day(parsing: asOf)
            for id in Int64(1)...Int64(4) {
                for to in [nil, "council", "bread", "salt", "dmitrov-post", "nosuch"] {
                    tally.add(
                        try Self.same(
                            Result { try Drafts.escalation(ledger: ledger, context: context, petition: id, to: to, asOf: day) },
                            Result { try Drafts.escalation(ledger: ledger, context: context, petition: id, to: to, asOf: day, whole: true) },
                            "escalation of petition \(id) to \(to ?? "above") as of \(asOf)"))
                }
            }
            for authority in ["bread", "salt", "council", "dmitrov-post", "nosuch", "1"] {
                tally.add(
                    try Self.same(
                        Result { try Drafts.digest(ledger: ledger, context: context, authority: authority, asOf: day) },
                        Result { try Drafts.digest(ledger: ledger, context: context, authority: authority, asOf: day, whole: true) },
                        "digest of \(authority) as of \(asOf)"))
            }
        }
        #expect(tally.drafted > 10 && tally.withDeliveries > 5 && tally.refused > 20, "\(tally)")
    }

    @Test("a reminder from its letter's facts is the reminder from the whole ledger's, for every letter and day")
    func sameReminder() throws {
        let (temporary, ledger, context) = try Self.fixture()
        defer { temporary.remove() }
        var tally = Tally()
        for asOf in Self.days {
            let day = try Day(parsing: asOf)
            let whole = try Drafts.Gathered(ledger: ledger, context: context, asOf: day)
            for id in Int64(1)...Int64(45) {
                let scoped = Result { try Drafts.reminder(ledger: ledger, context: context, letter: id, asOf: day) }
                let expected = Result {
                    if let refusal = try Drafts.refusalOfLetter(ledger, id, asOf: day) { throw refusal }
                    return try Drafts.reminder(ledger: ledger, letter: id, asOf: day, facts: whole)
                }
                tally.add(try Self.same(scoped, expected, "reminder of letter \(id) as of \(asOf)"))
            }
        }
        #expect(tally.drafted > 10 && tally.withDeliveries > 3 && tally.refused > 10, "\(tally)")
    }
}
