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
}
