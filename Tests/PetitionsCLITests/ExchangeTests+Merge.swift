import CSV
import Foundation
import GRDB
import PetitionsTestSupport
import Testing

/// Merging offices' event logs.
extension ExchangeTests {
    // MARK: - Merging offices' ledgers

    @Test func twoOfficesMergeIntoARegionThatShowsWhatOneLedgerHoldingEverythingShows() throws {
        let cli = try CLI()
        defer { cli.remove() }
        func path(_ name: String) -> String { cli.directory.appendingPathComponent(name).path }
        @discardableResult
        func run(_ ledger: String, _ args: [String], office: String? = nil) throws -> CLI.Result {
            try CLI.exec(args + ["--db", path(ledger)] + (office.map { ["--office", $0] } ?? []), environment: cli.environment)
        }
        let dmitrov: [[String]] =
            [
                ["authority", "add", "--name", "Council of People's Commissars", "--handle", "sovnarkom"],
                [
                    "authority", "add", "--name", "Moscow postal-telegraph supply centre", "--handle", "moscow-supply", "--parent", "sovnarkom",
                    "--reply-within", "3 weeks",
                ],
                [
                    "group", "add", "--name", "Dmitrov postal-telegraph employees", "--handle", "dmitrov-post", "--count", "employee=125", "--count",
                    "incapacitated=140",
                ],
                ["petitioner", "add", "--name", "Pëtr Kropotkin", "--handle", "kropotkin"],
                [
                    "decree", "add", "--handle", "decree-1918", "--name", "Decree of 15 August 1918", "--issued", "1918-08-15", "--supplier",
                    "moscow-supply",
                    "--ration", "employee: 8 funt wheat", "--ration", "incapacitated: 5 funt wheat",
                ],
                ["enrol", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--from", "1919-09-01"],
                ["delivery", "schedule", "--decree", "decree-1918", "--from", "1919-09", "--to", "1920-03", "--on", "1919-09-01"],
            ]
            + ["09", "10", "11", "12"].map {
                [
                    "delivery", "receive", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--period", "1919-\($0)", "--on",
                    "1919-\($0)-06", "--quantity", "1700 funt wheat",
                ]
            } + [
                ["petition", "log", "--from", "dmitrov-post", "--to", "moscow-supply", "--subject", "January provisions", "--on", "1920-01-20"],
                [
                    "letter", "send", "--from", "dmitrov-post", "--to", "moscow-supply", "--on", "1920-01-20", "--subject", "Appeal", "--petition",
                    "1",
                ],
                [
                    "petition", "log", "--from", "dmitrov-post", "--to", "sovnarkom", "--via", "kropotkin", "--subject",
                    "Two months without provisions", "--on", "1920-03-04",
                ],
                [
                    "letter", "send", "--from", "kropotkin", "--to", "sovnarkom", "--on", "1920-03-04", "--subject", "Letter to Lenin", "--petition",
                    "2", "--reply-within", "2 weeks",
                ],
            ]
        // Klin records on its own first (the same Council, a group of its own), then takes in Dmitrov's log and works on it.
        let klinAlone: [[String]] = [
            ["authority", "add", "--name", "Council of People's Commissars", "--handle", "sovnarkom"],
            ["group", "add", "--name", "Klin postal-telegraph employees", "--handle", "klin-post", "--count", "employee=40"],
        ]
        let klinAfter: [[String]] = [
            ["enrol", "--decree", "decree-1918", "--recipient", "klin-post", "--from", "1919-11-01"],
            [
                "delivery", "schedule", "--decree", "decree-1918", "--recipient", "klin-post", "--from", "1919-11", "--to", "1920-03", "--on",
                "1919-11-01",
            ],
            [
                "delivery", "receive", "--decree", "decree-1918", "--recipient", "klin-post", "--period", "1919-11", "--on", "1919-11-20",
                "--quantity", "200 funt wheat",
            ],
            [
                "letter", "receive", "--from", "moscow-supply", "--to", "dmitrov-post", "--on", "1920-02-15", "--subject", "Provisions are coming",
                "--in-reply-to", "1",
            ],
            ["petition", "log", "--from", "klin-post", "--to", "moscow-supply", "--subject", "Klin provisions", "--on", "1920-01-10"],
            ["letter", "send", "--from", "klin-post", "--to", "moscow-supply", "--on", "1920-01-10", "--subject", "Klin appeal", "--petition", "3"],
            ["petition", "status", "3", "--to", "waiting_on_petitioner", "--on", "1920-02-01", "--note", "Asked for the staff list"],
            ["delivery", "cancel", "--decree", "decree-1918", "--recipient", "klin-post", "--period", "1920-03", "--reason", "Scheduled in error"],
        ]

        Self.succeeded(try run("a.sqlite", ["init"], office: "dmitrov"))
        for s in dmitrov { Self.succeeded(try run("a.sqlite", s, office: "dmitrov"), "dmitrov \(s)") }
        Self.succeeded(try run("b.sqlite", ["init"], office: "klin"))
        for s in klinAlone { Self.succeeded(try run("b.sqlite", s, office: "klin"), "klin \(s)") }
        Self.succeeded(try run("a.sqlite", ["export", "events", "--output", path("a.jsonl")]))
        Self.succeeded(try run("b.sqlite", ["import", "events", path("a.jsonl")], office: "klin"))
        for s in klinAfter { Self.succeeded(try run("b.sqlite", s, office: "klin"), "klin \(s)") }
        Self.succeeded(try run("b.sqlite", ["export", "events", "--output", path("b.jsonl")]))

        // The region takes in both logs; Dmitrov's events are in both files and are added once.
        Self.succeeded(try run("r.sqlite", ["init"], office: "region"))
        let first = try run("r.sqlite", ["import", "events", path("a.jsonl"), "--format", "json"])
        let second = try run("r.sqlite", ["import", "events", path("b.jsonl"), "--format", "json"])
        Self.succeeded(first)
        Self.succeeded(second)
        let merged = try #require(try CLI.json(second) as? [String: Any])
        #expect(merged["already_present"] as? Int == dmitrov.count + 1, "Dmitrov's init and records came with the first file: \(merged)")
        #expect(merged["joined"] as? Int == 1, "the Council both offices recorded is one party: \(merged)")

        // One ledger holding everything: the same work recorded in one place, each command under its office.
        Self.succeeded(try run("one.sqlite", ["init"], office: "region"))
        for s in dmitrov { Self.succeeded(try run("one.sqlite", s, office: "dmitrov")) }
        Self.succeeded(try run("one.sqlite", klinAlone[1], office: "klin"))
        for s in klinAfter { Self.succeeded(try run("one.sqlite", s, office: "klin"), "one \(s)") }

        let views: [[String]] = [
            ["authority", "list", "--format", "json"], ["group", "list", "--format", "json"], ["petitioner", "list", "--format", "json"],
            ["petition", "list", "--format", "json"], ["letter", "list", "--format", "json"], ["decree", "list", "--format", "json"],
            ["delivery", "list", "--format", "json"],
            ["overdue", "--as-of", "1920-03-04", "--format", "json"], ["unanswered", "--as-of", "1920-03-04", "--format", "json"],
            ["check", "--as-of", "1920-03-04", "--format", "json"], ["report", "--as-of", "1920-03-04", "--format", "json"],
        ]
        for v in views {
            let region = try run("r.sqlite", v)
            let one = try run("one.sqlite", v)
            #expect(region.status == one.status, "\(v): \(region) / \(one)")
            #expect(
                !region.stdout.isEmpty && region.stdout == one.stdout,
                "\(v) differs:\nregion: \(region.stdout.prefix(2000))\none: \(one.stdout.prefix(2000))")
        }
        let offices = try Self.objects(try run("r.sqlite", ["petition", "list", "--format", "json"])).compactMap { $0["office"] as? String }
        #expect(offices == ["klin", "dmitrov", "dmitrov"], "each petition keeps its office (listed by opening day): \(offices)")
        let report = try #require(try CLI.json(try run("r.sqlite", ["overdue", "--as-of", "1920-03-04", "--format", "json"])) as? [[String: Any]])
        #expect(!report.isEmpty, "the comparison compares something")

        // Idempotent: the same files again add nothing.
        let events = try run("r.sqlite", ["events", "--format", "json"]).stdout
        for f in ["a.jsonl", "b.jsonl"] {
            let again = try run("r.sqlite", ["import", "events", path(f)])
            Self.succeeded(again)
            #expect(again.stdout.contains(": 0 added"), "\(again.stdout)")
        }
        #expect(try run("r.sqlite", ["events", "--format", "json"]).stdout == events)
        #expect(try run("r.sqlite", ["verify"]).stdout == "Ledger OK\n")
        #expect(try run("b.sqlite", ["verify"]).stdout == "Ledger OK\n")
    }

