import Foundation
import PetitionsTestSupport
import Testing

extension EighthTrialTests {
    // MARK: - A template that is not text

    @Test("a template that is not UTF-8 text is refused as a draft that is not is, and nothing is drafted")
    func aTemplateThatIsNotTextIsRefused() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        let file = cli.directory.appendingPathComponent("rand.bin")
        var random = SystemRandomNumberGenerator()
        let contents: [[UInt8]] = [
            (0..<1000).map { _ in UInt8.random(in: 0...255, using: &random) } + [0],
            Array("Dear {{addressee.name}}\u{0}".utf8), [0xFF, 0xFE] + Array("Dear {{addressee.name}}".utf8),
        ]
        for bytes in contents {
            try Data(bytes).write(to: file)
            let r = try cli.run(["draft", "reminder", "--letter", "1", "--as-of", "1920-03-04", "--template", file.path])
            #expect(r.status == 65, "\(r)")
            #expect(r.stderr.hasPrefix("error: --template: \(file.path) is not a text file"), "\(r.stderr)")
            #expect(r.stdout.isEmpty, "nothing drafted")
        }
    }
}
