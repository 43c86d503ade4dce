import Foundation
import GRDB
import PetitionsDomain
import PetitionsStore
import PetitionsTestSupport
import Testing

/// The store under hostile values: runaway queries, amounts past what sums hold, head-counts stored before bounds.
@Suite("Hostile values in the store")
struct HostileStoreTests {
    @Test("a sql rule that takes more memory than its budget is stopped with a sentence naming the budget")
    func memoryBudget() throws {
        try withLedger { temporary in
            let q = """
                WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000000)
                SELECT 1 AS subject, length(group_concat(x)) AS message FROM c
                """
            let tight = SQLRuleBudget(seconds: 60, bytes: 1 << 20)
            let error = try #require(throws: PetitionsError.self) { try temporary.ledger.runSQLRule(q, asOf: TemporaryLedger.today, budget: tight) }
            #expect(error.message.contains("1 MB, its memory budget"), "\(error)")
            let slow = SQLRuleBudget(seconds: 0.2, bytes: 1 << 30)
            let spin = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x AS subject, 'm' AS message FROM c WHERE x < 0"
            let timed = try #require(throws: PetitionsError.self) { try temporary.ledger.runSQLRule(spin, asOf: TemporaryLedger.today, budget: slow) }
            #expect(timed.message.contains("0.2 seconds, its time budget"), "\(timed)")
            // One value past the budget is refused before it is built (printf's widths are bounded; see below).
            let huge = "SELECT 1 AS subject, length(printf('%.*c', 100000000, 'x')) AS message"
            #expect(throws: PetitionsError.self) { try temporary.ledger.runSQLRule(huge, asOf: TemporaryLedger.today) }
            let grown = """
                WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100)
                SELECT 1 AS subject, length(group_concat(printf('%.*c', 1000000, 'x'))) AS message FROM c
                """
            let big = try #require(throws: PetitionsError.self) {
                try temporary.ledger.runSQLRule(grown, asOf: TemporaryLedger.today, budget: SQLRuleBudget(seconds: 60, bytes: 64 << 20))
            }
            #expect(big.message.contains("64 MB, its memory budget"), "\(big)")
            let many = """
                WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 50)
                SELECT printf('%.*c', 400000, 'x') AS subject, 'm' AS message FROM c
                """
            let rows = try #require(throws: PetitionsError.self) {
                try temporary.ledger.runSQLRule(many, asOf: TemporaryLedger.today, budget: SQLRuleBudget(seconds: 60, bytes: 10 << 20))
            }
            #expect(rows.message.contains("10 MB of text"), "\(rows)")
            // Within budget, the same ledger answers.
            #expect(try temporary.ledger.runSQLRule("SELECT 'x' AS subject, 'y' AS message", asOf: TemporaryLedger.today).count == 1)
        }
    }

    @Test("a sql rule asking printf() for a huge width or precision is refused at once with a sentence; a modest one still works")
    func printfWidthIsBounded() throws {
        try withLedger { temporary in
            let huge = [
                "printf('%.*c', 1000000000, 'x')", "printf('%999999999d', 1)", "format('%-.*c', 2000000, 'y')",
                "printf('%s and %0*d', 'a', 5000000, 1)", "printf('%.1000001s', 'x')",
            ]
            for call in huge {
                let q = "SELECT 1 AS subject, length(\(call)) AS message"
                let error = try #require(throws: PetitionsError.self, "\(call)") {
                    try temporary.ledger.runSQLRule(q, asOf: TemporaryLedger.today)
                }
                #expect(error.message.contains("was given a width or precision over 1,000,000 characters"), "\(call): \(error)")
            }
            let fine = "SELECT 1 AS subject, printf('%5d|%-3s|%.2f|%%|%.*c', 7, 'a', 1.5, 3, 'z') || format('%s', 'ok') AS message"
            #expect(try temporary.ledger.runSQLRule(fine, asOf: TemporaryLedger.today).first?.message == "    7|a  |1.50|%|zzzok")
            let wide = "SELECT 1 AS subject, length(printf('%.*c', 1000000, 'x')) AS message"
            #expect(try temporary.ledger.runSQLRule(wide, asOf: TemporaryLedger.today).first?.message == "1000000")
        }
    }

    @Test("amounts stored past their bounds make the report say so, not trap, and verify names them")
    func reportSumsAreChecked() throws {
        try withLedger { temporary in
            let ledger = temporary.ledger
            let scene = try Scene(ledger)
            _ = try ledger.addDecree(
                handle: "bread", name: "Bread ration", issued: day("1919-12-20"), issuer: "moscow-soviet", supplier: "narkomprod",
                rations: ["employee: 8 funt wheat"], every: .month, dueDay: 1, effectiveFrom: nil, effectiveTo: nil)
            _ = try ledger.enrol(
                decree: "bread", recipient: scene.group.handle, counts: [], from: day("1920-01-01"), to: nil, memberCategory: "employee")
            _ = try ledger.scheduleDeliveries(decree: "bread", recipient: nil, from: period("1920-01"), to: period("1920-03"), on: day("1920-01-01"))
            let raw = try openRaw(temporary.path)
            try raw.write { db in
                try db.execute(sql: "UPDATE delivery_item SET expected = 4611686018427387904")
                try db.execute(sql: "UPDATE group_count SET count = 9223372036854775807")
            }
            try raw.close()
            let scope = try ledger.resolve(ReportScope())
            let error = try #require(throws: PetitionsError.self) { try ledger.arrears(scope, asOf: day("1920-06-01")) }
            #expect(error.message.contains("more than can be counted") && error.message.contains("wheat"), "\(error)")
            // Head-counts summed with total(): the report's counts still come out.
            #expect(try ledger.reportCounts(scope).householdMembers > 0)
            let problems = try ledger.verify()
            #expect(problems.contains { $0.contains("group_count") && $0.contains("9223372036854775807") }, "\(problems)")
            #expect(problems.contains { $0.contains("delivery_item") && $0.contains("more than can be counted") }, "\(problems)")
        }
    }
}
