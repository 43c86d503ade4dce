import ArgumentParser
import Foundation
import PetitionsApp

/// `--as-of`, `--calendar`, `--rules`: what every command that computes deadlines takes.
struct RuleOptions: ParsableArguments {
    @Option(name: .customLong("as-of"), help: "The day to judge as of (YYYY-MM-DD; default today).")
    var asOf: String?

    @Option(help: ArgumentHelp("A calendar file for this run (else the ledger's, else $PETITIONS_CALENDAR, else Saturday+Sunday).", valueName: "file"))
    var calendar: String?

    @Option(help: ArgumentHelp("A rules file for this run (else the ledger's, else the built-in rules).", valueName: "file"))
    var rules: String?

    func day() throws -> Day { try PetitionsCLI.day(asOf, "--as-of") ?? Clock.today() }

    /// The calendar and rules files given for this run.
    var sources: RuleSources { RuleSources(calendar: calendar, rules: rules) }
}

/// Output formats for findings and listings that a spreadsheet may read.
enum TableFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv
}

enum PetitionsCLI {
    static func day(_ text: String?, _ field: String) throws -> Day? { try text.map { try Day(parsing: $0, field: field) } }
}

/// Colour for severities, only on a terminal and never when NO_COLOR is set.
enum Colour {
    static let enabled: Bool = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    static func severity(_ s: Severity?) -> String {
        guard let s else { return "-" }
        guard enabled else { return s.rawValue }
        switch s {
        case .warning: return "\u{1B}[33m\(s.rawValue)\u{1B}[0m"
        case .overdue: return "\u{1B}[31m\(s.rawValue)\u{1B}[0m"
        case .critical: return "\u{1B}[1;31m\(s.rawValue)\u{1B}[0m"
        }
    }
}

func quantities(_ list: [QuantityValue]) -> String { ListingCSV.quantities(list) }

struct Overdue: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List late deliveries as of a day: how late, how serious, what is short.",
        discussion: "A delivery is late from the day after its due day plus the grace span of the overdue_delivery rule (7 days by default).\n\nExample:\n  petitions overdue --as-of 1920-03-04 --format json")
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var ruleOptions: RuleOptions
    @Option(help: "Output format: text, json or csv.") var format: TableFormat = .text

    func run() throws {
        let asOf = try ruleOptions.day()
        let list = try ledger.run(ListOverdue(asOf: asOf, sources: ruleOptions.sources))
        switch format {
        case .json: try Output.json(list)
        case .csv:
            print(try ListingCSV.overdue(list), terminator: "")
        case .text:
            print("Late deliveries as of \(asOf.longDescription): \(list.count)")
            guard !list.isEmpty else { return }
            var t = TextTable(["ID", "PERIOD", "RECIPIENT", "DECREE", "DUE", "DAYS LATE", "SEVERITY", "SHORTFALL"])
            for o in list {
                t.add([String(o.delivery), o.period.description, o.recipient, o.decree, o.due.description, String(o.daysOverdue),
                       o.severity.rawValue, quantities(o.shortfall)])
            }
            print(t.render())
            for o in list { print("- [\(Colour.severity(o.severity))] \(o.message)\n    next: \(o.action)") }
        }
    }
}

