import ArgumentParser
import Foundation
import PetitionsApp

/// `petitions user …`: the office server's accounts, kept in the ledger but out of its event log and exports.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage the office server's users, their roles, passwords and API tokens.",
        discussion: """
            Readers read everything; clerks also record and correct; admins also manage users, rules, calendar and settings.
            Accounts and tokens are the office's own: export events leaves them out.

            Example:
              petitions user add vera --role clerk
              petitions user token vera --label "nightly script"
            """,
        subcommands: [Add.self, List.self, RoleChange.self, Disable.self, Enable.self, Password.self, Token.self, Tokens.self])

    /// A password read from standard input: its first line, without the line end. A terminal there is refused, naming
    /// `command` (`user add`) and what else can be done.
    static func passwordFromStandardInput(command: String, alternative: String? = nil) throws -> String {
        try StandardInput.refusePasswordAtTerminal(command: command, alternative: alternative)
        let data = FileHandle.standardInput.readDataToEndOfFile()
        guard let text = String(data: data.prefix(4096), encoding: .utf8) else {
            throw ValidationError("--password-stdin: standard input is not UTF-8 text.")
        }
        return String(text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
            .trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
    }

    static func show(_ a: Account) -> String {
        "\(a.name) (\(a.role.rawValue)\(a.disabled ? ", disabled" : ""))"
    }
}

extension Role: ExpressibleByArgument {
    public init?(argument: String) { try? self.init(parsing: argument) }
}
