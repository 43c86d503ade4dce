import PetitionsDomain

/// Ends an enrolment on a day (`enrol end`): an `enrolment.ended` event; no deliveries for later periods.
public struct EndEnrolment: UseCase {
    public var decree: String
    public var recipient: String
    public var on: Day

    public init(decree: String, recipient: String, on: Day) {
        self.decree = decree
        self.recipient = recipient
        self.on = on
    }

    public func run(in workspace: Workspace) throws -> EnrolmentEnd {
        try workspace.amending { try $0.endEnrolment(decree: decree, recipient: recipient, on: on) }
    }
}
