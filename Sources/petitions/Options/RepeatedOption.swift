import ArgumentParser
import Foundation

/// swift-argument-parser keeps the last of a single-valued option given twice (`--on 1920-01-01 --on 1920-02-01`),
/// silently: the first value is lost, and a clerk who pasted a line twice never learns it. A usage error names the
/// option instead. Only a command line that names some option twice is looked at closely, through the parser's own
/// description of the commands (which options repeat), so the usual command line costs nothing.
enum RepeatedOption {
    /// The first long option given more than once that the command it belongs to does not take more than once.
    static func first(in args: [String], root: ParsableCommand.Type) -> String? {
        var seen: Set<String> = []
        var twice: [String] = []
        for a in args {
            if a == "--" { break }
            guard a.hasPrefix("--"), a.count > 2 else { continue }
            let name = String(a.dropFirst(2).split(separator: "=", maxSplits: 1).first ?? "")
            if !seen.insert(name).inserted, !twice.contains(name) { twice.append(name) }
        }
        guard !twice.isEmpty else { return nil }
        guard let tool = try? JSONSerialization.jsonObject(with: Data(root._dumpHelp().utf8)) as? [String: Any],
            var command = tool["command"] as? [String: Any]
        else { return nil }
        // The subcommand named on the line: its words, in order, before any option; where the words stop at a command
        // with a default subcommand (`enrol --decree …` is `enrol add --decree …`), that one.
        for word in args.prefix(while: { !$0.hasPrefix("-") }) {
            let subs = command["subcommands"] as? [[String: Any]] ?? []
            guard let sub = subs.first(where: { $0["commandName"] as? String == word }) else { break }
            command = sub
        }
        while let name = command["defaultSubcommand"] as? String,
            let sub = (command["subcommands"] as? [[String: Any]] ?? []).first(where: { $0["commandName"] as? String == name })
        {
            command = sub
        }
        let arguments = command["arguments"] as? [[String: Any]] ?? []
        for name in twice {
            let option = arguments.first { argument in
                (argument["names"] as? [[String: Any]] ?? []).contains { $0["kind"] as? String == "long" && $0["name"] as? String == name }
            }
            if let option, option["kind"] as? String == "option", option["isRepeating"] as? Bool != true { return "--" + name }
        }
        return nil
    }
}
