import Foundation
import PetitionsTestSupport
import Testing

/// What the trial of everything that comes in from outside still found open in `import events` and in making a ledger
/// (issue 12): days the commands refuse, keys a log line should not hold, a ledger made without its office, a line of
/// any length, and a re-enrolment replayed.
@Suite struct MergeLeftoverTests {
    /// `log` (JSON Lines) with line `i` (from 0) changed by `change`, every line kept.
    static func changing(_ log: [String], _ i: Int, _ change: (inout [String: Any]) -> Void) throws -> String {
        var event = try #require(try JSONSerialization.jsonObject(with: Data(log[i].utf8)) as? [String: Any])
        change(&event)
        var lines = log
        lines[i] = String(
            decoding: try JSONSerialization.data(withJSONObject: event, options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self)
        return lines.joined(separator: "\n") + "\n"
    }

    static func exportedLog(_ cli: CLI) throws -> [String] {
        let r = try cli.run(["export", "events", "--format", "jsonl"])
        #expect(r.status == 0, "\(r)")
        return r.stdout.split(separator: "\n").map(String.init)
    }

    /// Imports `log` into the ledger at `path`, expecting it refused (65) naming `line` (from 1) and saying `says`, with
    /// that ledger unchanged.
    static func expectRefused(
        _ cli: CLI, into path: String, _ log: String, line: Int, says: String, sourceLocation: SourceLocation = #_sourceLocation
    )
        throws
    {
        let before = try CLI.exec(["events", "--format", "json", "--db", path], environment: cli.environment).stdout
        let r = try CLI.exec(["import", "events", "-", "--db", path], environment: cli.environment, stdin: log)
        #expect(r.status == 65, "\(r)", sourceLocation: sourceLocation)
        #expect(r.stderr.contains("line \(line)") && r.stderr.contains(says), "\(r)", sourceLocation: sourceLocation)
        #expect(r.stderr.contains("othing was imported"), "\(r)", sourceLocation: sourceLocation)
        let after = try CLI.exec(["events", "--format", "json", "--db", path], environment: cli.environment).stdout
        #expect(after == before, "the ledger is unchanged", sourceLocation: sourceLocation)
    }

    // MARK: - 1: days the commands refuse

    /// `group leave` before the join day is refused; a log saying so was merged, the member gone before she came.
    @Test func aMemberLeavingBeforeJoiningIsRefusedByTheMergeAsByGroupLeave() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        #expect(try cli.run(["group", "join", "dmitrov-post", "--member", "kropotkin", "--from", "1920-03-01"]).status == 0)
        let early = try cli.run(["group", "leave", "dmitrov-post", "--member", "kropotkin", "--on", "1920-02-01"])
        #expect(early.status == 65 && early.stderr.contains("--on '1920-02-01' is before kropotkin joined dmitrov-post on 1920-03-01"), "\(early)")
        #expect(try cli.run(["group", "leave", "dmitrov-post", "--member", "kropotkin", "--on", "1920-04-01"]).status == 0)
        let log = try Self.exportedLog(cli)
        let left = try #require(log.firstIndex { $0.contains("\"group.left\"") })
        let forged = try Self.changing(log, left) { event in
            event["day"] = "1920-02-01"
            if var payload = event["payload"] as? [String: Any] {
                payload["on"] = "1920-02-01"
                event["payload"] = payload
            }
        }
        let region = try EleventhTrialTests.region(cli)
        try Self.expectRefused(
            cli, into: region, forged, line: left + 1, says: "day '1920-02-01' is before kropotkin joined dmitrov-post on 1920-03-01")
        // The log as written merges.
        let merged = try CLI.exec(["import", "events", "-", "--db", region], environment: cli.environment, stdin: log.joined(separator: "\n") + "\n")
        #expect(merged.status == 0, "\(merged)")
    }

