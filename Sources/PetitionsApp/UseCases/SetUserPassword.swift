import PetitionsDomain

/// Sets a user's password.
public struct SetUserPassword: UseCase {
    public var name: String
    public var password: String

    public init(name: String, password: String) {
        self.name = name
        self.password = password
    }

    public func run(in workspace: Workspace) throws -> Account {
        try Passwords.check(password, field: "password")
        return try workspace.amending { try $0.updateAccount(named: name, passwordHash: Passwords.hash(password)) }
    }
}
