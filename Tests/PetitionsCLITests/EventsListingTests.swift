import Foundation
import PetitionsTestSupport
import Testing

/// `events` writes the log as it reads it (the text table measured in a first pass, then written row by row): what
/// a user reads must be every event, in the log's order, the same in text and JSON, filtered as asked.
@Suite struct EventsListingTests {
    /// A ledger with events of several kinds, one with a summary long enough to wrap.
    func ledger() throws -> CLI {
        let cli = try CLI()
        for args in [
            ["init", "--office", "dmitrov"],
            ["authority", "add", "--name", "Council of People's Commissars", "--handle", "sovnarkom"],
            ["group", "add", "--name", "Postal-telegraph employees of the Dmitrov district", "--handle", "dmitrov-post", "--count", "employee=125"],
            ["petitioner", "add", "--name", "Pëtr Kropotkin", "--handle", "kropotkin"],
            [
                "letter", "send", "--from", "kropotkin", "--to", "sovnarkom", "--on", "1920-03-04", "--subject",
                "The provisions promised to the postal-telegraph employees of the Dmitrov district by decree have not come for two months",
            ],
            ["petition", "log", "--from", "dmitrov-post", "--to", "sovnarkom", "--subject", "Provisions", "--on", "1920-03-05"],
            ["petitioner", "edit", "kropotkin", "--district", "Dmitrov"],
        ] {
            let r = try cli.run(args)
            #expect(r.status == 0, "\(args): \(r)")
        }
        return cli
    }

    /// The ids of the events a JSON listing holds.
    func jsonIDs(_ r: CLI.Result, sourceLocation: SourceLocation = #_sourceLocation) throws -> [Int] {
        #expect(r.status == 0, "\(r)", sourceLocation: sourceLocation)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]], sourceLocation: sourceLocation)
        return array.compactMap { $0["id"] as? Int }
    }

    /// The ids of the events a text table holds: the first cell of each row's first line (continuation lines of a
    /// wrapped cell start with spaces).
    func textIDs(_ r: CLI.Result, sourceLocation: SourceLocation = #_sourceLocation) -> [Int] {
        #expect(r.status == 0, "\(r)", sourceLocation: sourceLocation)
        return r.stdout.split(separator: "\n").dropFirst(2).compactMap { Int($0.prefix { $0 != " " }) }
    }

    @Test func textAndJSONListEveryEventInTheLogsOrder() throws {
        let cli = try ledger()
        defer { cli.remove() }
        let logged = try cli.run(["export", "events", "--format", "jsonl"])
        let count = logged.stdout.split(separator: "\n").count
        let json = try cli.run(["events", "--format", "json"])
        let ids = try jsonIDs(json)
        #expect(ids.count == count && ids.count >= 7, "\(json)")
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        // Each event with its payload and subjects, as before the listing streamed.
        #expect(array.allSatisfy { ($0["payload"] as? [String: Any]) != nil && $0["subjects"] is [Any] }, "\(json.stdout)")
        let text = try cli.run(["events"])
        #expect(textIDs(text) == ids, "\(text)")
        #expect(text.stdout.hasPrefix("ID"), "\(text)")
        // The letter's long summary wraps within the 100 columns; no line ends in spaces.
        let lines = text.stdout.split(separator: "\n")
        #expect(lines.count > ids.count + 2, "\(text)")
        #expect(lines.allSatisfy { $0.count <= 100 && !$0.hasSuffix(" ") }, "\(text)")
        #expect(text.stdout.contains("Dmitrov") && text.stdout.contains("Pëtr Kropotkin"), "\(text)")
    }

    @Test func filtersListTheSameEventsInBothFormats() throws {
        let cli = try ledger()
        defer { cli.remove() }
        for filter in [
            ["--party", "kropotkin"], ["--kind", "letter"], ["--since", "1920-03-05"], ["--party", "sovnarkom", "--kind", "petition"],
            ["--petition", "1"],
        ] {
            let ids = try jsonIDs(try cli.run(["events", "--format", "json"] + filter))
            #expect(!ids.isEmpty, "\(filter)")
            #expect(textIDs(try cli.run(["events"] + filter)) == ids, "\(filter)")
        }
        let all = try jsonIDs(try cli.run(["events", "--format", "json"]))
        #expect(try jsonIDs(try cli.run(["events", "--format", "json", "--party", "kropotkin"])).count < all.count)
    }

    @Test func nothingListedIsNoneOrAnEmptyArray() throws {
        let cli = try ledger()
        defer { cli.remove() }
        let text = try cli.run(["events", "--kind", "receipt"])
        #expect(text.status == 0 && text.stdout == "(none)\n", "\(text)")
        let json = try cli.run(["events", "--kind", "receipt", "--format", "json"])
        #expect(json.status == 0 && json.stdout == "[\n\n]\n", "\(json)")
        let unknown = try cli.run(["events", "--party", "nobody"])
        #expect(unknown.status != 0 && unknown.stdout.isEmpty && unknown.stderr.contains("nobody"), "\(unknown)")
    }

    /// Each event's subjects in a JSON listing, by event id, as "type id" words.
    func subjects(_ r: CLI.Result, sourceLocation: SourceLocation = #_sourceLocation) throws -> [Int: [String]] {
        #expect(r.status == 0, "\(r)", sourceLocation: sourceLocation)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]], sourceLocation: sourceLocation)
        var out: [Int: [String]] = [:]
        for event in array {
            let id = try #require(event["id"] as? Int, sourceLocation: sourceLocation)
            let list = try #require(event["subjects"] as? [[String: Any]], sourceLocation: sourceLocation)
            out[id] = list.map { "\($0["type"] ?? "?") \($0["id"] ?? "?")" }
        }
        return out
    }

    @Test func eachEventListsItsOwnSubjectsWhateverTheFilter() throws {
        let cli = try ledger()
        defer { cli.remove() }
        let all = try subjects(try cli.run(["events", "--format", "json"]))
        // The letter's event is about the letter and both its parties (sovnarkom 1, kropotkin 3), by type then id.
        let letter = try #require(try subjects(try cli.run(["events", "--format", "json", "--kind", "letter.sent"])).first)
        #expect(letter.value == ["letter 1", "party 1", "party 3"], "\(letter)")
        #expect(all[letter.key] == letter.value)
        #expect(all.values.allSatisfy { !$0.isEmpty }, "\(all)")
        for filter in [
            ["--party", "kropotkin"], ["--party", "sovnarkom"], ["--petition", "1"], ["--since", "1920-03-05"], ["--kind", "petitioner"],
        ] {
            let some = try subjects(try cli.run(["events", "--format", "json"] + filter))
            #expect(!some.isEmpty, "\(filter)")
            for (id, list) in some { #expect(all[id] == list, "\(filter): event \(id)") }
        }
    }
}
