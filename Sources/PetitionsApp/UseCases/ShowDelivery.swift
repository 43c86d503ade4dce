import PetitionsDomain

/// One delivery, by id, with its receipts.
public struct ShowDelivery: UseCase {
    public var delivery: Int64

    public init(delivery: Int64) { self.delivery = delivery }

    public func run(in workspace: Workspace) throws -> Delivery {
        try workspace.reading { try $0.delivery(delivery) }
    }
}