    /// `petition status --on` before the petition's day is refused; a log saying so was merged.
    @Test func aStatusChangeBeforeThePetitionWasLoggedIsRefusedByTheMergeAsByPetitionStatus() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let early = try cli.run(["petition", "status", "1", "--to", "answered", "--on", "1920-01-10"])
        #expect(early.status == 65 && early.stderr.contains("--on '1920-01-10' is before petition 1 was opened on 1920-01-20"), "\(early)")
        #expect(try cli.run(["petition", "status", "1", "--to", "answered", "--on", "1920-02-10"]).status == 0)
        let log = try Self.exportedLog(cli)
        let changed = try #require(log.firstIndex { $0.contains("\"petition.status_changed\"") })
        let region = try EleventhTrialTests.region(cli)
        try Self.expectRefused(
            cli, into: region, try Self.changing(log, changed) { $0["day"] = "1920-01-10" }, line: changed + 1,
            says: "day '1920-01-10' is before petition 1 was opened on 1920-01-20")
        let merged = try CLI.exec(["import", "events", "-", "--db", region], environment: cli.environment, stdin: log.joined(separator: "\n") + "\n")
        #expect(merged.status == 0, "\(merged)")
    }

    // MARK: - 2: keys the log's version does not have, and keys given twice

    @Test func aPayloadKeyTheEventDoesNotHaveOrAKeyGivenTwiceIsRefusedNamingTheLineAndTheKey() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let log = try Self.exportedLog(cli)
        let added = try #require(log.firstIndex { $0.contains("\"petitioner.added\"") && $0.contains("\"kropotkin\"") })
        let name = #""name":"Pëtr Kropotkin""#
        #expect(log[added].contains(name))
        let region = try EleventhTrialTests.region(cli)
        func with(_ line: String) -> String {
            var lines = log
            lines[added] = line
            return lines.joined(separator: "\n") + "\n"
        }
        let cases: [(String, String)] = [
            (
                log[added].replacingOccurrences(of: name, with: #""nmae":"Pëtr Kropotkin""#),
                "line \(added + 1): the key 'nmae' is not one a petitioner.added event has"
            ),
            (
                log[added].replacingOccurrences(of: name, with: name + #","name":"Someone Else""#),
                "line \(added + 1): the key 'name' is given twice in payload"
            ),
            (
                log[added].replacingOccurrences(of: name, with: name + #","n\u0061me":"Someone Else""#),
                "line \(added + 1): the key 'name' is given twice in payload"
            ),
            (
                log[added].replacingOccurrences(of: #""kind":"petitioner.added""#, with: #""kind":"petitioner.added","kind":"petitioner.added""#),
                "line \(added + 1): the key 'kind' is given twice in the event"
            ),
            (
                log[added].replacingOccurrences(
                    of: #""dependants":(null|\[\])"#, with: #""dependants":[{"name":"Anna","category":"child","age":3}]"#, options: .regularExpression
                ),
                "line \(added + 1): the key 'age' in payload.dependants[0] is not one a petitioner.added event has"
            ),
        ]
        for (line, says) in cases {
            #expect(line != log[added], "\(says)")
            try Self.expectRefused(cli, into: region, with(line), line: added + 1, says: says)
        }
        // The line as written merges.
        let merged = try CLI.exec(["import", "events", "-", "--db", region], environment: cli.environment, stdin: with(log[added]))
        #expect(merged.status == 0, "\(merged)")
    }

    /// Every kind of event `export events` writes is read back by `import events`: a ledger holding all of them, exported
    /// and merged into an empty one, shows the same.
    @Test func everyKindOfEventTheExportWritesMergesIntoAnEmptyLedger() throws {
        let cli = try Self.reenrolled()
        defer { cli.remove() }
        let extra: [[String]] = [
            ["petitioner", "edit", "kropotkin", "--district", "Dmitrov"],
            ["petition", "edit", "1", "--subject", "January provisions, again"],
            ["petition", "note", "1", "--text", "Called at the centre", "--on", "1920-01-22"],
            ["petition", "status", "1", "--to", "answered", "--on", "1920-02-10"],
            ["letter", "extend", "1", "--by", "1 week", "--reason", "Holiday", "--on", "1920-02-05"],
            [
                "letter", "receive", "--from", "moscow-supply", "--to", "dmitrov-post", "--on", "1920-02-10", "--subject", "Reply", "--in-reply-to",
                "1",
            ],
            ["letter", "send", "--from", "dmitrov-post", "--to", "sovnarkom", "--on", "1920-02-11", "--subject", "Sent twice"],
            ["letter", "void", "3", "--reason", "Sent twice"],
            ["delivery", "cancel", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--period", "1920-03", "--reason", "Never sent"],
            ["office", "set", "--address", "Dmitrov, post office", "--signature", "The Dmitrov office"],
            ["check", "--record", "--as-of", "1920-03-04"],
        ]
        for s in extra {
            let r = try cli.run(s)
            #expect(r.status == 0 || (s[0] == "check" && r.status == 1), "\(s): \(r)")
        }
        let file = cli.directory.appendingPathComponent("attached.txt")
        try Data("The reply, scanned.\n".utf8).write(to: file)
        #expect(try cli.run(["attach", "--letter", "2", file.path, "--title", "Reply"]).status == 0)
        let log = try Self.exportedLog(cli)
        let kinds = Set(
            log.compactMap { line in
                (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["kind"] as? String
            })
        for kind in [
            "ledger.initialized", "party.updated", "petition.updated", "petition.noted", "petition.status_changed", "letter.extended",
            "letter.received", "letter.voided", "delivery.cancelled", "receipt.voided", "enrolment.ended", "group.joined", "group.left",
            "dependant.added", "dependant.removed", "attachment.added", "finding.raised", "setting.changed",
        ] {
            #expect(kinds.contains(kind), "the log holds a \(kind) event")
        }
        let region = try EleventhTrialTests.region(cli)
        let merged = try CLI.exec(["import", "events", "-", "--db", region], environment: cli.environment, stdin: log.joined(separator: "\n") + "\n")
        #expect(merged.status == 0, "\(merged)")
    }

    // MARK: - 3: a ledger made by its first recording command

    /// `petitioner add` on a path where no ledger is makes one, as `init` does: with the office's party and setting.
    @Test func aLedgerMadeByItsFirstRecordingCommandHasTheOfficeInitGives() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let added = try cli.run(["petitioner", "add", "--name", "Anna Ivanova", "--handle", "anna", "--office", "klin"])
        #expect(added.status == 0 && added.stderr.contains("note: created a new ledger at"), "\(added)")
        let byInit = cli.directory.appendingPathComponent("init.sqlite").path
        #expect(try CLI.exec(["init", "--office", "klin", "--db", byInit], environment: cli.environment).status == 0)
        let office = try cli.run(["office", "show", "--format", "json"])
        let initOffice = try CLI.exec(["office", "show", "--format", "json", "--db", byInit], environment: cli.environment)
        #expect(office.status == 0 && office.stdout == initOffice.stdout, "\(office) \(initOffice)")
        let events = try cli.run(["events"]).stdout
        #expect(events.contains("Ledger initialised for office klin"), "\(events)")
        // And init on it says it is already initialised, changing nothing.
        let again = try cli.run(["init", "--office", "klin"])
        #expect(again.status == 0 && again.stdout.contains("already initialised (office klin)"), "\(again)")
        // init on a new path says it made it.
        let fresh = cli.directory.appendingPathComponent("fresh.sqlite").path
        let made = try CLI.exec(["init", "--office", "zagorsk", "--db", fresh], environment: cli.environment)
        #expect(made.status == 0 && made.stdout.contains("Initialised the ledger") && made.stdout.contains("for office zagorsk"), "\(made)")
        let madeEvents = try CLI.exec(["events", "--format", "json", "--db", fresh], environment: cli.environment)
        #expect((try CLI.json(madeEvents) as? [Any])?.count == 1, "\(madeEvents)")
    }

    // MARK: - 4: a line of any length

    /// A line of hundreds of megabytes was read whole; it is refused once it is longer than any event can be here, with
    /// its line.
    @Test func aLineLongerThanAnyEventCanBeIsRefusedNamingTheLine() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let config = try EleventhTrialTests.write(cli, "small.toml", "max_attachment_mb = 1\n")
        let log = try Self.exportedLog(cli)
        // 1 MB of attachment is 1,398,104 characters of base64; with 16,000,000 bytes for the rest of an event.
        let bound = 1_398_104 + 16_000_000
        let long = cli.directory.appendingPathComponent("long.jsonl")
        var text = Data((log[0] + "\n" + #"{"actor":""#).utf8)
        text.append(Data(repeating: UInt8(ascii: "a"), count: bound + 10))
        text.append(Data("\"}\n".utf8))
        try text.write(to: long)
        let region = try EleventhTrialTests.region(cli)
        let before = try CLI.exec(["events", "--format", "json", "--db", region], environment: cli.environment).stdout
        let r = try CLI.exec(["import", "events", long.path, "--db", region, "--config", config], environment: cli.environment)
        #expect(r.status == 65, "\(r)")
        #expect(
            r.stderr.contains("\(long.path) line 2 is longer than 17,398,104 bytes, more than an event can be here")
                && r.stderr.contains("max_attachment_mb"), "\(r)")
        #expect(try CLI.exec(["events", "--format", "json", "--db", region], environment: cli.environment).stdout == before)
        // The log itself, under the same configuration, merges.
        let merged = try CLI.exec(
            ["import", "events", "-", "--db", region, "--config", config], environment: cli.environment, stdin: log.joined(separator: "\n") + "\n")
        #expect(merged.status == 0, "\(merged)")
    }

    // MARK: - 5: re-enrolment replayed

    /// The Dmitrov ledger with a receipt voided, an enrolment ended and the group enrolled again, a member who left and
    /// joined again, and a dependant removed and added again.
    static func reenrolled() throws -> CLI {
        let cli = try BadInputTests.dmitrov()
        let steps: [[String]] = [
            [
                "delivery", "receive", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--period", "1919-09", "--on", "1919-09-06",
                "--quantity", "1700 funt wheat",
            ],
            [
                "delivery", "receive", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--period", "1919-10", "--on", "1919-10-06",
                "--quantity", "1700 funt wheat",
            ],
            ["receipt", "void", "2", "--reason", "Counted twice", "--on", "1919-10-07"],
            ["enrol", "end", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--on", "1919-11-30"],
            ["enrol", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--from", "1920-01-01", "--count", "employee=100"],
            ["delivery", "schedule", "--decree", "decree-1918", "--from", "1920-01", "--to", "1920-03", "--on", "1920-01-01"],
            [
                "delivery", "receive", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--period", "1920-01", "--on", "1920-01-06",
                "--quantity", "800 funt wheat",
            ],
            ["enrol", "--decree", "decree-1918", "--recipient", "kropotkin", "--from", "1919-09-01", "--count", "employee=1"],
            ["enrol", "end", "--decree", "decree-1918", "--recipient", "kropotkin", "--on", "1919-12-31"],
            ["enrol", "--decree", "decree-1918", "--recipient", "kropotkin", "--from", "1920-02-01", "--count", "employee=1"],
            ["group", "join", "dmitrov-post", "--member", "kropotkin", "--from", "1919-09-01"],
            ["group", "leave", "dmitrov-post", "--member", "kropotkin", "--on", "1919-12-31"],
            ["group", "join", "dmitrov-post", "--member", "kropotkin", "--from", "1920-02-01"],
            ["petitioner", "dependant", "add", "kropotkin", "--name", "Sofia", "--category", "incapacitated", "--on", "1919-09-01"],
            ["petitioner", "dependant", "remove", "kropotkin", "--name", "Sofia", "--on", "1919-12-31"],
            ["petitioner", "dependant", "add", "kropotkin", "--name", "Sofia", "--category", "incapacitated", "--on", "1920-02-01"],
        ]
        for s in steps {
            let r = try cli.run(s)
            #expect(r.status == 0, "\(s): \(r)")
        }
        return cli
    }

    /// What a user sees of the records, as JSON: two ledgers showing the same hold the same.
    static func shown(_ cli: CLI, db: String) throws -> String {
        let views: [[String]] = [
            ["group", "list"], ["petitioner", "list"], ["authority", "list"], ["petition", "list"], ["letter", "list"], ["decree", "list"],
            ["delivery", "list"], ["group", "show", "dmitrov-post"], ["petitioner", "show", "kropotkin"], ["decree", "show", "decree-1918"],
            ["delivery", "show", "1"], ["delivery", "show", "2"],
        ]
        return try views.map { v in
            let r = try CLI.exec(v + ["--format", "json", "--db", db], environment: cli.environment)
            #expect(r.status == 0, "\(v): \(r)")
            return r.stdout
        }.joined(separator: "\n")
    }

    /// An enrolment ended and taken up again, a receipt voided between, a member and a dependant gone and back: merged
    /// into an empty ledger, it shows what the ledger it came from shows.
    @Test func aReEnrolmentBetweenAVoidAndAnEndMergesIntoAnEmptyLedgerAsItWas() throws {
        let cli = try Self.reenrolled()
        defer { cli.remove() }
        let log = try Self.exportedLog(cli)
        let region = try EleventhTrialTests.region(cli)
        let merged = try CLI.exec(["import", "events", "-", "--db", region], environment: cli.environment, stdin: log.joined(separator: "\n") + "\n")
        #expect(merged.status == 0 && !merged.stderr.contains("without effect"), "\(merged)")
        let source = try Self.shown(cli, db: cli.db)
        let copy = try Self.shown(cli, db: region)
        #expect(source == copy)
        if source != copy {
            // The first line that differs, to say what.
            let a = source.split(separator: "\n", omittingEmptySubsequences: false)
            let b = copy.split(separator: "\n", omittingEmptySubsequences: false)
            let i = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
            Issue.record(
                "first difference on line \(i): \(a.count > i ? String(a[i].prefix(400)) : "") vs \(b.count > i ? String(b[i].prefix(400)) : "")")
        }
    }
}
