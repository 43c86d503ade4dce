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
}
