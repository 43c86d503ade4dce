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

    init(settings: ServerSettings) {
        self.settings = settings
        sessions = SessionStore()
        throttle = LoginThrottle()
        listings = ListingCache()
        ledger = SharedLedger()
    }

    /// Runs `body` in a workspace recording as `account`, off the event loop.
    func perform<T: Sendable>(as account: Account?, _ body: @escaping @Sendable (Workspace) throws -> T) async throws -> T {
        var opened = settings.workspace(actor: account?.name)
        opened.shared = ledger
        let workspace = opened
        return try await NIOThreadPool.singleton.runIfActive { try body(workspace) }
    }

    /// Runs one use case as `account`.
    func run<U: UseCase>(_ useCase: U, as account: Account?) async throws -> U.Result where U.Result: Sendable {
        try await perform(as: account) { try useCase.run(in: $0) }
    }

    /// Today, for a request.
    var today: Day { settings.today() }
}
