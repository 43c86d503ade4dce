import Foundation
import GRDB
import PetitionsTestSupport
import Testing

/// What the seventh session's trial of the product found on the command line, each as a user meets it.
@Suite struct SeventhTrialTests {
    /// Runs `petitions ARGS --db LEDGER > /dev/full` through the shell: standard output on a full disk.
    func toFullDisk(_ cli: CLI, _ args: [String]) throws -> CLI.Result {
        try CLI.exec(
            ["sh", "-c", "\"$0\" \"$@\" > /dev/full", CLI.binary] + args + ["--db", cli.db], environment: cli.environment,
            executable: "/bin/sh")
    }

    /// Listings printed line by line exited 0 with nothing written; JSON listings crashed (`'try!'`); exports and the
    /// report printed Foundation's "Error Domain=NSCocoaErrorDomain Code=640".
    @Test func aFullDiskOnStandardOutputIsOneSentenceAndExit74() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        for args in [
            ["petitioner", "list"], ["petitioner", "list", "--format", "json"], ["export", "petitioners"], ["export", "events"],
            ["report", "--as-of", "1920-03-04"], ["report", "--as-of", "1920-03-04", "--format", "json"], ["events"], ["search", "kropotkin"],
            ["search", "kropotkin", "--format", "json"],
        ] {
            let r = try toFullDisk(cli, args)
            #expect(r.status == 74, "\(args): \(r)")
            #expect(r.stderr == "error: could not write to standard output: the disk is full.\n", "\(args): \(r.stderr)")
        }
    }

    /// "resolved on 03-09" after "answered on 03-10" was recorded: `petition list` said resolved, the report as of
    /// 03-11 said answered. A change before a pause began was refused in SQLite's words ("CHECK constraint failed").
    @Test func aStatusChangeDatedBeforeTheLastOneIsRefusedNamingBoth() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        let answered = try cli.run(["petition", "status", "1", "--to", "answered", "--on", "1920-03-10"])
        #expect(answered.status == 0, "\(answered)")
        let before = try cli.run(["petition", "status", "1", "--to", "resolved", "--on", "1920-03-09"])
        #expect(before.status == 65, "\(before)")
        #expect(
            before.stderr
                == "error: --on '1920-03-09' is before petition 1 became answered on 1920-03-10; record status changes in the order they happened.\n",
            "\(before.stderr)")
        let paused = try cli.run(["petition", "status", "2", "--to", "waiting_on_petitioner", "--on", "1920-02-10"])
        #expect(paused.status == 0, "\(paused)")
        let reopened = try cli.run(["petition", "status", "2", "--to", "open", "--on", "1920-02-05"])
        #expect(
            reopened.status == 65 && reopened.stderr.contains("--on '1920-02-05' is before petition 2 became waiting_on_petitioner"), "\(reopened)")
        CLI.expectOwnWords(["petition", "status"], stderr: reopened.stderr)
        #expect(!reopened.stderr.contains("constraint"), "\(reopened.stderr)")
        // On the day itself, or later, it goes through.
        let same = try cli.run(["petition", "status", "1", "--to", "resolved", "--on", "1920-03-10"])
        #expect(same.status == 0, "\(same)")
    }

    /// `draft escalation --as-of 1920-03-04` was refused because the petition is resolved today, though it was still
    /// open on that day.
    @Test func anEscalationDraftReadsThePetitionsStatusOnItsDay() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        try #require(try cli.run(["petition", "status", "1", "--to", "resolved", "--on", "1920-03-09"]).status == 0)
        let then = try cli.run(["draft", "escalation", "--petition", "1", "--as-of", "1920-03-04"])
        #expect(then.status == 0, "\(then)")
        #expect(then.stdout.contains("January provisions"), "\(then.stdout)")
        let later = try cli.run(["draft", "escalation", "--petition", "1", "--as-of", "1920-03-10"])
        #expect(later.status == 65, "\(later)")
        #expect(
            later.stderr.hasPrefix("error: --petition '1' was resolved as of 1920-03-10; an escalation is for a petition still open"),
            "\(later.stderr)")
    }

    /// A name with U+202E was blamed on the event's summary; a letter's body from `--from-draft` let it in.
    @Test func aDirectionTurningCharacterIsRefusedNamingTheFieldItCameIn() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        let name = try cli.run(["petitioner", "add", "--name", "Evil\u{202E}Name"])
        #expect(name.status == 65, "\(name)")
        #expect(name.stderr.hasPrefix("error: name 'Evil\\u202EName' holds \\u202E, which turns the text's direction"), "\(name.stderr)")
        let draft = cli.directory.appendingPathComponent("draft.txt")
        try Data("Subject: Provisions\n\nhello \u{202E} world\n".utf8).write(to: draft)
        let before = try cli.run(["export", "events"]).stdout
        let letter = try cli.run([
            "letter", "send", "--from", "dmitrov-post", "--to", "moscow-supply", "--on", "1920-03-05", "--from-draft", draft.path,
        ])
        #expect(letter.status == 65, "\(letter)")
        #expect(letter.stderr.contains("holds \\u202E, which turns the text's direction"), "\(letter.stderr)")
        #expect(try cli.run(["export", "events"]).stdout == before, "nothing recorded")
    }

    /// A dependant named "Anna; Boris" was accepted, then `export petitioners` wrote a cell that `import petitioners`
    /// read as two dependants and refused.
    @Test func aDependantsNameMayNotHoldTheHouseholdSeparator() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        let add = try cli.run(["petitioner", "dependant", "add", "kropotkin", "--name", "Anna; Boris"])
        #expect(add.status == 65, "\(add)")
        #expect(
            add.stderr
                == "error: --name 'Anna; Boris' holds ';', which separates dependants in a household's cell of a CSV file; write the name without it.\n",
            "\(add.stderr)")
        let person = try cli.run(["petitioner", "add", "--name", "Sofia", "--dependant", "Anna; Boris:child"])
        #expect(person.status == 65 && person.stderr.contains("--dependant 'Anna; Boris' holds ';'"), "\(person)")
    }

    /// `verify` trapped ("could not decode Int64 … column: ref") on a search index whose entry was edited by hand.
    @Test func verifyNamesATamperedSearchEntryInsteadOfCrashing() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        let queue = try DatabaseQueue(path: cli.db)
        try queue.write { db in
            try db.execute(sql: "UPDATE search_content SET c1 = 'tampered' WHERE rowid = (SELECT min(rowid) FROM search_content)")
        }
        try queue.close()
        let r = try cli.run(["verify"])
        #expect(r.status == 1, "\(r)")
        #expect(r.stdout.contains("search index: it holds party tampered, which is not in the ledger"), "\(r.stdout)")
        #expect(r.stdout.contains("run petitions compact to rebuild it"), "\(r.stdout)")
        CLI.expectOwnWords(["verify"], stderr: r.stderr)
    }

    /// Greek text was folded for the index letter by letter, each step copying all before it: a note of 32,000
    /// Greek characters took 15 seconds to record, this one of 66,500 (as long as one argument may be) over a minute,
    /// one of a million would have run for days (a hang, which the CLI's guard of 60 seconds catches). Folded a
    /// table letter at a time, it is recorded and found. A note is now at most 20,000 characters: this one is as long
    /// as a note may be.
    @Test func aLongGreekNoteIsRecordedAndFoundWithoutAHang() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        let text = String(repeating: "Ἀθῆναι καὶ Σπάρτη ", count: 1_111)
        let note = try cli.run(["petition", "note", "1", "--text", text, "--on", "1920-03-04"])
        #expect(note.status == 0, "\(note.status) \(note.stderr)")
        let found = try cli.run(["search", "σπαρτη", "--kind", "note"])
        #expect(found.status == 0 && found.stdout.contains("note"), "\(found)")
    }

    /// "1 holidays", "1 of 1 rows".
    @Test func oneIsSingular() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        let calendar = cli.directory.appendingPathComponent("one.toml")
        try Data("weekend = [\"sunday\"]\n\n[[holiday]]\ndate = \"1920-05-01\"\nname = \"May Day\"\n".utf8).write(to: calendar)
        let set = try cli.run(["calendar", "set", calendar.path, "--on", "1920-01-01"])
        #expect(set.status == 0 && set.stdout.contains("1 holiday.") && !set.stdout.contains("holidays"), "\(set)")
        let csv = cli.directory.appendingPathComponent("one.csv")
        try Data("name,handle,groups\nNobody,nobody,no-such-group\n".utf8).write(to: csv)
        let imported = try cli.run(["import", "petitioners", csv.path])
        #expect(imported.status == 65 && imported.stderr.contains("1 of 1 row cannot be imported"), "\(imported)")
    }
}
