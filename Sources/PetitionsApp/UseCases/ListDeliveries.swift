import PetitionsDomain

/// Lists deliveries by period, perhaps of one period, status, decree or recipient.
public struct ListDeliveries: UseCase {
    public var period: Period?
    public var status: DeliveryStatus?
    public var decree: String?
    public var recipient: String?

    public init(period: Period? = nil, status: DeliveryStatus? = nil, decree: String? = nil, recipient: String? = nil) {
        self.period = period
        self.status = status
        self.decree = decree
        self.recipient = recipient
    }

    public func run(in workspace: Workspace) throws -> [Delivery] {
        try workspace.reading { try $0.deliveries(period: period, status: status, decree: decree, recipient: recipient) }
    }

    /// The deliveries of this listing handed to `body` one at a time as they are read, `passes` times over one
    /// snapshot of the ledger (`body` is given the pass, from 0): the command's listing, whose memory stays flat
    /// however many deliveries there are.
    public func run(in workspace: Workspace, passes: Int = 1, each body: (_ pass: Int, Delivery) throws -> Void) throws {
        try workspace.reading {
            try $0.eachDelivery(period: period, status: status, decree: decree, recipient: recipient, passes: passes, body)
        }
    }

    /// The deliveries of this listing in `window` (read alone, in SQL), and how many it holds: a page of the API's.
    public func page(_ window: RowWindow, in workspace: Workspace) throws -> RowPage<Delivery> {
        try workspace.reading { try $0.deliveryPage(period: period, status: status, decree: decree, recipient: recipient, window: window) }
    }

    /// The deliveries of this listing in `window` with those whose ids are in `first` before the others (the overdue
    /// first, on the web's deliveries page), each part in the listing's order, and how many it holds: read in SQL.
    public func page(_ window: RowWindow, first: Set<Int64>, in workspace: Workspace) throws -> RowPage<Delivery> {
        try workspace.reading {
            try $0.deliveryPage(first: first, period: period, status: status, decree: decree, recipient: recipient, window: window)
        }
    }
}
