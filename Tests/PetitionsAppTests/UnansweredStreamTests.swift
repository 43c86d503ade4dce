import Foundation
import PetitionsDomain
import PetitionsTestSupport
import Testing

@testable import PetitionsApp

/// The streaming `unanswered` (waiting letters from SQLite already in print order, each judged on its own) against
/// the whole-set path the report and the drafts keep (every waiting letter read, judged, then sorted): the same
/// listing, entry for entry, on a ledger with letters recorded out of day order, replies before and after the as-of
/// days, extensions, a petition that waited on its petitioner, authorities with windows of their own and scoped rules.
@Suite("Unanswered streaming") struct UnansweredStreamTests {
    static func ledger() throws -> TemporaryLedger {
        let temporary = try TemporaryLedger()
        let ws = temporary.workspace
        _ = try AddAuthority(name: "Council", handle: "council").run(in: ws)
        _ = try AddAuthority(name: "Food office", handle: "food", parent: "council", replyWithin: Span(10, .days)).run(in: ws)
        _ = try AddAuthority(name: "Post office", handle: "post", parent: "council").run(in: ws)
        let people = ["ivanov", "petrova", "sidorov", "kuzmina"]
        for p in people { _ = try AddPetitioner(name: p.capitalized, handle: p).run(in: ws) }
        var petitions: [Int64] = []
        for (n, p) in people.enumerated() {
            let petition = try LogPetition(
                from: p, to: n % 2 == 0 ? "food" : "post", subject: "Rations for \(p)", on: try Day(parsing: "1919-09-01"),
                category: n % 2 == 0 ? "supply" : "wages"
            ).run(in: ws)
            petitions.append(petition.id)
        }
        // The second petition waited on its petitioner through November.
        _ = try ChangePetitionStatus(petition: petitions[1], to: .waitingOnPetitioner, on: try Day(parsing: "1919-11-01")).run(in: ws)
        _ = try ChangePetitionStatus(petition: petitions[1], to: .open, on: try Day(parsing: "1919-12-01")).run(in: ws)
        var random = SeededRandom(state: 20)
        let first = try Day(parsing: "1919-09-02")
        for n in 0..<90 {
            // Days drawn at random, so ids do not follow days; some days hold several letters.
            let day = first.adding(days: random.below(150))
            let p = random.below(people.count)
            let to = random.pick(["food", "post", "council"])
            let letter = try SendLetter(
                from: people[p], to: to, on: day, subject: "Letter \(n) about rations",
                petition: random.below(3) == 0 ? nil : petitions[p], replyWithin: random.below(5) == 0 ? Span(2, .weeks) : nil
            ).run(in: ws)
            switch random.below(6) {
            case 0, 1:  // answered, some after the as-of days below
                _ = try ReceiveLetter(
                    from: to, to: people[p], on: day.adding(days: 5 + random.below(120)), subject: "Reply to \(n)", inReplyTo: letter.id
                ).run(in: ws)
            case 2:
                _ = try ExtendLetter(letter: letter.id, by: Span(5, .workingDays), reason: "asked for time", on: day.adding(days: 3)).run(in: ws)
            default: break
            }
        }
        return temporary
    }

    static let rulesFiles = [
        "",
        "[[rule]]\nid = \"slow\"\nkind = \"unanswered_letter\"\nwithin = \"30 days\"\ncritical_after = \"60 days\"\nwarning_before = \"5 days\"\n",
        """
        [[rule]]
        id = "supply"
        kind = "unanswered_letter"
        within = "5 working days"
        [rule.scope]
        category = "supply"

        [[rule]]
        id = "rest"
        kind = "unanswered_letter"
        within = "1 months"
        warning_before = "1 weeks"

        """,
    ]

    @Test("the stream lists what the whole-set path lists, in the same order, for every rules file and day")
    func sameListing() throws {
        let temporary = try Self.ledger()
        defer { temporary.remove() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("unanswered-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let ws = temporary.workspace
        var compared = 0
        var severities = Set<String>()
        for (n, rules) in Self.rulesFiles.enumerated() {
            var sources = RuleSources()
            if !rules.isEmpty {
                let path = directory.appendingPathComponent("rules-\(n).toml").path
                try Data(rules.utf8).write(to: URL(fileURLWithPath: path))
                sources = RuleSources(rules: path)
            }
            for asOf in ["1919-09-01", "1919-10-15", "1919-12-20", "1920-01-20", "1920-03-04"] {
                let day = try Day(parsing: asOf)
                var stream: [UnansweredLetter] = []
                try ListUnanswered(asOf: day, sources: sources).run(in: ws) { stream.append($0) }
                let whole = try ws.reading { l in try Checker.unanswered(ledger: l, context: try ws.rules(l, sources), asOf: day) }
                #expect(stream == whole, "rules \(n), as of \(asOf)")
                let overdueOnly = try ListUnanswered(asOf: day, sources: sources, overdueOnly: true).run(in: ws)
                #expect(overdueOnly == whole.filter { $0.daysOverdue > 0 }, "rules \(n), as of \(asOf), overdue only")
                compared += stream.count
                severities.formUnion(stream.map { $0.severity?.rawValue ?? "not due" })
            }
        }
        #expect(compared > 200, "the ledger has waiting letters to compare")
        #expect(severities == ["not due", "warning", "overdue", "critical"], "every severity was compared")
    }

    @Test("the listing is by day sent, then id, though the letters were recorded out of day order")
    func printOrder() throws {
        let temporary = try Self.ledger()
        defer { temporary.remove() }
        let list = try ListUnanswered(asOf: try Day(parsing: "1920-03-04")).run(in: temporary.workspace)
        let keys = list.map { ($0.sent, $0.letter) }
        #expect(keys.count > 30)
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 })
        #expect(list.map(\.letter) != list.map(\.letter).sorted(), "ids alone would give another order")
    }
}
