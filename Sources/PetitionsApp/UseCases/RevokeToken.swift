import PetitionsDomain

/// Revokes an API token by id: it stops working at once.
public struct RevokeToken: UseCase {
    public var id: Int64

    public init(id: Int64) { self.id = id }

    public func run(in workspace: Workspace) throws -> APIToken {
        try workspace.amending { try $0.revokeToken(id: id) }
    }
}
