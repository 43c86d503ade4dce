import Foundation
import PetitionsTestSupport
import Testing

/// What the thirteenth trial (a careless user of the corrections and recordings) found at the command line.
@Suite struct Trial13CLITests {
    @Test("a letter sent or received dated after today is recorded with a warning that says so, never silently")
    func letterAfterToday() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let sent = try cli.run(["letter", "send", "--from", "dmitrov-post", "--to", "moscow-supply", "--on", "2999-01-20", "--subject", "Appeal"])
        #expect(sent.status == 0, "\(sent)")
        #expect(sent.stderr.contains("warning: the letter is dated 2999-01-20, after today ("), "\(sent.stderr)")
        #expect(sent.stderr.contains("); it is recorded all the same."), "\(sent.stderr)")
        let received = try cli.run([
            "letter", "receive", "--from", "moscow-supply", "--to", "dmitrov-post", "--on", "2999-02-01", "--subject", "Reply", "--in-reply-to", "1",
        ])
        #expect(received.status == 0 && received.stderr.contains("warning: the letter is dated 2999-02-01, after today ("), "\(received)")
        // A letter dated today or before says nothing of the kind.
        let past = try cli.run(["letter", "send", "--from", "dmitrov-post", "--to", "moscow-supply", "--on", "1920-01-20", "--subject", "Appeal"])
        #expect(past.status == 0 && !past.stderr.contains("after today"), "\(past)")
    }

    @Test("a token made for a disabled user is printed with a warning that it is refused until the user is enabled")
    func tokenForDisabledUser() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        #expect(try cli.run(["user", "add", "vera", "--role", "clerk"]).status == 0)
        let live = try cli.run(["user", "token", "vera"])
        #expect(live.status == 0 && live.stderr.isEmpty, "\(live)")
        #expect(try cli.run(["user", "disable", "vera"]).status == 0)
        let off = try cli.run(["user", "token", "vera", "--label", "script"])
        #expect(off.status == 0 && off.stdout.contains("Token 2 for vera (shown once; keep it safe):"), "\(off)")
        #expect(
            off.stderr == "warning: vera is disabled: this token is refused, as the user's others are, until petitions user enable vera.\n",
            "\(off.stderr)")
    }

    @Test("a petition logged dated after today is recorded with a warning that says so")
    func petitionAfterToday() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let later = try cli.run(["petition", "log", "--from", "dmitrov-post", "--to", "moscow-supply", "--subject", "Salt", "--on", "2999-03-04"])
        #expect(later.status == 0 && later.stdout.contains("Logged petition"), "\(later)")
        #expect(later.stderr.hasPrefix("warning: the petition is dated 2999-03-04, after today ("), "\(later.stderr)")
        #expect(later.stderr.hasSuffix("); it is recorded all the same.\n"), "\(later.stderr)")
        let past = try cli.run(["petition", "log", "--from", "dmitrov-post", "--to", "moscow-supply", "--subject", "Salt", "--on", "1920-03-04"])
        #expect(past.status == 0 && past.stderr.isEmpty, "\(past)")
    }
}
