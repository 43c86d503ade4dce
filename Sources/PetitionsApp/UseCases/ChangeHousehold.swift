import PetitionsDomain

/// A dependant added to a person's household (`petitioner dependant add`) or removed (`… remove`).
public struct ChangeHousehold: UseCase {
    /// Adding or removing.
    public enum Change: Sendable { case add, remove }

    /// The category a dependant added without `--category` counts as.
    public static let defaultCategory = "dependant"

    public var change: Change
    public var person: String
    public var name: String
    public var category: String?
    public var on: Day?

    public init(_ change: Change, person: String, name: String, category: String?, on: Day? = nil) {
        self.change = change
        self.person = person
        self.name = name
        self.category = category
        self.on = on
    }

    public func run(in workspace: Workspace) throws -> Party {
        try workspace.amending { l in
            switch change {
            case .add: try l.addDependant(person, name: name, category: category ?? Self.defaultCategory, on: on)
            case .remove: try l.removeDependant(person, name: name, category: category, on: on)
            }
        }
    }
}
