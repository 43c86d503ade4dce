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
        guard let command = HelpDump.command(for: args, root: root)?.command else { return nil }
        for name in twice {
            if let option = HelpDump.option(name, in: command), option["kind"] as? String == "option", option["isRepeating"] as? Bool != true {
                return "--" + name
            }
        }
        return nil
    }
}
