import PetitionsDomain
import PetitionsStore

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
        try workspace.amending { try record($0) }
    }

    /// Changes the household and says what is unusual about the change's day (before the person was recorded; a day
    /// after today is refused), on one opening of the ledger, so that every front end warns alike.
    public func runChecked(in workspace: Workspace) throws -> (party: Party, warnings: [String]) {
        try workspace.oneOpening { w in
            let party = try w.amending { try record($0) }
            guard let on else { return (party, []) }
            let check = CheckDates("the change to the household is dated", on: on, references: [.party(person)], warnAfterToday: false)
            return (party, try check.run(in: w))
        }
    }

    /// Records the change; returns the person.
    private func record(_ l: Ledger) throws -> Party {
        switch change {
        case .add: try l.addDependant(person, name: name, category: category ?? Self.defaultCategory, on: on)
        case .remove: try l.removeDependant(person, name: name, category: category, on: on)
        }
    }
}