    @Test func aHandleThatMeansSomethingElseHereIsReportedAndMapResolvesIt() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let log = cli.directory.appendingPathComponent("dmitrov.jsonl").path
        Self.succeeded(try cli.run(["export", "events", "--output", log]))

        let istra = try CLI()
        defer { istra.remove() }
        Self.succeeded(try istra.run(["init", "--office", "istra"]))
        Self.succeeded(try istra.run(["petitioner", "add", "--name", "Ivan Moscowsky", "--handle", "moscow-supply"]))
        Self.succeeded(try istra.run(["authority", "add", "--name", "Council of Commissars", "--handle", "sovnarkom"]))
        let before = try BadInputTests.snapshot(istra)
        let r = try istra.run(["import", "events", log])
        #expect(r.status == 65, "\(r)")
        for m in [
            "'moscow-supply' is an authority 'Moscow postal-telegraph supply centre' of office dmitrov but a person 'Ivan Moscowsky' in this ledger",
            "'sovnarkom' is an authority 'Council of People's Commissars' of office dmitrov but an authority 'Council of Commissars'",
            "--map moscow-supply=moscow-supply-dmitrov", "--map sovnarkom=sovnarkom", "nothing was imported",
        ] {
            #expect(r.stderr.contains(m), "stderr should say \(m): \(r.stderr)")
        }
        #expect(try BadInputTests.snapshot(istra) == before)

