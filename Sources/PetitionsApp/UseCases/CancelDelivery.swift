import PetitionsDomain

/// Cancels a scheduled delivery as a recorded event.
public struct CancelDelivery: UseCase {
    public var decree: String
    public var recipient: String
    public var period: Period
    public var on: Day
    public var reason: String

    public init(decree: String, recipient: String, period: Period, on: Day, reason: String) {
        self.decree = decree
        self.recipient = recipient
        self.period = period
        self.on = on
        self.reason = reason
    }

    public func run(in workspace: Workspace) throws -> Delivery {
        try workspace.recording { try $0.cancelDelivery(decree: decree, recipient: recipient, period: period, on: on, reason: reason) }
    }
}
