import Foundation
import PetitionsTestSupport
import Testing

/// A bad word given to an option that the app's own parsers read (a kind, a status, a severity, a channel; a day,
/// period, span, id or number a read command asks about) is a usage error: exit 64, one sentence naming the option,
/// the word and what it takes, no usage, nothing changed. The same parsers reading a file, or the days a recording
/// command records, still say exit 65.
@Suite struct OptionWordTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let args: [String]
        let stderr: String
        var testDescription: String { args.joined(separator: " ") }
    }

    static let letter = ["--from", "dmitrov-post", "--to", "moscow-supply", "--on", "1920-03-04", "--subject", "x"]

    static let cases: [Case] = [
        // Kinds and statuses a listing filters by.
        Case(
            args: ["search", "wheat", "--kind", "decree"],
            stderr: "--kind 'decree' is not a kind of record; use one of party, petition, letter, note, attachment."),
        Case(args: ["party", "list", "--kind", "spy"], stderr: "--kind 'spy' is not a kind of party; use petitioner, group, authority or office."),
        Case(
            args: ["petition", "list", "--status", "lost"],
            stderr: "--status 'lost' is not a petition status; use one of open, waiting_on_petitioner, answered, resolved, rejected, withdrawn."),
        Case(
            args: ["delivery", "list", "--status", "lost"],
            stderr: "--status 'lost' is not a delivery status; use one of pending, partial, complete, cancelled."),
        Case(args: ["check", "--min-severity", "meh"], stderr: "--min-severity 'meh' is not a severity; use warning, overdue or critical."),
        Case(args: ["check", "--fail-on", "meh"], stderr: "--fail-on 'meh' is not a severity; use warning, overdue or critical."),
        // Days, periods, spans, ids and numbers a read command asks about.
        Case(args: ["overdue", "--as-of", "1920-02-30"], stderr: "--as-of '1920-02-30' does not exist: February 1920 has 29 days."),
        Case(args: ["unanswered", "--as-of", "yesterday"], stderr: "--as-of 'yesterday' is not a day; write it as YYYY-MM-DD, e.g. 1920-03-04."),
        Case(args: ["report", "--as-of", "1920-13-01"], stderr: "--as-of '1920-13-01' has no month 13."),
        Case(
            args: ["draft", "digest", "--authority", "moscow-supply", "--as-of", "0999-01-01"],
            stderr: "--as-of '0999-01-01' is out of range; years run from 1000 to 9999."),
        Case(args: ["report", "--since", "19200101"], stderr: "--since '19200101' is not a day; write it as YYYY-MM-DD, e.g. 1920-03-04."),
        Case(args: ["events", "--since", "1920-13-01"], stderr: "--since '1920-13-01' has no month 13."),
        Case(args: ["events", "--petition", "abc"], stderr: "--petition 'abc' is not an id; ids are whole numbers from 1."),
        Case(
            args: ["delivery", "list", "--period", "1920-13"], stderr: "--period '1920-13' is not a period; write a month as YYYY-MM, e.g. 1920-01."),
        Case(args: ["letter", "list", "--petition", "-1"], stderr: "--petition '-1' is not an id; ids are whole numbers from 1."),
        Case(args: ["attachment", "list", "--letter", "x"], stderr: "--letter 'x' is not an id; ids are whole numbers from 1."),
        Case(args: ["draft", "reminder", "--letter", "x"], stderr: "--letter 'x' is not an id; ids are whole numbers from 1."),
        Case(args: ["draft", "escalation", "--petition", "0"], stderr: "--petition '0' is not an id; ids are whole numbers from 1."),
        Case(args: ["search", "wheat", "--limit", "0"], stderr: "--limit '0' is not a number of results from 1 to 10000."),
        Case(
            args: ["deadline", "--from", "1920-01-01", "--within", "fortnight"],
            stderr: "--within 'fortnight' is not a span; write e.g. '20 working days', '7 days', '2 weeks' or '1 month'."),
        Case(args: ["deadline", "--from", "x", "--within", "1 day"], stderr: "--from 'x' is not a day; write it as YYYY-MM-DD, e.g. 1920-03-04."),
        // Recording commands: the words of their options, and check --record's day.
        Case(
            args: ["petition", "status", "1", "--to", "lost", "--on", "1920-03-04"],
            stderr: "--to 'lost' is not a petition status; use one of open, waiting_on_petitioner, answered, resolved, rejected, withdrawn."),
        Case(
            args: ["letter", "send"] + letter + ["--channel", "pigeon"],
            stderr: "--channel 'pigeon' is not a channel; use one of post, telegraph, courier, in-person."),
        Case(
            args: ["letter", "receive"] + letter + ["--channel", "pigeon"],
            stderr: "--channel 'pigeon' is not a channel; use one of post, telegraph, courier, in-person."),
        Case(
            args: ["decree", "add", "--handle", "d2", "--name", "D", "--issued", "1920-01-01", "--supplier", "moscow-supply", "--every", "week"],
            stderr: "--every 'week' is not a known frequency; use 'month'."),
        Case(args: ["check", "--record", "--as-of", "1920-02-30"], stderr: "--as-of '1920-02-30' does not exist: February 1920 has 29 days."),
    ]

    @Test(arguments: cases)
    func aBadWordOfAnOptionIsAUsageErrorInOneSentenceAndChangesNothing(_ c: Case) throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let before = try BadInputTests.snapshot(cli)
        let r = try cli.run(c.args)
        #expect(r.status == 64, "\(r)")
        #expect(r.stderr == "error: \(c.stderr)\n", "\(r)")
        #expect(r.stdout.isEmpty, "\(r)")
        #expect(try BadInputTests.snapshot(cli) == before, "the ledger changed")
    }

    /// `events --kind` lists the families of event kinds, which grow with the log: the sentence is checked by its parts.
    @Test func aKindOfEventThatIsNoneIsAUsageError() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let r = try cli.run(["events", "--kind", "lettr"])
        #expect(r.status == 64, "\(r)")
        #expect(r.stderr.hasPrefix("error: --kind 'lettr' is not a kind of event; give a kind such as letter.sent, or one of "), "\(r)")
        #expect(r.stderr.contains("letter, ") && r.stderr.hasSuffix(".\n") && r.stderr.split(separator: "\n").count == 1, "\(r)")
        #expect(try cli.run(["events", "--kind", "letter"]).status == 0)
    }

    /// The refusal comes while the line is parsed: without a ledger at the path, the option's word is what is named,
    /// and no ledger is made.
    @Test func theWordIsRefusedBeforeTheLedgerIsOpened() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let r = try cli.run(["petition", "list", "--status", "lost"])
        #expect(r.status == 64 && r.stderr.hasPrefix("error: --status 'lost'"), "\(r)")
        #expect(!FileManager.default.fileExists(atPath: cli.db))
    }

    /// What is recorded, and what a file holds, is data: the same parsers say exit 65 there.
    @Test func daysToRecordAndWordsInAFileStayDataErrors() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let before = try BadInputTests.snapshot(cli)
        let sent = try cli.run(["letter", "send", "--from", "dmitrov-post", "--to", "moscow-supply", "--on", "1920-02-30", "--subject", "x"])
        #expect(sent.status == 65, "\(sent)")
        #expect(sent.stderr == "error: --on '1920-02-30' does not exist: February 1920 has 29 days.\n", "\(sent)")
        let csv = cli.directory.appendingPathComponent("letters.csv")
        try Data(
            """
            direction,from,to,on,subject,petition,in_reply_to,channel,summary,expects_reply,reply_within
            sent,dmitrov-post,moscow-supply,1920-03-04,Appeal,,,pigeon,,yes,
            sent,dmitrov-post,moscow-supply,1920-02-30,Appeal,,,post,,yes,

            """.utf8
        ).write(to: csv)
        let imported = try cli.run(["import", "letters", csv.path])
        #expect(imported.status == 65, "\(imported)")
        #expect(imported.stderr.contains("line 2, column channel: 'pigeon' is not a channel"), "\(imported)")
        #expect(imported.stderr.contains("line 3, column on: '1920-02-30' does not exist"), "\(imported)")
        #expect(try BadInputTests.snapshot(cli) == before, "the ledger changed")
    }
}
