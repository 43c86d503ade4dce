import Foundation
import PetitionsDomain

/// Standard input given as a command's input (`-`, `--password-stdin`): a terminal there is refused at once, with the
/// way to give it, instead of waiting for typing without a word.
public enum StandardInput {
    /// Whether standard input is a terminal.
    public static var isTerminal: Bool { isatty(STDIN_FILENO) == 1 }

    /// Refuses `-` at a terminal (exit 64): `what` is what the pipe would bring ("rows", "events"), `command` the
    /// command's words after `petitions` (`import petitioners`).
    public static func refuseTerminal(what: String, command: String) throws {
        guard isTerminal else { return }
        throw PetitionsError(
            "standard input is a terminal; pipe the \(what) in (cat FILE | petitions \(command) -) or name the file instead of -. Nothing was imported.",
            code: .usage)
    }

    /// Refuses `--password-stdin` at a terminal (exit 64), where the password would be typed in view: `command` is the
    /// command's words after `petitions` (`user add`), `alternative` what else can be done, if anything.
    public static func refusePasswordAtTerminal(command: String, alternative: String?) throws {
        guard isTerminal else { return }
        throw PetitionsError(
            "--password-stdin: standard input is a terminal; pipe the password in (printf '%s\\n' PASSWORD | petitions \(command) … --password-stdin)"
                + (alternative.map { " or \($0)." } ?? "."),
            code: .usage)
    }
}
