import PetitionsDomain

/// What `InitLedger` did: the ledger, the office that keeps it, and whether it was new.
public struct InitResult: Encodable, Sendable {
    public var path: String
    public var office: String
    public var created: Bool
}

/// Creates the ledger (mode 0600) and records the office that keeps it; a ledger already initialised is left alone.
public struct InitLedger: UseCase {
    public var on: Day

    public init(on: Day) { self.on = on }

    public func run(in workspace: Workspace) throws -> InitResult {
        // A new ledger is initialised as it is opened (as every recording command's first use makes it), on this day.
        var w = workspace
        w.today = on
        let existed = w.shared != nil || w.ledgerFile.exists
        return try w.recording { l in
            let created = try l.initialize(on: on) || !existed
            return InitResult(path: w.resolvedDatabasePath, office: try l.setting("office") ?? l.context.office, created: created)
        }
    }
}
