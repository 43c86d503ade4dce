import PetitionsDomain

/// Lists the parties of one kind (authorities, groups, persons or offices), or of several in that order.
public struct ListParties: UseCase {
    public var kinds: [PartyKind]

    public init(kind: PartyKind) { self.kinds = [kind] }

    public init(kinds: [PartyKind]) { self.kinds = kinds }

    /// Every kind, in the order a listing of all parties gives them.
    public static let everyKind: [PartyKind] = [.authority, .group, .person, .office]

    /// The kinds a `kind` filter names (`petitioner`, `person`, `group`, `authority`, `office`, singular or plural,
    /// any case); nil names every kind. `party list --kind` and `GET /api/v1/parties?kind=` read it alike.
    public static func kinds(named name: String?, field: String = "kind") throws -> [PartyKind] {
        switch name?.lowercased() {
        case nil: return everyKind
        case "authority"?, "authorities"?: return [.authority]
        case "group"?, "groups"?: return [.group]
        case "person"?, "persons"?, "petitioner"?, "petitioners"?: return [.person]
        case "office"?, "offices"?: return [.office]
        case let other?:
            throw PetitionsError.invalid(field, String(other.prefix(100)), "is not a kind of party; use petitioner, group, authority or office")
        }
    }

    public func run(in workspace: Workspace) throws -> [Party] {
        try workspace.reading { ledger in try kinds.flatMap { try ledger.parties(kind: $0) } }
    }

    /// The parties of this listing handed to `body` one at a time as they are read, `passes` times over one snapshot
    /// of the ledger (`body` is given the pass, from 0): the command's listing, whose memory stays flat however many
    /// parties there are.
    public func run(in workspace: Workspace, passes: Int = 1, each body: (_ pass: Int, Party) throws -> Void) throws {
        try workspace.reading { try $0.eachParty(kinds: kinds, passes: passes, body) }
    }
}
