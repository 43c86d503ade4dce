import Foundation
import PetitionsTestSupport
import Testing

extension EighthTrialTests {
    // MARK: - Names with invisible characters

    @Test(
        "a name with an invisible character, or that begins with a combining mark, is refused naming it",
        arguments: [
            ("A\u{200D}B", "U+200D"), ("A\u{200B}B", "U+200B"), ("A\u{00AD}B", "U+00AD"), ("A\u{FEFF}B", "U+FEFF"), ("A\u{2060}B", "U+2060"),
            ("A\u{200C}B", "U+200C"), ("\u{0301}", "combining mark"),
        ])
    func aNameWithAnInvisibleCharacterIsRefused(_ name: String, _ said: String) throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let before = try BadInputTests.snapshot(cli)
        let r = try cli.run(["petitioner", "add", "--name", name])
        #expect(r.status == 65, "\(r)")
        #expect(r.stderr.hasPrefix("error: --name ") && r.stderr.contains(said), "\(r.stderr)")
        #expect(try BadInputTests.snapshot(cli) == before, "nothing was recorded")
        // A name with its accents is a name, and so is one with the mark a right-to-left name needs.
        #expect(try cli.run(["petitioner", "add", "--name", "Пётр Алексе\u{0301}евич"]).status == 0)
        #expect(try cli.run(["petitioner", "add", "--name", "\u{5E9}\u{5E8}\u{5D4} \u{200F}(Sara)"]).status == 0)
    }
}
