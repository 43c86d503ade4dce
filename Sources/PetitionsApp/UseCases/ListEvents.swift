import PetitionsDomain

/// Reads the event log: of one party, one petition, one kind (or kind prefix), from a day on.
public struct ListEvents: UseCase {
    public var party: String?
    public var petition: Int64?
    public var kind: String?
    public var since: Day?
    /// The latest first (the web's events page), rather than the log's order, oldest first (the command's and the API's).
    public var newestFirst: Bool

    public init(party: String? = nil, petition: Int64? = nil, kind: String? = nil, since: Day? = nil, newestFirst: Bool = false) {
        self.party = party
        self.petition = petition
        self.kind = kind
        self.since = since
        self.newestFirst = newestFirst
    }

    public func run(in workspace: Workspace) throws -> [Event] {
        try checkKind()
        return try workspace.reading { try $0.events(party: party, petition: petition, kind: kind, since: since) }
    }

    /// The events of this listing handed to `body` one at a time as they are read, `passes` times over one snapshot
    /// of the log (`body` is given the pass, from 0): the command's listing, whose memory stays flat however long
    /// the log. `detailed` false lists each without its payload (null) and subjects (none), for a listing that shows
    /// neither.
    public func run(in workspace: Workspace, detailed: Bool = true, passes: Int = 1, each body: (_ pass: Int, Event) throws -> Void) throws {
        try checkKind()
        try workspace.reading {
            try $0.eachEvent(
                party: party, petition: petition, kind: kind, since: since, newestFirst: newestFirst, detailed: detailed, passes: passes, body)
        }
    }

    /// The events of this listing in `window` (read alone, in SQL), and how many it holds: a page of the API's.
    public func page(_ window: RowWindow, in workspace: Workspace) throws -> RowPage<Event> {
        try checkKind()
        return try workspace.reading {
            try $0.eventPage(party: party, petition: petition, kind: kind, since: since, window: window, newestFirst: newestFirst)
        }
    }

    /// A kind that names no event would list nothing, which reads as "nothing happened": it is refused instead.
    private func checkKind() throws {
        if let kind { _ = try Self.kind(named: kind) }
    }

    /// `text` as a kind of event (`letter.sent`) or a family of them (`letter`), or the sentence naming `field`.
    public static func kind(named text: String, field: String = "--kind") throws -> String {
        let kinds = LedgerEvent.Kind.allCases.map(\.rawValue)
        guard kinds.contains(text) || kinds.contains(where: { $0.hasPrefix(text + ".") }) else {
            let families = Set(kinds.map { String($0.prefix { $0 != "." }) }).sorted().joined(separator: ", ")
            throw PetitionsError.invalid(field, text, "is not a kind of event; give a kind such as letter.sent, or one of \(families)")
        }
        return text
    }
}
