import Foundation
import PetitionsDomain
import PetitionsReport
import PetitionsTestSupport
import Testing

@testable import PetitionsApp

/// A reminder gathers the facts of its letter alone (the letter if it is waiting, the late deliveries of its
/// addressee's decrees, the parties it names), not the whole ledger's: the draft must be the one the whole ledger's
/// facts give, or refused with the same sentence.
@Suite("Reminder facts") struct ReminderFactsTests {
    @Test("a reminder from its letter's facts is the reminder from the whole ledger's, for every letter and day")
    func sameReminder() throws {
        let temporary = try CheckStreamTests.ledger()
        defer { temporary.remove() }
        let ws = temporary.workspace
        let ledger = try ws.open(readOnly: true)
        let context = try ws.rules(ledger, RuleSources())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var drafted = 0
        var withDeliveries = 0
        var refused = 0
        for asOf in ["1919-09-01", "1919-11-20", "1920-01-05", "1920-03-04"] {
            let day = try Day(parsing: asOf)
            let whole = try Drafts.Gathered(ledger: ledger, context: context, asOf: day)
            for id in Int64(1)...Int64(45) {
                let scoped = Result { try Drafts.reminder(ledger: ledger, context: context, letter: id, asOf: day) }
                let expected = Result {
                    if let refusal = try Drafts.refusalOfLetter(ledger, id, asOf: day) { throw refusal }
                    return try Drafts.reminder(ledger: ledger, letter: id, asOf: day, facts: whole)
                }
                switch (scoped, expected) {
                case (.success(let a), .success(let b)):
                    #expect(try encoder.encode(a) == encoder.encode(b), "letter \(id) as of \(asOf)")
                    drafted += 1
                    if !a.deliveries.isEmpty { withDeliveries += 1 }
                case (.failure(let a), .failure(let b)):
                    #expect("\(a)" == "\(b)", "letter \(id) as of \(asOf)")
                    refused += 1
                default:
                    Issue.record("letter \(id) as of \(asOf): \(scoped) against \(expected)")
                }
            }
        }
        #expect(drafted > 10 && withDeliveries > 3 && refused > 10, "\(drafted) drafted, \(withDeliveries) with deliveries, \(refused) refused")
    }
}
