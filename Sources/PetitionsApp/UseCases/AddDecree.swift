import PetitionsDomain

/// Records a decree: its rations per category ("employee: 8 funt wheat"), how often they are due, and who supplies them.
public struct AddDecree: UseCase {
    public var handle: String
    public var name: String
    public var issued: Day
    public var issuer: String?
    public var supplier: String
    public var rations: [String]
    public var every: Frequency
    public var dueDay: Int
    public var effectiveFrom: Day?
    public var effectiveTo: Day?

    public init(
        handle: String, name: String, issued: Day, issuer: String? = nil, supplier: String, rations: [String],
        every: Frequency = .month, dueDay: Int = 1, effectiveFrom: Day? = nil, effectiveTo: Day? = nil
    ) {
        self.handle = handle
        self.name = name
        self.issued = issued
        self.issuer = issuer
        self.supplier = supplier
        self.rations = rations
        self.every = every
        self.dueDay = dueDay
        self.effectiveFrom = effectiveFrom
        self.effectiveTo = effectiveTo
    }

    public func run(in workspace: Workspace) throws -> Decree {
        try workspace.recording {
            try $0.addDecree(
                handle: handle, name: name, issued: issued, issuer: issuer, supplier: supplier, rations: rations,
                every: every, dueDay: dueDay, effectiveFrom: effectiveFrom, effectiveTo: effectiveTo)
        }
    }
}
