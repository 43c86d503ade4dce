import PetitionsDomain

/// Records a group (a collective petitioner) with its head-counts by category.
public struct AddGroup: UseCase {
    public var name: String
    public var handle: String?
    public var district: String?
    public var counts: [HeadCount]
    public var on: Day?

    public init(name: String, handle: String? = nil, district: String? = nil, counts: [HeadCount] = [], on: Day? = nil) {
        self.name = name
        self.handle = handle
        self.district = district
        self.counts = counts
        self.on = on
    }

    public func run(in workspace: Workspace) throws -> Party {
        try Handle.refuseReserved(handle)
        return try workspace.recording { try $0.addGroup(name: name, handle: handle, district: district, counts: counts, on: on) }
    }
}
