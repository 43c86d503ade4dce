import PetitionsDomain

/// The user an API token belongs to, when the token is known, not revoked, and its user not disabled.
public struct AuthenticateToken: UseCase {
    public var token: String

    public init(token: String) { self.token = token }

    public func run(in workspace: Workspace) throws -> Account? {
        guard token.hasPrefix("pt_"), token.utf8.count == 67 else { return nil }
        return try workspace.readingFacts { try $0.accountForToken(hash: Passwords.tokenHash(token)) }
    }
}
