import PetitionsDomain

/// One party, found by handle or id; with `kind`, only one of that kind (`petitioner show` a person, `group show` a
/// group, `authority show` an authority, `office show` an office): another kind is refused naming what it is and the
/// command that shows it.
public struct ShowParty: UseCase {
    public var party: String
    public var kind: PartyKind?

    public init(party: String, kind: PartyKind? = nil) {
        self.party = party
        self.kind = kind
    }

    public func run(in workspace: Workspace) throws -> Party {
        let found = try workspace.reading { try $0.party(party) }
        guard let kind, found.kind != kind else { return found }
        let wanted = ShowParty.noun(kind)
        let what: String
        switch found.kind {
        case .office where found.id == 0:
            what = "the office that keeps this ledger (\(found.name)), not \(Wording.a(wanted)); petitions office show shows it"
        case .office:
            what = "another office (\(found.name)), not \(Wording.a(wanted)); petitions office show \(found.handle) shows it"
        case .person, .group, .authority:
            let noun = ShowParty.noun(found.kind)
            what = "\(Wording.a(noun)) (\(found.name)), not \(Wording.a(wanted)); petitions \(noun) show \(found.handle) shows it"
        }
        throw PetitionsError("\(quoted(party)) is \(what).", field: "party", kind: .invalid)
    }

    /// The word a command uses for a kind of party: a person is a petitioner.
    static func noun(_ kind: PartyKind) -> String { kind == .person ? "petitioner" : kind.rawValue }
}
