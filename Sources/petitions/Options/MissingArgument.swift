import ArgumentParser
import Foundation
import PetitionsApp

/// A required option or argument left out (`letter send` with no `--to`, `petitioner show` with no party), or an
/// option given last with no value (`letter send … --to`). The parser said "Error: Missing expected argument '--to
/// <to>'", then a line of help and the whole usage; the house says one sentence naming the option, and exits 64.
enum MissingArgument {
    /// The sentence for the parser's `error`, or nil when the error is not about a missing option or value.
    static func sentence(for error: Error, args: [String], root: ParsableCommand.Type) -> String? {
        let message = root.message(for: error)
        let shape: (prefix: String, missing: Bool)
        if message.hasPrefix("Missing expected argument '") {
            shape = ("Missing expected argument '", true)
        } else if message.hasPrefix("Missing value for '") {
            shape = ("Missing value for '", false)
        } else {
            return nil
        }
        guard message.hasSuffix("'") else { return nil }
        let synopsis = String(message.dropFirst(shape.prefix.count).dropLast())
        let described = HelpDump.command(for: args, root: root)
        let name = ([root._commandName] + (described?.path ?? [])).joined(separator: " ")
        // `--to <to>` is named `--to`; a positional `<party>` by itself.
        let word = synopsis.split(separator: " ").first.map(String.init) ?? synopsis
        guard !word.isEmpty else { return nil }
        let command = name.split(separator: " ").dropFirst().joined(separator: " ")
        let subject = command.isEmpty ? "" : "\(command): "
        guard shape.missing else {
            return "\(subject)\(word) is given no value; give it one, e.g. `\(word) VALUE` (`\(name) --help` says what it takes)."
        }
        return "\(subject)\(word) is required\(purpose(of: word, in: described?.command)); `\(name) --help` lists the options."
    }

    /// ` (the authority written to)`: the help's abstract of the option or argument `word`, in parentheses, or nothing.
    static func purpose(of word: String, in command: [String: Any]?) -> String {
        guard let command else { return "" }
        let argument: [String: Any]?
        if word.hasPrefix("--") {
            argument = HelpDump.option(String(word.dropFirst(2)), in: command)
        } else {
            let valueName = word.trimmingCharacters(in: CharacterSet(charactersIn: "<>."))
            argument = HelpDump.arguments(of: command).first { $0["kind"] as? String == "positional" && $0["valueName"] as? String == valueName }
        }
        guard var abstract = (argument?["abstract"] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines), !abstract.isEmpty else {
            return ""
        }
        if abstract.hasSuffix(".") { abstract.removeLast() }
        // "Who wrote: …" reads "(who wrote: …)"; an abbreviation ("CSV file …") keeps its capitals.
        if let first = abstract.first, first.isUppercase, abstract.dropFirst().first?.isLowercase == true {
            abstract = first.lowercased() + abstract.dropFirst()
        }
        return " (\(abstract))"
    }
}
