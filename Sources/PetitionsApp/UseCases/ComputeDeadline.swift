import Foundation
import PetitionsDomain
import PetitionsRules

/// A deadline worked out on a calendar, and the calendar it came from.
public struct DeadlineResult: Sendable {
    public var deadline: Deadline
    /// The calendar file (`--calendar` or `$PETITIONS_CALENDAR`); nil for the ledger's own and for the built-in one.
    public var calendarPath: String?
    /// The ledger whose own calendar (`calendar set`) was used; nil when it was not.
    public var ledgerPath: String?
}

/// When something is due: a span from a day, skipping weekends and holidays, on the calendar in force as for every
/// other command: `--calendar`, else the ledger's own, else `$PETITIONS_CALENDAR`, else Saturday and Sunday off. No
/// ledger is needed: without `--db` or `$PETITIONS_DB` and with none at the default path, the ledger's step is skipped.
public struct ComputeDeadline: UseCase {
    public var from: Day
    public var within: Span
    /// A calendar file for this run.
    public var calendar: String?

    public init(from: Day, within: Span, calendar: String? = nil) {
        self.from = from
        self.within = within
        self.calendar = calendar
    }

    public func run(in workspace: Workspace) throws -> DeadlineResult {
        if calendar?.isEmpty == false || !workspace.namesOrHasLedger {
            let (cal, path) = try CalendarFile.resolve(option: calendar, environment: workspace.environment)
            return DeadlineResult(deadline: try cal.checkedDeadline(from: from, within: within), calendarPath: path)
        }
        let (cal, source) = try workspace.reading { l in
            try Checker.calendar(ledger: l, calendarPath: nil, environment: workspace.environment)
        }
        let fromLedger = source == "ledger"
        return DeadlineResult(
            deadline: try cal.checkedDeadline(from: from, within: within),
            calendarPath: fromLedger || source == "built-in" ? nil : source,
            ledgerPath: fromLedger ? workspace.resolvedDatabasePath : nil)
    }
}

extension Workspace {
    /// Whether a ledger was named (`--db`, `$PETITIONS_DB`) or is at the default path: a command that needs none
    /// (`deadline`) still reads the one there is, and refuses a named one that is missing as any reading command does.
    var namesOrHasLedger: Bool {
        if databasePath != nil { return true }
        if let p = environment["PETITIONS_DB"], !p.isEmpty { return true }
        return FileManager.default.fileExists(atPath: resolvedDatabasePath)
    }
}
