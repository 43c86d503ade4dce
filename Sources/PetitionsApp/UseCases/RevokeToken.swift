import PetitionsDomain

/// Revokes an API token by id: it stops working at once. A token revoked already is left as it was, and the
/// answer says so.
public struct RevokeToken: UseCase {
    public var id: Int64

    public init(id: Int64) { self.id = id }

    /// The token as it now is, and whether it had been revoked before (nothing changed then).
    public struct Revoked: Sendable {
        public var token: APIToken
        public var alreadyRevoked: Bool
    }

    public func run(in workspace: Workspace) throws -> Revoked {
        let (token, already) = try workspace.amending { try $0.revokeToken(id: id) }
        return Revoked(token: token, alreadyRevoked: already)
    }
}
