import PetitionsDomain

/// A person joins a group (`group join`) or leaves it (`group leave`): `group.joined` or `group.left`.
public struct ChangeMembership: UseCase {
    /// Joining or leaving.
    public enum Change: Sendable { case join, leave }

    public var change: Change
    public var group: String
    public var member: String
    public var on: Day?

    public init(_ change: Change, group: String, member: String, on: Day?) {
        self.change = change
        self.group = group
        self.member = member
        self.on = on
    }

    public func run(in workspace: Workspace) throws -> Party {
        try workspace.amending { l in
            switch change {
            case .join: try l.joinGroup(group, member: member, from: on)
            case .leave: try l.leaveGroup(group, member: member, on: on ?? workspace.today)
            }
        }
    }

    /// Changes the membership and says what is unusual about its day (before the group or the member was recorded; a
    /// day after today is refused), on one opening of the ledger, so that every front end warns alike.
    public func runChecked(in workspace: Workspace) throws -> (group: Party, warnings: [String]) {
        try workspace.oneOpening { w in
            let g = try run(in: w)
            guard let on else { return (g, []) }
            let what = change == .join ? "the membership starts on" : "the membership ends on"
            return (g, try CheckDates(what, on: on, references: [.party(group), .party(member)], warnAfterToday: false).run(in: w))
        }
    }
}
