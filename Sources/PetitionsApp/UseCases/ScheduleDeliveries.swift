import PetitionsDomain

/// Schedules one expected delivery per enrolled recipient and period; periods already scheduled are left alone.
public struct ScheduleDeliveries: UseCase {
    public var decree: String
    public var recipient: String?
    public var from: Period
    public var to: Period
    public var on: Day?

    public init(decree: String, recipient: String? = nil, from: Period, to: Period, on: Day? = nil) {
        self.decree = decree
        self.recipient = recipient
        self.from = from
        self.to = to
        self.on = on
    }

    public func run(in workspace: Workspace) throws -> ScheduleResult {
        try workspace.recording { try $0.scheduleDeliveries(decree: decree, recipient: recipient, from: from, to: to, on: on) }
    }
}
