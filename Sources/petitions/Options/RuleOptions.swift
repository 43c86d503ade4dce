import ArgumentParser
import Foundation
import PetitionsApp

/// `--as-of`, `--calendar`, `--rules`: what every command that computes deadlines takes.
struct RuleOptions: ParsableArguments {
    @Option(
        name: .customLong("as-of"), parsing: .unconditional, help: "The day to judge as of (YYYY-MM-DD; default today).",
        transform: OptionWord.day("--as-of"))
    var asOf: Day?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("A calendar file for this run (else the ledger's, else $PETITIONS_CALENDAR, else Saturday+Sunday).", valueName: "file"))
    var calendar: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("A rules file for this run (else the ledger's, else the built-in rules).", valueName: "file"))
    var rules: String?

    /// The day given, else today.
    func day() -> Day { asOf ?? Clock.today() }

    /// The calendar and rules files given for this run.
    var sources: RuleSources { RuleSources(calendar: calendar, rules: rules) }
}
