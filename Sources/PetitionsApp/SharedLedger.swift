import Foundation
import PetitionsDomain
import PetitionsRules
import PetitionsStore

/// The ledger opened once for the life of a long-lived front end (the office server) and shared by all its
/// requests, instead of opened anew for each: reads go to the store's pool of readers, writes one at a time, each
/// waiting out another process's write (the command line's) for the store's busy timeout. What the ledger says about
/// itself (the office it records for, its calendar and rules) is read again only once an event was recorded since,
/// by this process or another; the configuration file and the units are read once, when the ledger is first opened.
public final class SharedLedger: @unchecked Sendable {
    private let lock = NSLock()
    private var opened: (ledger: Ledger, config: Configuration)?
    private var state: State?

    /// What the ledger said about itself as of one event.
    private struct State {
        var lastEvent: Int64
        var office: String
        var rules: RuleContext
    }

    /// How much of the ledger the server's connections read through a memory map: every write drops the readers'
    /// page caches, and copying the pages back in was the largest cost of a view after a write (perf, BENCHMARKS.md).
    static let mappedBytes: Int64 = 1 << 30

    /// A ledger to be opened by the first workspace that asks for it.
    public init() {}

    /// The ledger for one use case run in `workspace`: the one held open, recording as the workspace's actor, on its
    /// today, with the reply due days of the ledger's rules when `recording`.
    func ledger(for workspace: Workspace, recording: Bool) throws -> Ledger {
        let (base, config) = try open(workspace)
        let state = try current(base, config, workspace)
        let context = RecordingContext(actor: workspace.resolvedActor, office: state.office, today: workspace.today, now: workspace.now)
        return base.recording(as: context, dueDays: recording ? state.rules.engine : nil)
    }

    /// The ledger held open, as opened: for lookups that need neither the office nor the rules (`readingFacts`).
    func base(for workspace: Workspace) throws -> Ledger {
        try open(workspace).0
    }

    /// The ledger's own calendar and rules (or the environment's and the defaults), as of its last event.
    func rules(_ ledger: Ledger, _ workspace: Workspace) throws -> RuleContext {
        let (_, config) = try open(workspace)
        return try current(ledger, config, workspace).rules
    }

    /// Opens the ledger on first use. A ledger this process may only read is held open for reading.
    private func open(_ workspace: Workspace) throws -> (Ledger, Configuration) {
        try lock.withLock {
            if let opened { return opened }
            let made: (Ledger, Configuration)
            do {
                made = try workspace.openStore(readOnly: false, mustExist: true, mappedBytes: SharedLedger.mappedBytes, shared: true)
            } catch let e as PetitionsError where e.code == .noPermission {
                made = try workspace.openStore(readOnly: true, mustExist: true, mappedBytes: SharedLedger.mappedBytes, shared: true)
            }
            opened = made
            return made
        }
    }

    /// The office and rules as of the ledger's last event, worked out again when an event that may change them was
    /// recorded since. Most events (a letter, a receipt) change neither, and working them out again (the settings read,
    /// the rules parsed, SQL rules prepared) after each letter recorded was the largest part of the next request.
    private func current(_ ledger: Ledger, _ config: Configuration, _ workspace: Workspace) throws -> State {
        let last = try ledger.lastEventID()
        if let known = lock.withLock({ state }), known.lastEvent < last,
            let since = try ledger.eventKinds(after: known.lastEvent, limit: 500), since.last == last,
            !since.events.contains(where: { event in event.kind.map(SharedLedger.maySet) ?? true })
        {
            return lock.withLock {
                if var state, state.lastEvent == known.lastEvent {
                    state.lastEvent = last
                    self.state = state
                }
                return State(lastEvent: last, office: known.office, rules: known.rules)
            }
        }
        return try lock.withLock {
            if let state, state.lastEvent == last { return state }
            // Read after `last`: what they say is as of that event or a later one, never an earlier one.
            let fresh = State(
                lastEvent: last, office: try workspace.officeName(ledger, config),
                rules: try Checker.context(ledger: ledger, calendarPath: nil, rulesPath: nil, environment: workspace.environment))
            if (state?.lastEvent ?? -1) < last { state = fresh }
            return fresh
        }
    }

    /// Whether an event of `kind` may change what the ledger says about itself (its office, calendar and rules, all
    /// kept as settings). Switched over every kind, so a new kind must say.
    static func maySet(_ kind: LedgerEvent.Kind) -> Bool {
        switch kind {
        case .ledgerInitialized, .importCompleted, .settingChanged, .rulesApplied, .partyUpdated: return true
        case .authorityAdded, .groupAdded, .petitionerAdded, .groupJoined, .groupLeft, .dependantAdded, .dependantRemoved: return false
        case .petitionLogged, .petitionStatusChanged, .petitionUpdated, .petitionNoted: return false
        case .letterSent, .letterReceived, .letterVoided, .letterExtended: return false
        case .decreeAdded, .enrolmentAdded, .enrolmentEnded, .deliveryScheduled, .deliveryReceived, .deliveryCancelled, .receiptVoided:
            return false
        case .findingRaised, .findingCleared, .attachmentAdded, .attachmentRemoved: return false
        }
    }
}
