import Foundation
import PetitionsTestSupport
import Testing

/// `petitions search`, and `--search` and `--party` on the petition and letter listings, run as a user would.
@Suite struct SearchTests {
    /// The Dmitrov fixture with names in several scripts and letters that say more or less about provisions.
    static func ledger() throws -> CLI {
        let cli = try BadInputTests.dmitrov()
        let steps: [[String]] = [
            ["petitioner", "add", "--name", "Łukasz Żółć", "--handle", "lukasz", "--district", "Łódź"],
            ["petitioner", "add", "--name", "Пётр Кропоткин", "--handle", "ru-1"],
            ["petitioner", "add", "--name", "Jens Straße Ødegård", "--handle", "jens"],
            [
                "letter", "receive", "--from", "moscow-supply", "--to", "dmitrov-post", "--on", "1920-02-10", "--subject", "Wheat dispatched",
                "--summary", "Two wagons by rail", "--in-reply-to", "1",
            ],
            [
                "letter", "send", "--from", "dmitrov-post", "--to", "moscow-supply", "--on", "1920-02-20", "--subject", "Reminder",
                "--summary", "The wheat has still not come", "--petition", "1",
            ],
        ]
        for s in steps {
            let r = try cli.run(s)
            #expect(r.status == 0, "\(s): \(r)")
        }
        return cli
    }

