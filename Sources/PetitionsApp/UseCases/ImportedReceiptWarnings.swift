import PetitionsDomain

/// What `delivery receive` would have warned of for the receipts an import recorded (those after receipt `after`):
/// a delivery that now has more than it expected, a receipt dated after today or before its period begins. Kept all
/// the same, never silently. At most `limit` sentences of each kind; `more` says there were others.
public struct ImportedReceiptWarnings: UseCase {
    public var after: Int64
    public var limit: Int

    public init(after: Int64, limit: Int = 20) {
        self.after = after
        self.limit = limit
    }

    public func run(in workspace: Workspace) throws -> (sentences: [String], more: Bool) {
        let found = try workspace.reading { try $0.unusualReceipts(after: after, today: workspace.today, limit: limit + 1) }
        var out: [String] = []
        for d in found.overExpected.prefix(limit) {
            out += ReceiptWarnings.check(d, period: d.period, on: d.period.first, today: workspace.today)
        }
        for (d, day) in found.oddlyDated.prefix(limit) {
            out += ReceiptWarnings.dated(
                day, period: d.period, today: workspace.today, what: "the receipt for the delivery of \(d.decree) to \(d.recipient) for \(d.period)")
        }
        return (out, found.overExpected.count > limit || found.oddlyDated.count > limit)
    }
}

/// A mark of where a ledger's receipts end, taken before an import.
public struct LastReceiptID: UseCase {
    public init() {}

    public func run(in workspace: Workspace) throws -> Int64 {
        try workspace.reading { try $0.lastReceiptID() }
    }
}
