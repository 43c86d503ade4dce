import Hummingbird
import PetitionsApp

/// What a request carries through the server: Hummingbird's own state and the user it was authenticated as.
public struct OfficeContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in user, once a token or a session has named one.
    public var account: Account?
    /// The session of a web request, once the session middleware found one.
    var session: WebSession?
    /// For a request that only reads, on a route that reads kept listings (`API.listingRoutes`, `Web.listingRoutes`):
    /// what was recorded since the earliest of them, read in the same trip to the thread pool as the user
    /// (`Office.lookUp`), so that its kept listings need no trip of their own to ask.
    var changes: LedgerChanges?
    /// The day a page was asked for as of (`?as_of=`), when it was and the page takes one: the menu's links to the
    /// pages that take it (the dashboard, the deliveries) keep it, so following them does not drop the day.
    var asOf: Day?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// The most a request body may hold (attachments excepted): 1 MiB, past which the answer is 413.
    public var maxUploadSize: Int { 1 << 20 }
}
