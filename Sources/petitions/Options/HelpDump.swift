import ArgumentParser
import Foundation

/// The parser's own description of the commands (`--experimental-dump-help`), read where a sentence of ours needs to
/// know what a command takes: which options repeat, what a required option is for. Only read on the way to an error.
enum HelpDump {
    /// The description of the subcommand named on the line: its words, in order, before any option; where the words
    /// stop at a command with a default subcommand (`enrol --decree …` is `enrol add --decree …`), that one. With the
    /// words of its name (`["letter", "send"]`), or nil when the description cannot be read.
    static func command(for args: [String], root: ParsableCommand.Type) -> (command: [String: Any], path: [String])? {
        guard let tool = try? JSONSerialization.jsonObject(with: Data(root._dumpHelp().utf8)) as? [String: Any],
            var command = tool["command"] as? [String: Any]
        else { return nil }
        var path: [String] = []
        for word in args.prefix(while: { !$0.hasPrefix("-") }) {
            let subs = command["subcommands"] as? [[String: Any]] ?? []
            guard let sub = subs.first(where: { $0["commandName"] as? String == word }) else { break }
            command = sub
            path.append(word)
        }
        while let name = command["defaultSubcommand"] as? String,
            let sub = (command["subcommands"] as? [[String: Any]] ?? []).first(where: { $0["commandName"] as? String == name })
        {
            command = sub
            path.append(name)
        }
        return (command, path)
    }

    /// The arguments (options, flags, positionals) of a command's description.
    static func arguments(of command: [String: Any]) -> [[String: Any]] {
        command["arguments"] as? [[String: Any]] ?? []
    }

    /// The argument of `command` with the long name `name` (without its dashes).
    static func option(_ name: String, in command: [String: Any]) -> [String: Any]? {
        arguments(of: command).first { argument in
            (argument["names"] as? [[String: Any]] ?? []).contains { $0["kind"] as? String == "long" && $0["name"] as? String == name }
        }
    }
}
