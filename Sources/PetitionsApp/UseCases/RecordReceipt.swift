import PetitionsDomain

/// Records what came for a scheduled delivery; several receipts add up.
public struct RecordReceipt: UseCase {
    public var decree: String
    public var recipient: String
    public var period: Period
    public var on: Day
    /// Each "AMOUNT UNIT COMMODITY".
    public var quantities: [String]
    public var note: String?

    public init(decree: String, recipient: String, period: Period, on: Day, quantities: [String], note: String? = nil) {
        self.decree = decree
        self.recipient = recipient
        self.period = period
        self.on = on
        self.quantities = quantities
        self.note = note
    }

    public func run(in workspace: Workspace) throws -> Delivery {
        try workspace.recording {
            try $0.receiveDelivery(decree: decree, recipient: recipient, period: period, on: on, quantities: quantities, note: note)
        }
    }
}
