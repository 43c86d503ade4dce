import Foundation
import PetitionsTestSupport
import Testing

/// What a correction says on stderr when it records nothing.
@Suite struct CorrectionWarningTests {
    @Test func aCorrectionThatChangesNothingDoesNotSayItWasRecorded() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let shown = try cli.run(["petition", "show", "1", "--format", "json"])
        let subject = try #require(((try CLI.json(shown) as? [String: Any])?["petition"] as? [String: Any])?["subject"] as? String)
        let before = try BadInputTests.snapshot(cli)
        // The subject it already has, dated before the petition was logged: nothing is recorded, and stderr does not
        // say "it is recorded all the same".
        let same = try cli.run(["petition", "edit", "1", "--subject", subject, "--on", "1920-01-02"])
        #expect(same.status == 0 && same.stdout.hasPrefix("Nothing to correct"), "\(same)")
        #expect(same.stderr.isEmpty, "\(same)")
        #expect(try BadInputTests.snapshot(cli) == before)
        // A change so dated is recorded, with the warning.
        let changed = try cli.run(["petition", "edit", "1", "--subject", "January and February provisions", "--on", "1920-01-02"])
        #expect(changed.status == 0 && changed.stderr.contains("it is recorded all the same"), "\(changed)")
    }

    /// A reply recorded on another petition than the letter it answers was said nothing of (only another sender was).
    @Test func aReplyOnAnotherPetitionThanTheLetterItAnswersIsWarnedOf() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let second = try cli.run([
            "petition", "log", "--from", "dmitrov-post", "--to", "moscow-supply", "--subject", "February", "--on", "1920-01-25",
        ])
        #expect(second.status == 0, "\(second)")
        let reply = ["letter", "receive", "--from", "moscow-supply", "--to", "dmitrov-post", "--on", "1920-02-01", "--subject", "Answer"]
        let other = try cli.run(reply + ["--in-reply-to", "1", "--petition", "2"])
        #expect(other.status == 0, "\(other)")
        #expect(other.stderr == "warning: letter 1 is on petition 1, but this reply is on petition 2; recorded all the same.\n", "\(other)")
        let same = try cli.run(reply + ["--in-reply-to", "1", "--petition", "1"])
        #expect(same.status == 0 && same.stderr.isEmpty, "\(same)")
    }

    /// A reply put on a petition while the letter it answers is on none was said nothing of (a letter on another
    /// petition was): warned of, naming both, and recorded; without --petition it says nothing, as before.
    @Test func aReplyOnAPetitionToALetterOnNoPetitionIsWarnedOf() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let loose = try cli.run(["letter", "send", "--from", "dmitrov-post", "--to", "moscow-supply", "--on", "1920-01-22", "--subject", "Loose"])
        #expect(loose.status == 0, "\(loose)")
        let reply = ["letter", "receive", "--from", "moscow-supply", "--to", "dmitrov-post", "--on", "1920-02-01", "--subject", "Answer"]
        let onOne = try cli.run(reply + ["--in-reply-to", "2", "--petition", "1"])
        #expect(onOne.status == 0, "\(onOne)")
        #expect(onOne.stderr == "warning: letter 2 is on no petition, but this reply is on petition 1; recorded all the same.\n", "\(onOne)")
        let onPetition = try #require(try CLI.json(try cli.run(["letter", "list", "--petition", "1", "--format", "json"])) as? [[String: Any]])
        #expect(onPetition.compactMap { $0["id"] as? Int } == [1, 3], "\(onPetition)")
        let onNone = try cli.run(reply + ["--in-reply-to", "2"])
        #expect(onNone.status == 0 && onNone.stderr.isEmpty, "\(onNone)")
    }
}
