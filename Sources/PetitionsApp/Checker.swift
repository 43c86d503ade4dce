import Foundation
import PetitionsDomain
import PetitionsRules
import PetitionsStore

/// The calendar and rules in force for one run, and where they came from.
public struct RuleContext: Sendable {
    public var engine: Engine
    /// Where the calendar came from: a file, "ledger", or "built-in".
    public var calendarSource: String
    public var rulesSource: String
    /// Whether the calendar or rules were overridden for this run (stored due days then do not apply).
    public var overridden: Bool
}

/// The use cases of the rule engine: what is late, what waits, and every finding, as of a day.
public enum Checker {
    /// Setting keys under which a ledger keeps its own calendar and rules (TOML text).
    public static let calendarKey = "calendar"
    public static let rulesKey = "rules"

    /// The calendar and rules: `--calendar` / `--rules` for this run, else the ledger's own, else
    /// `$PETITIONS_CALENDAR` and the built-in defaults. SQL rules are checked against the ledger as they load.
    public static func context(
        ledger: Ledger, calendarPath: String?, rulesPath: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> RuleContext {
        let (calendar, calendarSource) = try Checker.calendar(ledger: ledger, calendarPath: calendarPath, environment: environment)
        let rules: RuleSet
        let rulesSource: String
        let rulesText: String?
        if let rulesPath {
            let data = try InputFile.contents(rulesPath, field: "--rules")
            rulesText = try TOMLFile.text(data, source: rulesPath)
            rules = try RulesFile.parse(rulesText ?? "", source: rulesPath)
            rulesSource = rulesPath
        } else if let stored = try ledger.setting(rulesKey) {
            rulesText = stored
            rules = try RulesFile.parse(stored, source: "the ledger's rules")
            rulesSource = "ledger"
        } else {
            rulesText = nil
            rules = RuleSet.defaults
            rulesSource = "built-in"
        }
        for rule in rules.enabled(SQLRule.self) {
            do {
                try ledger.validateSQLRule(rule.query)
            } catch let e as PetitionsError {
                let line = rulesText.flatMap { RulesFile.line(ofRule: rule.id, in: $0) }.map { ", line \($0)" } ?? ""
                throw PetitionsError(
                    "\(rulesSource)\(line): rule \(quoted(rule.id)): the query \(e.message); a sql rule must be one SELECT that only reads.")
            }
        }
        // A run's own rules file is checked as `rules set` checks it; the ledger's were checked when stored.
        if rulesPath != nil { try RulesFile.checkScopes(rules, text: rulesText, source: rulesSource, on: ledger) }
        return RuleContext(
            engine: Engine(rules: rules, calendar: calendar), calendarSource: calendarSource, rulesSource: rulesSource,
            overridden: calendarPath != nil || rulesPath != nil)
    }

    /// The calendar in force: `--calendar` for this run, else the ledger's own, else `$PETITIONS_CALENDAR`, else the
    /// built-in one; and where it came from (the file, "ledger" or "built-in").
    static func calendar(ledger: Ledger, calendarPath: String?, environment: [String: String]) throws -> (WorkCalendar, String) {
        if let calendarPath { return (try CalendarFile.load(path: calendarPath, field: "--calendar"), calendarPath) }
        if let stored = try ledger.setting(calendarKey) {
            // Set before a day given twice was refused, it is read as it was then: the first name kept.
            return (try CalendarFile.parse(stored, source: "the ledger's calendar", refusingRepeats: false), "ledger")
        }
        let r = try CalendarFile.resolve(option: nil, environment: environment)
        return (r.calendar, r.path ?? "built-in")
    }

    /// Late deliveries as of `asOf`.
    public static func overdue(ledger: Ledger, context: RuleContext, asOf: Day) throws -> [OverdueDelivery] {
        context.engine.overdue(try ledger.lateDeliveries(asOf: asOf), asOf: asOf)
    }

    /// Late deliveries as of `asOf`, handed to `emit` one at a time in the listing's order: the same entries as
    /// `overdue(ledger:context:asOf:)`. With one unscoped overdue_delivery rule (the defaults) they come from SQLite
    /// already in order, with their runs of missed periods, and none is held after `emit` returns; with several rules
    /// or a scope (`Engine.overdueStream` is nil) the whole listing is worked out first, as before.
    public static func overdue(ledger: Ledger, context: RuleContext, asOf: Day, emit: (OverdueDelivery) throws -> Void) throws {
        guard var stream = context.engine.overdueStream(asOf: asOf) else {
            for o in try overdue(ledger: ledger, context: context, asOf: asOf) { try emit(o) }
            return
        }
        try ledger.streamLateDeliveries(asOf: asOf, lastDue: stream.lastDue) { d, run in
            if let o = stream.judge(d, run: run) { try emit(o) }
        }
    }

    /// Letters waiting for a reply as of `asOf`, oldest first, including those not yet due.
    public static func unanswered(ledger: Ledger, context: RuleContext, asOf: Day) throws -> [UnansweredLetter] {
        context.engine.unanswered(try ledger.waitingLetters(asOf: asOf), asOf: asOf, all: true)
    }

    /// Letters waiting for a reply as of `asOf`, handed to `emit` one at a time in the listing's order: the same entries
    /// as `unanswered(ledger:context:asOf:)`. They come from SQLite already sorted and none is held after `emit`
    /// returns, whatever the rules (each letter is judged on its own facts).
    public static func unanswered(ledger: Ledger, context: RuleContext, asOf: Day, emit: (UnansweredLetter) throws -> Void) throws {
        var stream = context.engine.unansweredStream(asOf: asOf, all: true)
        try ledger.streamWaitingLetters(asOf: asOf) { l in
            if let u = stream.judge(l) { try emit(u) }
        }
    }

    /// Every finding of every rule as of `asOf`, most serious first.
    public static func findings(ledger: Ledger, context: RuleContext, asOf: Day) throws -> [Finding] {
        try findings(
            ledger: ledger, context: context, asOf: asOf,
            letters: try checkedLetters(ledger: ledger, context: context, asOf: asOf), deliveries: try ledger.lateDeliveries(asOf: asOf))
    }

    /// Every finding of every rule as of `asOf`, most serious first, as `findings(ledger:context:asOf:)` lists them,
    /// with the late deliveries streamed from the store and their findings held compactly, worded only as they are
    /// handed on (`CheckStream`), where the overdue listing streams (one unscoped overdue_delivery rule, the
    /// defaults); elsewhere the whole set, as before.
    public static func streamedFindings(ledger: Ledger, context: RuleContext, asOf: Day) throws -> CheckFindings {
        guard var stream = context.engine.checkStream(asOf: asOf) else {
            return CheckFindings(try findings(ledger: ledger, context: context, asOf: asOf))
        }
        let letters = try checkedLetters(ledger: ledger, context: context, asOf: asOf)
        try ledger.scanLateDeliveries(asOf: asOf, lastDue: stream.lastDue) { d, later in stream.add(d, later: later) }
        return stream.finish(try facts(ledger: ledger, context: context, asOf: asOf, letters: letters, deliveries: []))
    }

    /// Every finding as of `asOf`, as `streamedFindings(ledger:context:asOf:)` finds them, from a check stream the late
    /// deliveries were already added to and the waiting letters already gathered (`unanswered`: their listing with
    /// `all`, when already worked out): for a report, which lists the late deliveries from the same stream.
    public static func findings(
        ledger: Ledger, context: RuleContext, asOf: Day, stream: inout CheckStream, letters: [WaitingLetter], unanswered: [UnansweredLetter]?
    ) throws -> CheckFindings {
        stream.finish(try facts(ledger: ledger, context: context, asOf: asOf, letters: letters, deliveries: []), unanswered: unanswered)
    }

    /// The waiting letters a check judges: from indexed queries on stored due days, unless this run uses other rules
    /// or calendar.
    private static func checkedLetters(ledger: Ledger, context: RuleContext, asOf: Day) throws -> [WaitingLetter] {
        let engine = context.engine
        var dueBy: Day? = nil
        if !context.overridden {
            let warning = engine.rules.enabled(UnansweredLetterRule.self).compactMap(\.warningBefore)
            dueBy = warning.reduce(asOf) { latest, span in
                max(latest, engine.calendar.deadline(from: asOf, within: Span(span.count * 2 + 7, span.unit == .workingDays ? .days : span.unit)).due)
            }
        }
        return try ledger.waitingLetters(asOf: asOf, dueBy: dueBy)
    }

    /// Every finding as of `asOf`, from letters and deliveries already gathered (those waiting and those late as of
    /// that day, e.g. by a report that lists them too), most serious first.
    /// `unanswered` and `overdue`, when given, are the engine's listings of those same letters (with `all`) and
    /// deliveries, already worked out. The store runs the sql rules' queries; the engine turns their rows into findings.
    public static func findings(
        ledger: Ledger, context: RuleContext, asOf: Day, letters: [WaitingLetter], deliveries: [LateDelivery],
        unanswered: [UnansweredLetter]? = nil, overdue: [OverdueDelivery]? = nil
    ) throws -> [Finding] {
        let facts = try facts(ledger: ledger, context: context, asOf: asOf, letters: letters, deliveries: deliveries)
        return context.engine.evaluate(facts, asOf: asOf, unanswered: unanswered, overdue: overdue)
    }

    /// What the rules read besides the letters and deliveries: the sql rules' rows (run by the store) and, when a
    /// stalled_petition rule is on, the petitions' activity.
    private static func facts(ledger: Ledger, context: RuleContext, asOf: Day, letters: [WaitingLetter], deliveries: [LateDelivery]) throws -> Facts {
        let engine = context.engine
        var queryRows: [String: [QueryRow]] = [:]
        for rule in engine.rules.enabled(SQLRule.self) {
            do {
                queryRows[rule.id] = try ledger.runSQLRule(rule.query, asOf: asOf).map {
                    QueryRow(subject: $0.subject, severity: $0.severity, message: $0.message)
                }
            } catch let e as PetitionsError {
                throw PetitionsError("\(context.rulesSource): rule \(quoted(rule.id)): the query \(e.message).", code: e.code)
            }
        }
        return Facts(
            letters: letters, deliveries: deliveries,
            petitions: engine.rules.enabled(.stalledPetition).isEmpty ? [] : try ledger.petitionActivity(asOf: asOf), queryRows: queryRows)
    }

    /// Records what appeared or cleared since the last recorded check, each finding worded as it is recorded and not
    /// kept (the same events as recording them whole).
    public static func record(_ findings: inout CheckFindings, ledger: Ledger, asOf: Day) throws -> RecordedCheck {
        try ledger.recordFindings(asOf: asOf) { record in
            try findings.each { f in try record(Checker.record(f)) }
        }
    }

    /// What the ledger records of a finding.
    static func record(_ f: Finding) -> FindingRecord {
        FindingRecord(
            key: f.key, rule: f.rule, kind: f.kind.rawValue, subjectType: f.subject.type.rawValue, subjectID: f.subject.id,
            severity: f.severity.rawValue, message: f.message)
    }

    /// Records what appeared or cleared since the last recorded check.
    public static func record(_ findings: [Finding], ledger: Ledger, asOf: Day) throws -> RecordedCheck {
        try ledger.recordFindings(findings.map(record), asOf: asOf)
    }
}