    static func hits(_ cli: CLI, _ args: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String: Any]] {
        let r = try cli.run(["search"] + args + ["--format", "json"])
        #expect(r.status == 0, "\(r)", sourceLocation: sourceLocation)
        return try #require(try CLI.json(r) as? [[String: Any]], "\(r)", sourceLocation: sourceLocation)
    }

    static func handles(_ hits: [[String: Any]]) -> [String] { hits.compactMap { $0["handle"] as? String } }

    @Test func caseAndDiacriticsDoNotMatter() throws {
        let cli = try Self.ledger()
        defer { cli.remove() }
        #expect(Self.handles(try Self.hits(cli, ["petr"])) == ["kropotkin"], "petr finds Pëtr")
        #expect(Self.handles(try Self.hits(cli, ["PËTR"])) == ["kropotkin"])
        #expect(Self.handles(try Self.hits(cli, ["lodz"])) == ["lukasz"], "lodz finds Łódź")
        #expect(Self.handles(try Self.hits(cli, ["Łódź"])) == ["lukasz"])
        #expect(Self.handles(try Self.hits(cli, ["zolc"])) == ["lukasz"])
        #expect(Self.handles(try Self.hits(cli, ["strasse"])) == ["jens"], "ß is searched as ss")
        #expect(Self.handles(try Self.hits(cli, ["odegard"])) == ["jens"], "Ø is searched as o")
    }

    @Test("polytonic Greek is found without its breathings and accents, as lodz finds Łódź")
    func greekIsFoundWithoutDiacritics() throws {
        let cli = try Self.ledger()
        defer { cli.remove() }
        #expect(try cli.run(["petitioner", "add", "--name", "Ἀθῆναι Ὀδυσσεύς", "--handle", "athens"]).status == 0)
        #expect(try cli.run(["petitioner", "add", "--name", "ᾅδης Ῥόδος", "--handle", "hades"]).status == 0)
        for query in ["αθηναι", "ΑΘΗΝΑΙ", "Ἀθῆναι", "ἀθηναι", "αθην*", "οδυσσευς", "\"αθηναι οδυσσευς\""] {
            #expect(Self.handles(try Self.hits(cli, [query])) == ["athens"], "\(query)")
        }
        #expect(Self.handles(try Self.hits(cli, ["αδης"])) == ["hades"], "an iota subscript is left out")
        #expect(Self.handles(try Self.hits(cli, ["ροδος"])) == ["hades"])
        let snippet = try #require(try Self.hits(cli, ["αθηναι"]).first?["snippet"] as? String)
        #expect(snippet.contains("Ἀθῆναι"), "the snippet shows the name as written: \(snippet)")
    }

    @Test func otherScriptsAreFoundAsWritten() throws {
        let cli = try Self.ledger()
        defer { cli.remove() }
        #expect(Self.handles(try Self.hits(cli, ["Кропоткин"])) == ["ru-1"])
        #expect(Self.handles(try Self.hits(cli, ["кропоткин"])) == ["ru-1"], "Cyrillic case folds")
        #expect(Self.handles(try Self.hits(cli, ["Пётр"])) == ["ru-1"])
        #expect(Self.handles(try Self.hits(cli, ["кроп*"])) == ["ru-1"])
        // Japanese and Chinese are written without spaces: a family name finds the whole name.
        #expect(try cli.run(["petitioner", "add", "--name", "山田太郎", "--handle", "yamada"]).status == 0)
        let yamada = try Self.hits(cli, ["山田"])
        #expect(Self.handles(yamada) == ["yamada"], "\(yamada)")
        #expect((yamada.first?["snippet"] as? String)?.contains("⟦山田太郎⟧") == true, "\(yamada)")
    }

    @Test func prefixesAndPhrases() throws {
        let cli = try Self.ledger()
        defer { cli.remove() }
        let prov = try Self.hits(cli, ["prov*"])
        #expect(prov.map { $0["kind"] as? String } == ["petition"], "\(prov)")
        #expect(prov.first?["id"] as? Int == 1)
        #expect(try Self.hits(cli, ["provision"]).isEmpty, "a word without * is a whole word")
        #expect(try Self.hits(cli, ["\"January provisions\""]).count == 1)
        #expect(try Self.hits(cli, ["\"provisions January\""]).isEmpty, "a phrase keeps its order")
        #expect(Self.handles(try Self.hits(cli, ["dmitrov-post"])).contains("dmitrov-post"), "a handle is searched as written")
    }

    @Test func bestMatchesFirstEachWithItsKeys() throws {
        let cli = try Self.ledger()
        defer { cli.remove() }
        let wheat = try Self.hits(cli, ["wheat"])
        #expect(wheat.count == 2, "\(wheat)")
        #expect(wheat.first?["title"] as? String == "Wheat dispatched", "a match in the subject ranks above one in the summary: \(wheat)")
        #expect(wheat.last?["title"] as? String == "Reminder")
        for hit in wheat {
            #expect(Set(hit.keys) == ["kind", "id", "handle", "title", "day", "snippet", "matches", "rank"])
            #expect(hit["kind"] as? String == "letter")
        }
        #expect(wheat.first?["day"] as? String == "1920-02-10")
        #expect((wheat.first?["snippet"] as? String)?.contains("⟦Wheat⟧") == true, "\(wheat)")
        #expect((wheat.last?["snippet"] as? String)?.contains("⟦wheat⟧") == true, "\(wheat)")
        let ranks = wheat.compactMap { $0["rank"] as? Double }
        #expect(ranks == ranks.sorted(), "rank ascends: lower is better")
        let party = try #require(try Self.hits(cli, ["kropotkin", "--kind", "party"]).first)
        #expect(party["handle"] as? String == "kropotkin" && party["id"] is NSNull && party["title"] as? String == "Pëtr Kropotkin")
        #expect(try Self.hits(cli, ["wheat", "--kind", "petition"]).isEmpty)
        #expect(try Self.hits(cli, ["wheat", "--limit", "1"]).count == 1)
        let text = try cli.run(["search", "wheat"])
        #expect(text.status == 0 && text.stdout.contains("⟦Wheat⟧ dispatched") && text.stdout.contains("KIND"), "\(text)")
        let none = try cli.run(["search", "zzzz"])
        #expect(none.status == 0 && none.stdout.contains("Nothing matches"), "\(none)")
    }

    @Test func aMalformedQueryIsOneSentence() throws {
        let cli = try Self.ledger()
        defer { cli.remove() }
        for query in ["\"unbalanced", "*", "AND", "wheat AND", "(wheat", "NOT"] {
            let r = try cli.run(["search", query])
            #expect(r.status == 65, "\(query): \(r)")
            #expect(r.stderr.hasPrefix("error: query") && r.stderr.split(separator: "\n").count == 1, "\(query): \(r)")
            #expect(!r.stderr.lowercased().contains("fts5") && !r.stderr.contains("syntax error"), "\(query): \(r)")
        }
        #expect(try cli.run(["search", "\"wheat"]).stderr.contains("unbalanced quote"))
        // A bad word of an option is a usage error; the query is data the search reads (OptionWordTests).
        #expect(try cli.run(["search", "wheat", "--kind", "decree"]).status == 64)
        #expect(try cli.run(["search", "wheat", "--limit", "0"]).status == 64)
        #expect(try cli.run(["letter", "list", "--search", "\"x"]).status == 65)
        for harmless in ["o'brien", "3.5", "kg.", "a:b", "50%", "-", "wheat-"] {
            #expect(try cli.run(["search", harmless]).status != 70, "\(harmless)")
        }
    }

    @Test func listingsTakeASearchAndAParty() throws {
        let cli = try Self.ledger()
        defer { cli.remove() }
        let letters = try #require(try CLI.json(try cli.run(["letter", "list", "--search", "wheat", "--format", "json"])) as? [[String: Any]])
        #expect(letters.compactMap { $0["subject"] as? String } == ["Wheat dispatched", "Reminder"])
        let rail = try #require(try CLI.json(try cli.run(["letter", "list", "--search", "rail", "--format", "json"])) as? [[String: Any]])
        #expect(rail.compactMap { $0["id"] as? Int } == [2])
        let petitions = try #require(
            try CLI.json(try cli.run(["petition", "list", "--search", "januar*", "--format", "json"])) as? [[String: Any]])
        #expect(petitions.count == 1)
        #expect(try #require(try CLI.json(try cli.run(["petition", "list", "--search", "wheat", "--format", "json"])) as? [Any]).isEmpty)
        let ofParty = try #require(
            try CLI.json(try cli.run(["petition", "list", "--party", "moscow-supply", "--format", "json"])) as? [[String: Any]])
        #expect(ofParty.count == 1)
        #expect(try #require(try CLI.json(try cli.run(["petition", "list", "--party", "kropotkin", "--format", "json"])) as? [Any]).isEmpty)
        #expect(try cli.run(["petition", "list", "--party", "nobody"]).status == 65)
    }

    @Test func theIndexKeepsInStepAndVerifyChecksIt() throws {
        let cli = try Self.ledger()
        defer { cli.remove() }
        #expect(try cli.run(["verify"]).stdout.contains("Ledger OK"))
        // Damage the index behind petitions' back: verify names it, compact rebuilds it.
        let damage = Process()
        damage.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        damage.arguments = [cli.db, "DELETE FROM search WHERE kind = 'letter'"]
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") else { return }
        try damage.run()
        damage.waitUntilExit()
        let broken = try cli.run(["verify"])
        #expect(broken.status == 1 && broken.stdout.contains("search index: letter 1"), "\(broken)")
        #expect(try cli.run(["compact"]).status == 0)
        #expect(try cli.run(["verify"]).stdout.contains("Ledger OK"))
        #expect(try Self.hits(cli, ["wheat"]).count == 2)
    }

    @Test("past 10,000 matches the newest letters and the other records are ranked, so a party named by the word is still found")
    func aVeryCommonWordRanksTheNewestMatchesAndKeepsTheParties() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        #expect(try cli.run(["group", "add", "--name", "Wheat carters of Dmitrov", "--handle", "wheat-carters"]).status == 0)
        var csv = "direction,from,to,on,subject,expects_reply\n"
        for _ in 0..<10_050 { csv += "sent,dmitrov-post,moscow-supply,1920-02-01,Wheat not come to the Dmitrov district this month either,no\n" }
        let file = cli.directory.appendingPathComponent("letters.csv").path
        try csv.write(toFile: file, atomically: true, encoding: .utf8)
        let imported = try cli.run(["import", "letters", file])
        #expect(imported.status == 0, "\(imported)")
        let best = try Self.hits(cli, ["wheat", "--limit", "3"])
        #expect(Self.handles(best).first == "wheat-carters", "the party's short name ranks above the letters' long subjects: \(best)")
        let hits = try Self.hits(cli, ["wheat", "--limit", "10000"])
        // Letter 1 is the fixture's; the 10,050 imported are 2…10,051: only the newest 10,000 of them are ranked, and the
        // party takes one of the 10,000 places.
        let ids = hits.filter { $0["kind"] as? String == "letter" }.compactMap { $0["id"] as? Int }
        #expect(ids.count == 9_999 && ids.min() == 52, "\(ids.count) letters from \(ids.min() ?? 0)")
        // With --kind, the newest 10,000 of that kind.
        let letters = try Self.hits(cli, ["wheat", "--kind", "letter", "--limit", "5"])
        #expect(letters.count == 5 && letters.allSatisfy { ($0["id"] as? Int ?? 0) >= 52 }, "\(letters)")
    }
}
