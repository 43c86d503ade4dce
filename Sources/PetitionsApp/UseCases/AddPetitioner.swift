import PetitionsDomain

/// Records a person, with the groups they belong to and their household.
public struct AddPetitioner: UseCase {
    public var name: String
    public var handle: String?
    public var district: String?
    public var occupation: String?
    public var groups: [String]
    public var dependants: [Dependant]
    public var on: Day?

    public init(
        name: String, handle: String? = nil, district: String? = nil, occupation: String? = nil, groups: [String] = [],
        dependants: [Dependant] = [], on: Day? = nil
    ) {
        self.name = name
        self.handle = handle
        self.district = district
        self.occupation = occupation
        self.groups = groups
        self.dependants = dependants
        self.on = on
    }

    public func run(in workspace: Workspace) throws -> Party {
        try workspace.recording {
            try $0.addPetitioner(
                name: name, handle: handle, district: district, occupation: occupation, groups: groups,
                dependants: dependants, on: on)
        }
    }
}
