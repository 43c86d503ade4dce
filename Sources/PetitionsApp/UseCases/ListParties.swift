import PetitionsDomain

/// Lists the parties of one kind: authorities, groups or persons.
public struct ListParties: UseCase {
    public var kind: PartyKind

    public init(kind: PartyKind) { self.kind = kind }

    public func run(in workspace: Workspace) throws -> [Party] {
        try workspace.reading { try $0.parties(kind: kind) }
    }
}
