import ArgumentParser
import Foundation
import PetitionsApp

/// The parser's refusals of a command line, in one sentence each, exit 64. A required option or argument left out
/// (`letter send` with no `--to`, `petitioner show` with no party), an option given last with no value (`letter send …
/// --to`), an unknown option or a word too many: the parser said "Error: Missing expected argument '--to <to>'" (or
/// "Unknown option '--in-reply-to'"), then a line of help and the whole usage; the house says one sentence naming the
/// option, and where the options are listed.
enum ParserRefusal {
    /// The sentence for the parser's `error`, or nil when the error is not one of these.
    static func sentence(for error: Error, args: [String], root: ParsableCommand.Type) -> String? {
        let message = root.message(for: error)
        if let other = unknownWord(message, args: args, root: root) { return other }
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

    /// "letter send: unknown option '--in-reply-to'; …" for the parser's "Unknown option '--in-reply-to'" (with its
    /// "Did you mean" when it has one), "Unexpected argument 'x'" and "2 unexpected arguments: 'x', 'y'"; else nil.
    static func unknownWord(_ message: String, args: [String], root: ParsableCommand.Type) -> String? {
        let known = ["Unknown option '", "Unexpected argument '"]
        guard known.contains(where: message.hasPrefix) || message.range(of: #"^\d+ unexpected arguments: '"#, options: .regularExpression) != nil
        else { return nil }
        let name = ([root._commandName] + (HelpDump.command(for: args, root: root)?.path ?? [])).joined(separator: " ")
        let command = name.split(separator: " ").dropFirst().joined(separator: " ")
        var said = ControlCharacters.visible(message.prefix(1).lowercased() + message.dropFirst())
        if said.hasSuffix("?") || said.hasSuffix(".") { said.removeLast() }
        if said.contains(". Did you mean") { said = said.replacingOccurrences(of: ". Did you mean", with: " (did you mean") + ")" }
        return "\(command.isEmpty ? "" : "\(command): ")\(said); `\(name) --help` lists the options."
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
