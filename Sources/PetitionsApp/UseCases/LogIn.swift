import Foundation
import PetitionsDomain

/// Checks a user's name and password: the account (with its password's stamp, for the session) when they match and
/// it is not disabled, else nil. It takes as long when the name is unknown, so the answer does not tell whether a
/// name exists.
public struct LogIn: UseCase {
    public var name: String
    public var password: String

    public init(name: String, password: String) {
        self.name = name
        self.password = password
    }

    public func run(in workspace: Workspace) throws -> SessionUser? {
        // No account's name or password holds a control character; SQLite and bcrypt read a text only up to a NUL, so
        // `cl\0` would be the user `cl` and `password\0junk` the password `password`.
        let plain = ControlCharacters.first(in: name) == nil && ControlCharacters.first(in: password) == nil
        let stored = try plain ? workspace.reading { try $0.storedAccount(named: name.trimmingCharacters(in: .whitespaces)) } : nil
        guard plain, password.utf8.count <= Passwords.maximumBytes, let stored else {
            _ = Passwords.verify(password, hash: Passwords.decoy)
            return nil
        }
        guard Passwords.verify(password, hash: stored.passwordHash), !stored.account.disabled else { return nil }
        return SessionUser(stored.account, passwordHash: stored.passwordHash)
    }
}
