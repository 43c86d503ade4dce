import PetitionsDomain
import PetitionsRules

/// A deadline worked out on a calendar, and the calendar file it came from (nil for the built-in calendar).
public struct DeadlineResult: Sendable {
    public var deadline: Deadline
    public var calendarPath: String?
}

/// When something is due: a span from a day, skipping weekends and holidays. No ledger is needed.
public struct ComputeDeadline: UseCase {
    public var from: Day
    public var within: Span
    /// A calendar file, else $PETITIONS_CALENDAR, else Saturday and Sunday off.
    public var calendar: String?

    public init(from: Day, within: Span, calendar: String? = nil) {
        self.from = from
        self.within = within
        self.calendar = calendar
    }

    public func run(in workspace: Workspace) throws -> DeadlineResult {
        let (cal, path) = try CalendarFile.resolve(option: calendar, environment: workspace.environment)
        return DeadlineResult(deadline: try cal.checkedDeadline(from: from, within: within), calendarPath: path)
    }
}
