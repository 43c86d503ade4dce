import ArgumentParser
import Foundation
import PetitionsApp

extension UserCommand {
    struct Token: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "token",
            abstract: "Make an API token for a user (printed once), or revoke one.",
            discussion: "Example:\n  petitions user token vera --label 'nightly script'\n  petitions user token revoke 3",
            subcommands: [Issue.self, Revoke.self], defaultSubcommand: Issue.self)
    }

    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new", abstract: "Make an API token for a user; it is printed once and only its hash is kept.")
        @OptionGroup var ledger: LedgerOptions
        @Argument(help: "The user's name.") var name: String
        @Option(help: "What the token is for.") var label: String?

        func run() throws {
            let issued = try ledger.run(IssueToken(name: name, label: label))
            print("Token \(issued.token.id) for \(issued.token.user) (shown once; keep it safe):")
            print(issued.secret)
            if issued.userDisabled {
                Output.warn(
                    "\(issued.token.user) is disabled: this token is refused, as the user's others are, until petitions user enable \(issued.token.user)."
                )
            }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke",
            abstract: "Revoke an API token by id.", discussion: "Example:\n  petitions user token revoke 3")
        @OptionGroup var ledger: LedgerOptions
        @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The token's id (see user tokens NAME).", valueName: "token")) var tokenWords:
            [String]
        /// `tokenWords` as one word: see `single(_:_:)`.
        var token: String { get throws { try single(tokenWords, "token") } }

        func run() throws {
            let r = try ledger.run(RevokeToken(id: try id(token, "id")))
            let t = r.token
            // Exit 0 either way, as `init` on a ledger already initialised: the token is revoked, as asked.
            if r.alreadyRevoked {
                print("Token \(t.id) of \(t.user) was already revoked (\(t.revoked ?? "before")); nothing changed.")
            } else {
                print("Token \(t.id) of \(t.user) revoked.")
            }
        }
    }

    struct Tokens: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tokens",
            abstract: "List a user's API tokens (never their text).", discussion: "Example:\n  petitions user tokens vera --format json")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Argument(help: "The user's name.") var name: String

        func run() throws {
            let tokens = try ledger.run(ListTokens(name: name))
            if output.format == .json { return try Output.json(tokens) }
            var t = TextTable(["ID", "LABEL", "CREATED", "REVOKED"])
            for k in tokens { t.add([String(k.id), k.label ?? "-", k.created, k.revoked ?? "-"]) }
            print(t.render())
        }
    }
}
