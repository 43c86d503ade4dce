import PetitionsDomain

/// A user's account before and after a change: `user disable`, `enable` and `role` say whether anything changed,
/// so an admin who disables a user twice learns it was already done rather than reading the same line again.
public struct AccountChange: Sendable, Equatable {
    public var before: Account
    public var after: Account

    public init(before: Account, after: Account) {
        self.before = before
        self.after = after
    }

    /// Whether the change changed anything.
    public var changed: Bool { before != after }
}

extension Workspace {
    /// Changes one account in one transaction, reading it before.
    func changingAccount(named name: String, role: Role? = nil, disabled: Bool? = nil) throws -> AccountChange {
        let (before, after) = try amending { try $0.changeAccount(named: name, role: role, disabled: disabled) }
        return AccountChange(before: before, after: after)
    }
}

/// Disables a user: its sessions and tokens stop working at once, since every request looks the account up.
public struct DisableUser: UseCase {
    public var name: String

    public init(name: String) { self.name = name }

    public func run(in workspace: Workspace) throws -> AccountChange {
        try workspace.changingAccount(named: name, disabled: true)
    }
}

/// Enables a user that was disabled: it may log in and its tokens work again.
public struct EnableUser: UseCase {
    public var name: String

    public init(name: String) { self.name = name }

    public func run(in workspace: Workspace) throws -> AccountChange {
        try workspace.changingAccount(named: name, disabled: false)
    }
}
