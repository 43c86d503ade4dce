import PetitionsDomain

/// Disables a user: its sessions and tokens stop working at once, since every request looks the account up.
public struct DisableUser: UseCase {
    public var name: String

    public init(name: String) { self.name = name }

    public func run(in workspace: Workspace) throws -> Account {
        try workspace.amending { try $0.updateAccount(named: name, disabled: true) }
    }
}

/// Enables a user that was disabled: it may log in and its tokens work again.
public struct EnableUser: UseCase {
    public var name: String

    public init(name: String) { self.name = name }

    public func run(in workspace: Workspace) throws -> Account {
        try workspace.amending { try $0.updateAccount(named: name, disabled: false) }
    }
}
