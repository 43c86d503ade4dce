import PetitionsDomain

/// What was recorded after an event the front end computed a listing at: whether that listing may still stand.
/// The event log is append-only and every change to the ledger records an event, so a listing computed as of event N
/// is still right as of a later event M when no event between them is of a kind that the listing reads.
public struct ChangesSince: UseCase {
    /// The event the listing was computed at.
    public var event: Int64
    /// At most this many events are looked at; past it, everything counts as changed.
    public var limit: Int

    /// How many events are looked at unless told otherwise.
    public static let defaultLimit = 500

    public init(event: Int64, limit: Int = ChangesSince.defaultLimit) {
        self.event = event
        self.limit = limit
    }

    public func run(in workspace: Workspace) throws -> LedgerChanges {
        guard let found = try workspace.readingFacts({ try $0.eventKinds(after: event, limit: limit) }) else {
            return LedgerChanges(from: event, last: nil, events: [])
        }
        return LedgerChanges(from: event, last: found.last, events: found.events)
    }
}

/// The events recorded since some event, by kind.
public struct LedgerChanges: Sendable {
    /// The event they were recorded after.
    public var from: Int64
    /// The last event's id; nil when there were too many to look at.
    public var last: Int64?
    /// Their ids and kinds, oldest first; nil for a kind this program does not know.
    public var events: [(id: Int64, kind: LedgerEvent.Kind?)]

    /// Their kinds.
    public var kinds: [LedgerEvent.Kind?] { events.map(\.kind) }

    /// Whether any of them recorded after the event `known` (`from` when not given) may change `listing`
    /// (everything may, when they were too many to look at).
    public func touch(_ listing: Listing, after known: Int64? = nil) -> Bool {
        let after = known ?? from
        return last == nil || events.contains { $0.id > after && ($0.kind.map { listing.reads($0) } ?? true) }
    }
}

/// The listings a front end keeps between requests, and the kinds of event each one reads.
public enum Listing: Sendable, CaseIterable {
    /// `overdue`: deliveries, their decrees and enrolments, the rules and calendar.
    case overdue
    /// `unanswered`: letters, their parties and petitions, the rules and calendar.
    case unanswered
    /// `petition list`.
    case petitions
    /// The parties' names by handle.
    case parties

    /// Whether an event of `kind` may change this listing. Switched over every kind, so a new kind must say.
    public func reads(_ kind: LedgerEvent.Kind) -> Bool {
        switch kind {
        // The whole ledger: anything may change.
        case .ledgerInitialized, .importCompleted, .settingChanged, .rulesApplied: return true
        case .partyUpdated: return true
        case .authorityAdded, .groupAdded, .petitionerAdded: return self == .parties
        case .groupJoined, .groupLeft, .dependantAdded, .dependantRemoved: return self == .overdue || self == .parties
        case .petitionLogged, .petitionStatusChanged, .petitionUpdated: return self == .petitions || self == .unanswered
        case .petitionNoted: return self == .petitions
        case .letterSent, .letterReceived, .letterVoided, .letterExtended: return self == .unanswered
        case .decreeAdded, .enrolmentAdded, .enrolmentEnded, .deliveryScheduled, .deliveryReceived, .deliveryCancelled, .receiptVoided:
            return self == .overdue
        case .findingRaised, .findingCleared: return false
        case .attachmentAdded, .attachmentRemoved: return false
        }
    }
}
