import PetitionsDomain

/// The API tokens of a user (never their text).
public struct ListTokens: UseCase {
    public var name: String

    public init(name: String) { self.name = name }

    public func run(in workspace: Workspace) throws -> [APIToken] {
        try workspace.reading { try $0.tokens(user: name) }
    }
}
