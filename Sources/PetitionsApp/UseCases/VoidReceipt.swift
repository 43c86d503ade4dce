import PetitionsDomain

/// Voids a receipt recorded in error (`receipt void`): a `receipt.voided` event; the receipt stays listed, voided, and
/// counts for nothing, so the delivery is short again (and overdue, rules and report say so at once).
public struct VoidReceipt: UseCase {
    public var receipt: Int64
    public var reason: String
    public var on: Day?

    public init(receipt: Int64, reason: String, on: Day? = nil) {
        self.receipt = receipt
        self.reason = reason
        self.on = on
    }

    public func run(in workspace: Workspace) throws -> Delivery {
        try workspace.amending { try $0.voidReceipt(receipt, reason: reason, on: on) }
    }
}
