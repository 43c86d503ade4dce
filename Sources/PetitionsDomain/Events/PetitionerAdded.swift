/// `petitioner.added`: a person recorded, with the groups they belong to and their household.
public struct PetitionerAdded: EventPayload, Equatable {
    public static let kind = LedgerEvent.Kind.petitionerAdded
    public static let keys = Set(CodingKeys.allCases.map(\.rawValue))

    public var handle: String
    public var name: String
    public var district: String?
    public var occupation: String?
    public var groups: [String]?
    public var dependants: [Dependant]?

    public init(
        handle: String, name: String, district: String? = nil, occupation: String? = nil, groups: [String]? = nil, dependants: [Dependant]? = nil
    ) {
        self.handle = handle
        self.name = name
        self.district = district
        self.occupation = occupation
        self.groups = groups
        self.dependants = dependants
    }

    public var event: LedgerEvent { .petitionerAdded(self) }

    public func mappingHandles(_ map: (String) -> String) -> Self {
        var p = self
        p.handle = map(handle)
        p.groups = groups.map { $0.map(map) }
        return p
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case handle, name, district, occupation, groups, dependants }

    /// Every key is written, absent values as null.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(handle, forKey: .handle)
        try c.encode(name, forKey: .name)
        try c.encode(district, forKey: .district)
        try c.encode(occupation, forKey: .occupation)
        try c.encode(groups, forKey: .groups)
        try c.encode(dependants, forKey: .dependants)
    }
}

/// The same bytes as `encode(to:)` through the house encoder, without Codable's containers: an import writes one per row.
extension PetitionerAdded: HouseJSONWritable {
    public func write(to w: inout HouseJSONWriter) {
        w.beginObject()
        w.key("dependants")
        if let dependants { w.array(dependants) } else { w.null() }
        w.key("district")
        w.string(district)
        w.key("groups")
        w.strings(groups)
        w.key("handle")
        w.string(handle)
        w.key("name")
        w.string(name)
        w.key("occupation")
        w.string(occupation)
        w.endObject()
    }
}
