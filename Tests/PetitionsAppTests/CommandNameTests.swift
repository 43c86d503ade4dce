import Foundation
import Testing

/// Every command names itself. Without `commandName`, swift-argument-parser derives the name from the type with
/// `String(describing:)`, whose dynamic casts scan every protocol conformance of the process once per command type:
/// 58 of the 84 million instructions of `petitions --version` (BENCHMARKS.md, issue 14), paid by every command.
@Suite("Command names") struct CommandNameTests {
    @Test("every CommandConfiguration of the command line gives commandName")
    func everyCommandNamesItself() throws {
        let files = try LayeringTests.swiftFiles(in: "petitions")
        let configuration = try Regex(#"CommandConfiguration\("#)
        let named = try Regex(#"CommandConfiguration\(\s*commandName:"#)
        var count = 0
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            let all = text.matches(of: configuration).count
            count += all
            #expect(text.matches(of: named).count == all, "\(file.lastPathComponent) has a command without commandName")
        }
        #expect(count > 80)
    }
}