        let mapped = try istra.run(["import", "events", log, "--map", "moscow-supply=moscow-supply-dmitrov", "--map", "sovnarkom=sovnarkom"])
        Self.succeeded(mapped)
        let supply = try #require(try CLI.json(try istra.run(["authority", "show", "moscow-supply-dmitrov", "--format", "json"])) as? [String: Any])
        #expect(supply["parent"] as? String == "sovnarkom" && supply["office"] as? String == "dmitrov")
        #expect(try istra.run(["petitioner", "show", "moscow-supply"]).status == 0, "the person keeps the handle here")
        let petition = try #require(try Self.objects(try istra.run(["petition", "list", "--format", "json"])).first)
        #expect(petition["authority"] as? String == "moscow-supply-dmitrov" && petition["office"] as? String == "dmitrov")
        let payload =
            try Self.objects(try istra.run(["events", "--kind", "petition.logged", "--format", "json"])).first?["payload"] as? [String: Any]
        #expect(payload?["to"] as? String == "moscow-supply-dmitrov", "the merged event names our handle")
        #expect(try istra.run(["verify"]).stdout == "Ledger OK\n")
    }

    @Test func aBrokenLineAnEventOfANewerVersionOrAnUnknownReferenceIsRefusedByLine() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let lines = try cli.run(["export", "events"]).stdout.split(separator: "\n").map(String.init)
        let fresh = try CLI()
        defer { fresh.remove() }
        Self.succeeded(try fresh.run(["init", "--office", "klin"]))
        let before = try BadInputTests.snapshot(fresh)

        var broken = lines
        broken[1] = String(broken[1].prefix(40))
        let b = try fresh.run(["import", "events", try Self.file(fresh, "broken.jsonl", broken.joined(separator: "\n"))])
        #expect(b.status == 65 && b.stderr.contains("line 2: it is not valid JSON"), "\(b)")

        var newer = lines
        newer[2] = newer[2].replacingOccurrences(of: "\"schema_version\":1", with: "\"schema_version\":2")
        let n = try fresh.run(["import", "events", try Self.file(fresh, "newer.jsonl", newer.joined(separator: "\n"))])
        #expect(n.status == 65 && n.stderr.contains("line 3 is an event of schema version 2") && n.stderr.contains("upgrade petitions"), "\(n)")

        // The letter without the petition it belongs to.
        let letter = try #require(lines.firstIndex { $0.contains("\"kind\":\"letter.sent\"") })
        let orphan = try fresh.run([
            "import", "events", try Self.file(fresh, "orphan.jsonl", (lines[..<(letter - 1)] + [lines[letter]]).joined(separator: "\n")),
        ])
        let uuid = try #require((try JSONSerialization.jsonObject(with: Data(lines[letter].utf8)) as? [String: Any])?["uuid"] as? String)
        #expect(orphan.status == 65, "\(orphan)")
        #expect(
            orphan.stderr.contains("line \(letter) (event \(uuid), letter.sent)")
                && orphan.stderr.contains("neither in this ledger nor earlier in the file"),
            "\(orphan.stderr)")
        #expect(try BadInputTests.snapshot(fresh) == before)
    }
}
