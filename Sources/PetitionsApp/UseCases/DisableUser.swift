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

    /// What `user role` and the web's users page say of a change of role.
    public var roleSentence: String {
        changed
            ? "User \(after.name) is now \(after.role.rawValue) (was \(before.role.rawValue))."
            : "User \(after.name) is already \(after.role.rawValue); nothing changed."
    }

    /// What `user disable` and the web's users page say of disabling.
    public var disableSentence: String {
        changed
            ? "Disabled user \(after.name) (\(after.role.rawValue), disabled): its sessions and tokens stopped working."
            : "User \(after.name) was already disabled; nothing changed."
    }

    /// What `user enable` and the web's users page say of enabling.
    public var enableSentence: String {
        changed
            ? "Enabled user \(after.name) (\(after.role.rawValue)): it may log in, and its tokens not revoked work again."
            : "User \(after.name) is not disabled; nothing changed."
    }
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
