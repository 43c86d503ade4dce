import Foundation
import PetitionsTestSupport
import Testing

/// `--format` is declared once per family of formats (`Formats<Family>`): every command that takes it still offers
/// the words it offered when each command spelled the option out, in its help, its completion and its refusal.
@Suite struct FormatOptionTests {
    /// The words each command's `--format` takes; every other command that takes it takes text and json.
    static let words: [String: [String]] = [
        "check": ["text", "json", "csv"], "overdue": ["text", "json", "csv"], "unanswered": ["text", "json", "csv"],
        "report": ["text", "markdown", "json", "csv", "html"], "export": ["csv", "json", "jsonl"],
    ]

    /// Every command that takes `--format`, as the binary describes itself, with the words its completion lists.
    static func commandsWithFormat() throws -> [(path: [String], completion: [String])] {
        let r = try CLI.exec(["--experimental-dump-help"], environment: try CLI().environment)
        let tool = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        var found: [(path: [String], completion: [String])] = []
        func walk(_ command: [String: Any], _ path: [String]) {
            for argument in command["arguments"] as? [[String: Any]] ?? [] {
                let names = argument["names"] as? [[String: Any]] ?? []
                guard names.contains(where: { $0["name"] as? String == "format" }) else { continue }
                let list = (argument["completionKind"] as? [String: Any])?["list"] as? [String: Any]
                found.append((path, list?["values"] as? [String] ?? []))
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                if let name = sub["commandName"] as? String { walk(sub, path + [name]) }
            }
        }
        walk(try #require(tool["command"] as? [String: Any]), [])
        return found
    }

    @Test func everyCommandKeepsItsFormatWordsInHelpCompletionAndRefusal() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let commands = try Self.commandsWithFormat()
        #expect(commands.count >= 60, "\(commands.map(\.path))")
        for (path, completion) in commands {
            let words = Self.words[path.joined(separator: " ")] ?? ["text", "json"]
            #expect(completion == words, "\(path)")
            let help = try cli.run(path + ["--help"], withDB: false)
            let flat = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if path != ["export"] {
                let listed = words.dropLast().joined(separator: ", ") + " or " + words[words.count - 1]
                #expect(flat.contains("--format <format> Output format: \(listed) (default: text)."), "\(path): \(help.stdout)")
            } else {
                #expect(flat.contains("--format <format> csv or json for records (default csv); jsonl for events (the default for them)."))
            }
            let refused = try cli.run(path + ["--format", "xml"])
            #expect(refused.status == 64, "\(path): \(refused)")
            #expect(refused.stderr == "error: --format 'xml' is not one of \(words.joined(separator: ", ")).\n", "\(path)")
        }
    }
}