struct Unanswered: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List letters waiting for a reply as of a day, oldest first: due day, days waiting, how late.",
        discussion: "A letter's reply is due within its own --reply-within, else its authority's, else the unanswered_letter rule's (20 working days).\n\nExample:\n  petitions unanswered --as-of 1920-03-04 --calendar config/calendars/rsfsr-1920.toml")
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var ruleOptions: RuleOptions
    @Option(help: "Output format: text, json or csv.") var format: TableFormat = .text
    @Flag(name: .customLong("overdue-only"), help: "Only letters past their due day.") var overdueOnly = false

    func run() throws {
        let asOf = try ruleOptions.day()
        let list = try ledger.run(ListUnanswered(asOf: asOf, sources: ruleOptions.sources, overdueOnly: overdueOnly))
        switch format {
        case .json: try Output.json(list)
        case .csv:
            print(try ListingCSV.unanswered(list), terminator: "")
        case .text:
            print("Letters waiting for a reply as of \(asOf.longDescription): \(list.count)")
            guard !list.isEmpty else { return }
            var t = TextTable(["ID", "SENT", "TO", "DUE", "WAITING", "WD LATE", "SEVERITY", "SUBJECT"])
            for u in list {
                t.add([String(u.letter), u.sent.description, u.to, u.due.description, "\(u.daysWaiting) d", String(u.workingDaysOverdue),
                       u.severity?.rawValue ?? "not due", u.subject])
            }
            print(t.render())
            for u in list where u.severity != nil { print("- [\(Colour.severity(u.severity))] \(u.message)\n    next: \(u.action)") }
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run every rule as of a day; exit 1 when a finding reaches --fail-on (for cron and scripts).",
        discussion: """
        Exit status: 0 when no finding reaches --fail-on (default overdue), 1 when one does.
        --record writes each finding that appeared, changed or cleared since the last recorded check as an event.

        Example:
          petitions check --as-of 1920-03-04 --min-severity overdue --record
        """)
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var ruleOptions: RuleOptions
    @Option(help: "Output format: text, json or csv.") var format: TableFormat = .text
    @Option(name: .customLong("min-severity"), help: "Show only findings at least this serious: warning, overdue or critical.") var minSeverity: String = "warning"
    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding is at least this serious (default overdue).") var failOn: String = "overdue"
    @Flag(help: "Record findings raised and cleared since the last recorded check as events.") var record = false

    func run() throws {
        let min = try Severity(parsing: minSeverity, field: "--min-severity")
        let fail = try Severity(parsing: failOn, field: "--fail-on")
        let asOf = try ruleOptions.day()
        let result = try ledger.run(RunCheck(asOf: asOf, sources: ruleOptions.sources, record: record))
        let all = result.findings
        let recorded = result.recorded
        let shown = all.filter { $0.severity >= min }
        switch format {
        case .json:
            struct Result: Encodable { var asOf: Day; var findings: [Finding]; var recorded: RecordedCheck? }
            try Output.json(Result(asOf: asOf, findings: shown, recorded: recorded))
        case .csv:
            print(try ListingCSV.findings(shown), terminator: "")
        case .text:
            let counts = Severity.allCases.reversed().map { s in "\(all.filter { $0.severity == s }.count) \(s.rawValue)" }.joined(separator: ", ")
            print("Check as of \(asOf.longDescription): \(all.count) finding\(all.count == 1 ? "" : "s") (\(counts)).")
            for f in shown {
                print("- [\(Colour.severity(f.severity))] \(f.rule): \(f.message)")
                print("    next: \(f.action)")
            }
            if let recorded { print("Recorded: \(recorded.raised) raised, \(recorded.cleared) cleared.") }
        }
        if all.contains(where: { $0.severity >= fail }) { throw ExitCode(1) }
    }
}

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "Show, store and apply the ledger's rules.",
                                                    subcommands: [Show.self, Set.self, Apply.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the rules in force and where they come from.", discussion: "Example:\n  petitions rules show")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var ruleOptions: RuleOptions
        func run() throws {
            let ctx = try ledger.run(ShowRules(sources: ruleOptions.sources))
            print("Rules: \(ctx.rulesSource); calendar: \(ctx.calendarSource)")
            var t = TextTable(["ID", "KIND", "ENABLED", "SCOPE"])
            for r in ctx.engine.rules.rules {
                let scope = [("authority", r.scope.authority), ("decree", r.scope.decree), ("recipient", r.scope.recipient), ("category", r.scope.category)]
                    .compactMap { k, v in v.map { "\(k)=\($0)" } }.joined(separator: " ")
                t.add([r.id, r.kind.rawValue, r.enabled ? "yes" : "no", scope.isEmpty ? "-" : scope])
            }
            print(t.render())
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Store a rules file in the ledger (checked first), and recompute the due days it changes.",
            discussion: "Example:\n  petitions rules set config/rules.toml")
        @OptionGroup var ledger: LedgerOptions
        @Argument(help: "The rules file (TOML).") var file: String
        @Option(help: "The day of the change (default today).") var on: String?
        func run() throws {
            let on = try day(on, "--on") ?? Clock.today()
            _ = try ledger.run(StoreRules(.rules, file: file, on: on))
            print("Stored the rules of \(file) in the ledger.")
        }
    }

    struct Apply: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recompute every waiting letter's stored due day under the rules and calendar in force.",
            discussion: "Example:\n  petitions rules apply")
        @OptionGroup var ledger: LedgerOptions
        @Option(help: "The day of the change (default today).") var on: String?
        func run() throws {
            let on = try day(on, "--on") ?? Clock.today()
            let n = try ledger.run(ApplyRules(on: on))
            print("Recomputed due days: \(n) changed.")
        }
    }
}

struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "calendar", abstract: "Store the ledger's calendar of weekends and holidays.",
                                                    subcommands: [Set.self, Show.self])

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Store a calendar file in the ledger (checked first), and recompute the due days it changes.",
            discussion: "Example:\n  petitions calendar set config/calendars/rsfsr-1920.toml")
        @OptionGroup var ledger: LedgerOptions
        @Argument(help: "The calendar file (TOML).") var file: String
        @Option(help: "The day of the change (default today).") var on: String?
        func run() throws {
            let on = try day(on, "--on") ?? Clock.today()
            let context = try ledger.run(StoreRules(.calendar, file: file, on: on))
            let calendar = context.engine.calendar
            print("Stored the calendar of \(file) in the ledger: weekend \(calendar.weekend.sorted().map { WorkCalendar.weekdayNames[$0 - 1] }.joined(separator: ", ")), \(calendar.holidays.count) holidays.")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the calendar in force.", discussion: "Example:\n  petitions calendar show")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var ruleOptions: RuleOptions
        func run() throws {
            let ctx = try ledger.run(ShowRules(sources: ruleOptions.sources))
            let c = ctx.engine.calendar
            print("Calendar: \(ctx.calendarSource)")
            print("  weekend: \(c.weekend.sorted().map { WorkCalendar.weekdayNames[$0 - 1] }.joined(separator: ", "))")
            for h in c.holidays { print("  holiday: \(h)") }
        }
    }
}
