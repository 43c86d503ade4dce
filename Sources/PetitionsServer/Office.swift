import Foundation
import Hummingbird
import NIOPosix
import PetitionsApp

/// The server's door to the ledger: runs use cases on a thread pool (they are synchronous, the store's database
/// calls block), never on the event loop, in a workspace that records as the request's user. The ledger is opened
/// once, by the first request, and shared by every request after it for the server's life.
struct Office: Sendable {
    let settings: ServerSettings
    let sessions: SessionStore
    let throttle: LoginThrottle
    let listings: ListingCache
    let ledger: SharedLedger
    /// Told the event each lookup that reads changes reads them from (`lookUp`): a test's observer, nil in production.
    let onChangesRead: (@Sendable (Int64) -> Void)?
    /// One thread for the long computations of kept listings, so that they never hold up writes and small reads,
    /// which run on the shared pool. Process-wide, like that pool, and never stopped.
    static let listingThread: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        return pool
    }()
    /// One thread for the requests that record (every method but GET and HEAD, login aside): the ledger takes one
    /// write at a time, so a second thread would only wait for it. On the shared pool, writers waiting their turn
    /// held both of its threads, and reads queued behind them: BENCHMARKS.md "Writes on a thread of their own".
    static let writingThread: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        return pool
    }()

    /// Whether the request being handled records (set by `FrontDoor` from its method), so that its use cases run on
    /// `writingThread`.
    @TaskLocal static var records = false

    init(settings: ServerSettings, onChangesRead: (@Sendable (Int64) -> Void)? = nil) {
        self.settings = settings
        self.onChangesRead = onChangesRead
        sessions = SessionStore()
        throttle = LoginThrottle()
        listings = ListingCache()
        ledger = SharedLedger()
    }

    /// Runs `body` in a workspace recording as `account`, off the event loop; a `long` one on the listings' thread,
    /// one for a request that records on the writing thread, any other on the shared pool.
    func perform<T: Sendable>(
        as account: Account?, long: Bool = false, _ body: @escaping @Sendable (Workspace) throws -> T
    ) async throws -> T {
        var opened = settings.workspace(actor: account?.name)
        opened.shared = ledger
        let workspace = opened
        let pool = long ? Office.listingThread : Office.records ? Office.writingThread : NIOThreadPool.singleton
        return try await pool.runIfActive { try body(workspace) }
    }

    /// Which kept listings a request's lookup reads the changes for (`lookUp`), as its route says (`API.listingRoutes`,
    /// `Web.listingRoutes`).
    enum ChangesReach: Sendable {
        /// None: the route reads no kept listing (`/api/v1/letters`, search, an attachment).
        case none
        /// Since the earliest listing kept: the route reads kept listings (the dashboard, the overdue deliveries).
        case allKept
        /// Since the earliest of these: the route reads only them (a web page, the office's name in its header).
        case listings([ListingCache.Key])
    }

    /// Looks up a request's user with `lookup` and, for a request that only reads and whose route reads kept listings
    /// (`reach`), what was recorded since the earliest of them: one trip to the thread pool for both, where a page or an
    /// API listing took one for the user and one more for the changes, queueing twice behind whatever else the pool was
    /// doing (issue 13's p99). A route that reads no kept listing reads no changes: they reached back to the earliest
    /// listing kept, on every request.
    func lookUp<A: Sendable>(
        changes reach: ChangesReach, _ lookup: @escaping @Sendable (Workspace) throws -> A
    ) async throws -> (A, LedgerChanges?) {
        let since: Int64?
        switch Office.records ? .none : reach {
        case .none: since = nil
        case .allKept: since = await listings.earliestKept()
        case .listings(let keys): since = await listings.earliestEvent(of: keys)
        }
        if let since, let onChangesRead { onChangesRead(since) }
        return try await perform(as: nil) { ws in
            (try lookup(ws), try since.map { try ChangesSince(event: $0).run(in: ws) })
        }
    }

    /// Runs one use case as `account`.
    func run<U: UseCase>(_ useCase: U, as account: Account?) async throws -> U.Result where U.Result: Sendable {
        try await perform(as: account) { try useCase.run(in: $0) }
    }

    /// Ends the sessions of users disabled, or whose password was set, since each session was last used: a request
    /// looks its user up and a disabled one is refused at once, but a session not used while its user was disabled (by
    /// `user disable` on the command line, which the server does not hear of) came back when the user was enabled
    /// again. `SessionSweep` runs this every few seconds.
    func sweepSessions() async {
        let users = sessions.signedInUsers()
        guard !users.isEmpty else { return }
        // A ledger that cannot be read now is looked at again at the next sweep; its requests say what is wrong.
        guard let found = try? await perform(as: nil, { ws in try users.map { ($0, try FindUser(name: $0).run(in: ws)) } }) else { return }
        for (name, user) in found {
            if let user, !user.account.disabled {
                sessions.closeAll(of: name, keeping: user.passwordStamp)
            } else {
                sessions.closeAll(of: name)
            }
        }
    }

    /// Today, for a request.
    var today: Day { settings.today() }
}

// MARK: - Kept listings

extension Office {
    /// The deliveries overdue as of `asOf`, kept (ListingCache) until an event the listing reads is recorded.
    /// `changes`: what the request read with its user (`lookUp`).
    func overdue(asOf: Day, as account: Account?, changes: LedgerChanges? = nil) async throws -> KeptRows<OverdueDelivery> {
        try await listings.value(.init(name: "overdue", asOf: asOf), reads: .overdue, office: self, as: account, changes: changes) {
            try KeptRows(try ListOverdue(asOf: asOf).run(in: $0))
        }
    }

    /// The letters waiting for a reply as of `asOf`, kept likewise.
    func unanswered(asOf: Day, as account: Account?, changes: LedgerChanges? = nil) async throws -> KeptRows<UnansweredLetter> {
        try await listings.value(.init(name: "unanswered", asOf: asOf), reads: .unanswered, office: self, as: account, changes: changes) {
            try KeptRows(try ListUnanswered(asOf: asOf).run(in: $0))
        }
    }
}
