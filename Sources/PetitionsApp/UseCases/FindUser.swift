import Crypto
import Foundation
import PetitionsDomain

/// A user as a web session holds it: the account, and a stamp of its password (a digest of the stored hash, which
/// is salted afresh whenever the password is set), so a session opened before `user password` ends at once.
public struct SessionUser: Sendable, Equatable {
    public var account: Account
    public var passwordStamp: String

    init(_ account: Account, passwordHash: String) {
        self.account = account
        passwordStamp = Passwords.hex(SHA256.hash(data: Data(passwordHash.utf8)).prefix(16))
    }
}

/// A user by name as it is now, or nil: the server looks a session's user up on every request, so a disabled
/// user, a changed role or a changed password takes effect at once.
public struct FindUser: UseCase {
    public var name: String

    public init(name: String) { self.name = name }

    public func run(in workspace: Workspace) throws -> SessionUser? {
        try workspace.readingFacts { try $0.storedAccount(named: name).map { SessionUser($0.account, passwordHash: $0.passwordHash) } }
    }
}
