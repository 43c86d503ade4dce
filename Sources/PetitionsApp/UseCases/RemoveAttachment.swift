import PetitionsDomain

/// Takes an attachment off its letter or petition: an event; its bytes stay in the ledger until `compact`.
public struct RemoveAttachment: UseCase {
    public var id: Int64
    public var reason: String
    public var on: Day

    public init(id: Int64, reason: String, on: Day) {
        self.id = id
        self.reason = reason
        self.on = on
    }

    public func run(in workspace: Workspace) throws -> Attachment {
        try workspace.amending { try $0.removeAttachment(id, reason: reason, on: on) }
    }
}
