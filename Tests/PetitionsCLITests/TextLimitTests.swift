import Foundation
import PetitionsTestSupport
import Testing

/// Every recorded text has a length: a name, handle or subject is one line of at most 1,000 characters, a note, a
/// summary or a reason at most 20,000. A longer one is refused naming the field and its length, and nothing is recorded, from
/// whichever command it comes.
@Suite struct TextLimitTests {
    @Test func aTextLongerThanItsLimitIsRefusedNamingTheFieldAndNothingIsRecorded() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let before = try BadInputTests.snapshot(cli)
        let long = String(repeating: "Provisions ", count: 200)  // 2,200 characters
        for args in [
            ["petition", "log", "--from", "dmitrov-post", "--to", "moscow-supply", "--subject", long, "--on", "1920-03-01"],
            ["authority", "add", "--name", String(repeating: "Комиссариат ", count: 3_000)],
            ["petitioner", "add", "--name", "Ivan Petrov", "--district", long],
            ["letter", "send", "--from", "dmitrov-post", "--to", "moscow-supply", "--on", "1920-03-01", "--subject", long],
        ] {
            let r = try cli.run(args)
            #expect(r.status == 65, "\(args.prefix(2)): \(r)")
            #expect(r.stderr.contains("characters long;") && r.stderr.contains("one line of at most 1,000 characters"), "\(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1, "one sentence: \(r.stderr)")
        }
        #expect(try BadInputTests.snapshot(cli) == before)
        // A long note is a text, not a line: 2,200 characters are kept whole.
        let note = try cli.run(["petition", "note", "1", "--text", long, "--on", "1920-03-02"])
        #expect(note.status == 0, "\(note)")
        #expect(try cli.run(["petition", "show", "1"]).stdout.contains(long.trimmingCharacters(in: .whitespaces)))
        // A note has its own limit, the API's and the web form's too (they record through the same ledger).
        let notes = try BadInputTests.snapshot(cli)
        let tooLong = try cli.run(["petition", "note", "1", "--text", String(repeating: "x", count: 20_001), "--on", "1920-03-02"])
        #expect(tooLong.status == 65, "\(tooLong.status)")
        #expect(
            tooLong.stderr == "error: text is 20,001 characters long; a note, summary or reason may be at most 20,000 characters.\n",
            "\(tooLong.stderr)")
        #expect(try BadInputTests.snapshot(cli) == notes)
        // A line of exactly 1,000 characters is still a line.
        let thousand = String(repeating: "x", count: 1_000)
        #expect(try cli.run(["petitioner", "add", "--name", thousand, "--handle", "x-1000"]).status == 0)
    }

    @Test(
        "a name or subject with a line break is refused naming it (it printed half of itself on the next line); a note or a district keeps its lines")
    func aLineWithALineBreakIsRefused() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let before = try BadInputTests.snapshot(cli)
        for (args, field) in [
            (["petitioner", "add", "--name", "Two\nLines"], "name 'Two\\u000ALines'"),
            (
                ["petition", "log", "--from", "dmitrov-post", "--to", "moscow-supply", "--subject", "Wheat\u{2028}and salt", "--on", "1920-03-01"],
                "subject"
            ),
            (["petitioner", "add", "--name", "Ivan", "--occupation", "Post\nman"], "occupation"),
        ] {
            let r = try cli.run(args)
            #expect(r.status == 65 && r.stderr.hasPrefix("error: \(field)") && r.stderr.contains("holds a line break"), "\(args): \(r)")
        }
        let csv = cli.directory.appendingPathComponent("people.csv")
        try "name,handle\n\"Anna\r\nIvanova\",anna\n".write(to: csv, atomically: true, encoding: .utf8)
        let imported = try cli.run(["import", "petitioners", csv.path])
        #expect(imported.status == 65 && imported.stderr.contains("line 2: name 'Anna\\u000AIvanova' holds a line break"), "\(imported)")
        #expect(try BadInputTests.snapshot(cli) == before)
        #expect(try cli.run(["petition", "note", "1", "--text", "First line\nsecond line", "--on", "1920-03-02"]).status == 0)
    }
}
