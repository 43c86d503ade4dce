import PetitionsDomain

/// A user just added, with the password generated for it (shown once) when none was given.
public struct NewUser: Sendable {
    public var account: Account
    public var generatedPassword: String?
}

/// Adds a user of the office server with a role; without a password, a strong one is generated.
public struct AddUser: UseCase {
    public var name: String
    public var role: Role
    public var password: String?

    public init(name: String, role: Role, password: String? = nil) {
        self.name = name
        self.role = role
        self.password = password
    }

    public func run(in workspace: Workspace) throws -> NewUser {
        let name = try Account.validName(name)
        if let password { try Passwords.check(password, field: "password") }
        let chosen = password ?? Passwords.generate()
        let account = try workspace.recording { try $0.addAccount(name: name, role: role, passwordHash: Passwords.hash(chosen)) }
        return NewUser(account: account, generatedPassword: password == nil ? chosen : nil)
    }
}
