import Foundation
import PetitionsTestSupport
import Testing

extension EighthTrialTests {
    // MARK: - CSV letters

    @Test("a CSV letter that expects no reply but gives a reply window is refused, as letter send refuses it")
    func aCSVLetterExpectingNoReplyWithAWindowIsRefused() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let file = cli.directory.appendingPathComponent("letters.csv")
        try "direction,from,to,on,subject,expects_reply,reply_within\nsent,dmitrov-post,moscow-supply,1920-03-01,b,no,3 days\n".write(
            to: file, atomically: true, encoding: .utf8)
        let before = try BadInputTests.snapshot(cli)
        let r = try cli.run(["import", "letters", file.path])
        #expect(r.status == 65, "\(r)")
        #expect(r.stderr.contains("line 2, column reply_within") && r.stderr.contains("expects no reply"), "\(r.stderr)")
        #expect(try BadInputTests.snapshot(cli) == before)
    }
}

extension EighthTrialTests {
    // MARK: - Extending a voided letter

    @Test("extending a voided received letter says it is void, not that it expects no reply")
    func extendingAVoidedReceivedLetterSaysItIsVoid() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let received = try cli.run([
            "letter", "receive", "--from", "moscow-supply", "--to", "dmitrov-post", "--on", "1920-01-25", "--subject", "Reply",
        ])
        #expect(received.status == 0, "\(received)")
        #expect(try cli.run(["letter", "void", "2", "--reason", "Entered twice"]).status == 0)
        let before = try BadInputTests.snapshot(cli)
        let r = try cli.run(["letter", "extend", "2", "--by", "5 days", "--reason", "x"])
        #expect(r.status == 65 && r.stderr == "error: letter '2' is void.\n", "\(r)")
        #expect(try BadInputTests.snapshot(cli) == before)
    }
}
