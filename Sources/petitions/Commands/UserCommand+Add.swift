import ArgumentParser
import Foundation
import PetitionsApp

extension UserCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a user; without --password-stdin a strong password is generated and printed once.",
            discussion: "Example:\n  printf '%s\\n' 'a long passphrase' | \\\n      petitions user add vera --role clerk --password-stdin")
        @OptionGroup var ledger: LedgerOptions
        @Argument(help: "The user's name (letters, digits, '.', '_' or '-').") var name: String
        @Option(
            help: ArgumentHelp("admin, clerk or reader.", valueName: "role"), completion: Role.completion, transform: Role.option("--role"))
        var role: Role
        @Flag(help: "Read the password from the first line of standard input.") var passwordStdin = false

        func run() throws {
            let password =
                passwordStdin
                ? try UserCommand.passwordFromStandardInput(command: "user add", alternative: "leave out --password-stdin to have one made") : nil
            let added = try ledger.run(AddUser(name: name, role: role, password: password))
            print("Added user \(UserCommand.show(added.account)).")
            if let generated = added.generatedPassword {
                print("Password (shown once; keep it safe): \(generated)")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the users.", discussion: "Example:\n  petitions user list --format json")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions

        func run() throws {
            let users = try ledger.run(ListUsers())
            if output.format == .json { return try Output.json(users) }
            var t = TextTable(["ID", "NAME", "ROLE", "DISABLED", "CREATED"])
            for u in users { t.add([String(u.id), u.name, u.role.rawValue, u.disabled ? "yes" : "no", u.created]) }
            print(t.render())
        }
    }

    struct RoleChange: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "role", abstract: "Give a user another role.", discussion: "Example:\n  petitions user role vera --to admin")
        @OptionGroup var ledger: LedgerOptions
        @Argument(help: "The user's name.") var name: String
        @Option(help: ArgumentHelp("admin, clerk or reader.", valueName: "to"), completion: Role.completion, transform: Role.option("--to"))
        var to: Role

        func run() throws {
            print(try ledger.run(ChangeUserRole(name: name, to: to)).roleSentence)
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "disable",
            abstract: "Disable a user: its sessions and tokens stop working at once.", discussion: "Example:\n  petitions user disable vera")
        @OptionGroup var ledger: LedgerOptions
        @Argument(help: "The user's name.") var name: String

        func run() throws {
            print(try ledger.run(DisableUser(name: name)).disableSentence)
        }
    }

    struct Enable: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "enable",
            abstract: "Enable a disabled user again: it may log in, and its tokens that were not revoked work again.",
            discussion: "Example:\n  petitions user enable vera")
        @OptionGroup var ledger: LedgerOptions
        @Argument(help: "The user's name.") var name: String

        func run() throws {
            print(try ledger.run(EnableUser(name: name)).enableSentence)
        }
    }

    struct Password: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "password",
            abstract: "Set a user's password, read from standard input.",
            discussion: "Example:\n  printf '%s\\n' 'a new passphrase' | \\\n      petitions user password vera --password-stdin")
        @OptionGroup var ledger: LedgerOptions
        @Argument(help: "The user's name.") var name: String
        @Flag(help: "Read the password from the first line of standard input (required).") var passwordStdin = false

        // In validate, not run: ArgumentParser then shows this command's usage, not the root's "petitions <subcommand>".
        func validate() throws {
            guard passwordStdin else { throw ValidationError("--password-stdin is required: a password is never given on the command line.") }
        }

        func run() throws {
            let a = try ledger.run(SetUserPassword(name: name, password: try UserCommand.passwordFromStandardInput(command: "user password")))
            print("Password of \(a.name) changed.")
        }
    }
}
