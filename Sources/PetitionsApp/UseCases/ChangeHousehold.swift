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
        try workspace.amending { try record($0).party }
    }

    /// Changes the household and says what is unusual about the change's day (before the person was recorded; a day
    /// after today is refused), on one opening of the ledger, so that every front end warns alike. `removed`: the name
    /// of the dependant removed as the ledger held it (`Sofia` for `--name sofia`); nil for an addition.
    public func runChecked(in workspace: Workspace) throws -> (party: Party, removed: String?, warnings: [String]) {
        try workspace.oneOpening { w in
            let (party, removed) = try w.amending { try record($0) }
            guard let on else { return (party, removed, []) }
            let check = CheckDates("the change to the household is dated", on: on, references: [.party(person)], warnAfterToday: false)
            return (party, removed, try check.run(in: w))
        }
    }

    /// Records the change: the person, and the name of the dependant removed as held.
    private func record(_ l: Ledger) throws -> (party: Party, removed: String?) {
        switch change {
        case .add: return (try l.addDependant(person, name: name, category: category ?? Self.defaultCategory, on: on), nil)
        case .remove:
            let r = try l.removeDependant(person, name: name, category: category, on: on)
            return (r.party, r.name)
        }
    }
}
