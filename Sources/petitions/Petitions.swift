import ArgumentParser
import Foundation
import PetitionsApp

/// The `petitions` command: a petition and correspondence tracker over a SQLite ledger.
@main
struct Petitions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "petitions",
        abstract: "Track petitions, letters, entitlements and deliveries in a SQLite ledger.",
        discussion: """
            Every change is recorded as an event in an append-only log, with who recorded it and the day it happened.
            The ledger is --db PATH, else $PETITIONS_DB, else $XDG_DATA_HOME/petitions/petitions.sqlite.

            Example:
              petitions --db dmitrov.sqlite init --office dmitrov
              petitions --db dmitrov.sqlite authority add \\
                  --name "Moscow postal-telegraph supply centre" \\
                  --handle moscow-supply
            """,
        version: ProductInfo.versionLine(commit: BuildInfo.commit),
        subcommands: [
            Init.self, AuthorityCommand.self, GroupCommand.self, PetitionerCommand.self, PetitionCommand.self,
            LetterCommand.self, DecreeCommand.self, Enrol.self, DeliveryCommand.self, ReceiptCommand.self, OfficeCommand.self, PartyCommand.self,
            Events.self,
            Units.self, Overdue.self, Unanswered.self,
            Check.self, RulesCommand.self, CalendarCommand.self,
            DeadlineCommand.self, ReportCommand.self, DraftCommand.self,
            Search.self, Attach.self, AttachmentCommand.self,
            ImportCommand.self, ExportCommand.self, BackupCommand.self, VerifyCommand.self, Compact.self, UserCommand.self, Serve.self,
        ]
    )

    /// Options that every ledger command takes may also come before the subcommand
    /// (`petitions --db x.sqlite init`): they are moved after it, where the subcommand reads them.
    /// Kept on purpose: swift-argument-parser 1.x has no options inherited by subcommands (an `@OptionGroup` on the
    /// root is parsed, but a subcommand cannot read it: it is a separate value, and `parent` is not reachable), so
    /// the words are moved, once, here, and nowhere else. Only the four ledger options, and only before the
    /// subcommand's name; they go after its words, before its first option; the rest of the line is untouched.
    static func hoistingGlobalOptions(_ args: [String]) -> [String] {
        let global: Set<String> = ["--db", "--actor", "--office", "--config"]
        var leading: [String] = []
        var i = 0
        while i < args.count {
            let a = args[i]
            let name = a.split(separator: "=", maxSplits: 1).first.map(String.init) ?? a
            guard global.contains(name) else { break }
            if a.contains("=") {
                leading.append(a)
                i += 1
            } else if i + 1 < args.count {
                leading += [a, args[i + 1]]
                i += 2
            } else {
                break
            }
        }
        guard !leading.isEmpty, i < args.count else { return args }
        var rest = Array(args[i...])
        // `deadline` reads no ledger: the ledger options a shell alias puts first are not its business.
        if rest.first == "deadline" { return rest }
        // Before the subcommand's first option (and so before a `--`), not at the end: `petitioner edit petr --note`,
        // its value forgotten, took the moved `--db=x.sqlite` for the note and wrote it into the default ledger.
        rest.insert(contentsOf: leading, at: rest.firstIndex { $0.hasPrefix("-") } ?? rest.endIndex)
        return rest
    }

    static func main() {
        let args = hoistingGlobalOptions(Array(CommandLine.arguments.dropFirst()))
        do {
            try CommandLineFailure.refuseArgumentsNotUTF8()
            if let option = RepeatedOption.first(in: args, root: Petitions.self) {
                throw PetitionsError("\(option) is given more than once; give it once (only repeatable options may be repeated).", code: .usage)
            }
            if let sentence = UnknownCommand.sentence(in: args, root: Petitions.self) {
                // Said here, not by the parser: once the ledger options are moved after it, an unknown command would be
                // reported as "Unknown option '--db'", which sends the user looking at the wrong word.
                throw PetitionsError(sentence, code: .usage)
            }
            var command = try parseAsRoot(args)
            // A CSV import runs no rule, so it spares SQLite the count of its memory (ProcessSetup).
            if let bulk = command as? ImportCommand, bulk.what != .events { ProcessSetup.forBulkImport() }
            try command.run()
            try StandardOutput.finish()
        } catch let exit as ExitCode {
            // An exit on purpose (check's findings, verify's problems) comes after printing them: a write that failed is
            // said, not hidden behind the exit that means "findings".
            do { try StandardOutput.finish() } catch { CommandLineFailure(error)?.exit() }
            Self.exit(withError: exit)
        } catch {
            (CommandLineFailure(error) ?? carriedError(error).flatMap { CommandLineFailure($0) })?.exit()
            if let sentence = ParserRefusal.sentence(for: error, args: args, root: Petitions.self) {
                CommandLineFailure(PetitionsError(sentence, code: .usage))?.exit()
            }
            exit(withError: error)
        }
    }
}
