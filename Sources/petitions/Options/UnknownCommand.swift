import ArgumentParser
import Foundation
import PetitionsApp

/// A word that names no command where a command is due: `petitions lettr list`, `petitions letter sned`, `petitions
/// help nonexistent`. The parser said "Unexpected argument 'sned'" with the usage, or, after `help`, printed the tool's
/// whole help and exited 0, as if the word had been understood.
enum UnknownCommand {
    /// The sentence refusing the first such word of `args` (the words before any option), or nil when each names a
    /// command, or when the words reach a command that takes words of its own or has a default subcommand.
    static func sentence(in args: [String], root: ParsableCommand.Type) -> String? {
        var words = args.prefix { !$0.hasPrefix("-") }[...]
        if words.first == "help" { words = words.dropFirst() }
        var command = root
        var path = [root._commandName]
        while let word = words.first {
            let configuration = command.configuration
            guard !configuration.subcommands.isEmpty, word != "help" else { return nil }
            if let sub = configuration.subcommands.first(where: { $0._commandName == word }) {
                command = sub
                path.append(word)
                words = words.dropFirst()
                continue
            }
            // `enrol --decree …` is `enrol add`: a word there may be its own.
            guard configuration.defaultSubcommand == nil else { return nil }
            let name = path.joined(separator: " ")
            return "'\(ControlCharacters.visible(word))' is not a command of \(name); `\(name) --help` lists them."
        }
        return nil
    }
}
