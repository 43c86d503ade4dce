import ArgumentParser
import Foundation
import PetitionsApp
import PetitionsDomain
import PetitionsReport
import PetitionsRules
import PetitionsStore

/// `--as-of`, `--calendar`, `--rules`: what every command that computes deadlines takes.
struct RuleOptions: ParsableArguments {
    @Option(name: .customLong("as-of"), help: "The day to judge as of (YYYY-MM-DD; default today).")
    var asOf: String?

    @Option(help: ArgumentHelp("A calendar file for this run (else the ledger's, else $PETITIONS_CALENDAR, else Saturday+Sunday).", valueName: "file"))
    var calendar: String?

    @Option(help: ArgumentHelp("A rules file for this run (else the ledger's, else the built-in rules).", valueName: "file"))
    var rules: String?

    func day() throws -> Day { try PetitionsCLI.day(asOf, "--as-of") ?? Clock.today() }

    func context(_ ledger: Ledger) throws -> RuleContext {
        try Checker.context(ledger: ledger, calendarPath: calendar, rulesPath: rules)
    }
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

func quantities(_ list: [QuantityValue]) -> String { list.map(\.text).joined(separator: "; ") }

struct Overdue: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List late deliveries as of a day: how late, how serious, what is short.",
        discussion: "A delivery is late from the day after its due day plus the grace span of the overdue_delivery rule (7 days by default).\n\nExample:\n  petitions overdue --as-of 1920-03-04 --format json")
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var ruleOptions: RuleOptions
    @Option(help: "Output format: text, json or csv.") var format: TableFormat = .text

    func run() throws {
        let asOf = try ruleOptions.day()
        let l = try ledger.open(readOnly: true)
        let list = try Checker.overdue(ledger: l, context: try ruleOptions.context(l), asOf: asOf)
        switch format {
        case .json: try Output.json(list)
        case .csv:
            print(try CSVTable.render(header: ["delivery", "decree", "recipient", "supplier", "period", "due", "overdue_since", "days_overdue", "severity",
                                               "expected", "received", "shortfall"],
                                      rows: list.map { [String($0.delivery), $0.decree, $0.recipient, $0.supplier, $0.period.description, $0.due.description,
                                                        $0.overdueSince.description, String($0.daysOverdue), $0.severity.rawValue,
                                                        quantities($0.expected), quantities($0.received), quantities($0.shortfall)] }), terminator: "")
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
        let l = try ledger.open(readOnly: true)
        var list = try Checker.unanswered(ledger: l, context: try ruleOptions.context(l), asOf: asOf)
        if overdueOnly { list = list.filter { $0.daysOverdue > 0 } }
        switch format {
        case .json: try Output.json(list)
        case .csv:
            print(try CSVTable.render(header: ["letter", "from", "to", "subject", "sent", "due", "days_waiting", "days_overdue", "working_days_overdue",
                                               "severity", "petition", "action"],
                                      rows: list.map { [String($0.letter), $0.from, $0.to, $0.subject, $0.sent.description, $0.due.description,
                                                        String($0.daysWaiting), String($0.daysOverdue), String($0.workingDaysOverdue),
                                                        $0.severity?.rawValue ?? "", $0.petition.map(String.init) ?? "", $0.action] }), terminator: "")
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
        let l = try ledger.open(readOnly: !record)
        let all = try Checker.findings(ledger: l, context: try ruleOptions.context(l), asOf: asOf)
        var recorded: RecordedCheck?
        if record { recorded = try Checker.record(all, ledger: l, asOf: asOf) }
        let shown = all.filter { $0.severity >= min }
        switch format {
        case .json:
            struct Result: Encodable { var asOf: Day; var findings: [Finding]; var recorded: RecordedCheck? }
            try Output.json(Result(asOf: asOf, findings: shown, recorded: recorded))
        case .csv:
            print(try CSVTable.render(header: ["severity", "rule", "kind", "subject_type", "subject_id", "subject", "due", "overdue_since", "days_overdue",
                                               "working_days_overdue", "message", "action"],
                                      rows: shown.map { [$0.severity.rawValue, $0.rule, $0.kind, $0.subject.type, String($0.subject.id), $0.subject.name,
                                                         $0.due?.description ?? "", $0.overdueSince?.description ?? "", String($0.daysOverdue),
                                                         String($0.workingDaysOverdue), $0.message, $0.action] }), terminator: "")
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

/// Stores a rules or calendar file (already checked into `context`) in the ledger as an event, and recomputes the
/// stored due days under it.
func storeInLedger(_ l: Ledger, key: String, file: String, on: Day, context: RuleContext) throws {
    guard let text = FileManager.default.contents(atPath: file).map({ String(decoding: $0, as: UTF8.self) }) else {
        throw PetitionsError("\(key): the file \(file) cannot be read.", code: .noInput)
    }
    Checker.install(context, in: l)
    try l.storeSetting(key, value: text, on: on, summary: "\(key.prefix(1).uppercased() + key.dropFirst()) set from \(file)")
}

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "Show, store and apply the ledger's rules.",
                                                    subcommands: [Show.self, Set.self, Apply.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the rules in force and where they come from.", discussion: "Example:\n  petitions rules show")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var ruleOptions: RuleOptions
        func run() throws {
            let l = try ledger.open(readOnly: true)
            let ctx = try ruleOptions.context(l)
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
            let l = try ledger.open()
            let context = try Checker.context(ledger: l, calendarPath: nil, rulesPath: file)
            try RulesFile.trySQLRules(context.engine.rules, text: try? String(contentsOfFile: file, encoding: .utf8), source: file, on: l, asOf: on)
            try storeInLedger(l, key: Checker.rulesKey, file: file, on: on, context: context)
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
            let l = try ledger.open()
            let n = try l.applyRules(on: on, reason: "rules apply")
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
            let l = try ledger.open()
            let context = try Checker.context(ledger: l, calendarPath: file, rulesPath: nil)
            try storeInLedger(l, key: Checker.calendarKey, file: file, on: on, context: context)
            let calendar = context.engine.calendar
            print("Stored the calendar of \(file) in the ledger: weekend \(calendar.weekend.sorted().map { WorkCalendar.weekdayNames[$0 - 1] }.joined(separator: ", ")), \(calendar.holidays.count) holidays.")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the calendar in force.", discussion: "Example:\n  petitions calendar show")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var ruleOptions: RuleOptions
        func run() throws {
            let l = try ledger.open(readOnly: true)
            let ctx = try ruleOptions.context(l)
            let c = ctx.engine.calendar
            print("Calendar: \(ctx.calendarSource)")
            print("  weekend: \(c.weekend.sorted().map { WorkCalendar.weekdayNames[$0 - 1] }.joined(separator: ", "))")
            for h in c.holidays { print("  holiday: \(h)") }
        }
    }
}
