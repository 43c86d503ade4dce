import PetitionsDomain

/// Gives a user another role.
public struct ChangeUserRole: UseCase {
    public var name: String
    public var role: Role

    public init(name: String, to role: Role) {
        self.name = name
        self.role = role
    }

    public func run(in workspace: Workspace) throws -> AccountChange {
        try workspace.changingAccount(named: name, role: role)
    }
}
