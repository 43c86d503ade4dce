import PetitionsDomain

/// Lists letters, oldest first: of one petition, from or to one party, only those still waiting for a reply, or those a
/// search matches.
public struct ListLetters: UseCase {
    public var petition: Int64?
    public var party: String?
    public var waiting: Bool
    /// Only the letters this search matches.
    public var search: String?

    public init(petition: Int64? = nil, party: String? = nil, waiting: Bool = false, search: String? = nil) {
        self.petition = petition
        self.party = party
        self.waiting = waiting
        self.search = search
    }

    public func run(in workspace: Workspace) throws -> [Letter] {
        try workspace.reading { try $0.letters(petition: petition, party: party, waiting: waiting, search: search) }
    }

    /// The letters of this listing handed to `body` one at a time as they are read, `passes` times over one snapshot
    /// of the ledger (`body` is given the pass, from 0): the command's listing, whose memory stays flat however many
    /// letters there are.
    public func run(in workspace: Workspace, passes: Int = 1, each body: (_ pass: Int, Letter) throws -> Void) throws {
        try workspace.reading { try $0.eachLetter(petition: petition, party: party, waiting: waiting, search: search, passes: passes, body) }
    }

    /// The letters of this listing in `window` (read alone, in SQL), and how many it holds: a page of the API's.
    public func page(_ window: RowWindow, in workspace: Workspace) throws -> RowPage<Letter> {
        try workspace.reading { try $0.letterPage(petition: petition, party: party, waiting: waiting, search: search, window: window) }
    }
}
