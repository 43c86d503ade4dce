import Foundation
import Hummingbird
import PetitionsApp

/// The web application: server-rendered pages, no JavaScript, forms named as the API's body keys.
struct Web: Sendable {
    let office: Office
    let render = WebRender()
    /// The office's name as the page header shows it, read again on the login page and the dashboard.
    let officeName = OfficeNameBox()
    /// The dashboard's body as last drawn from its listings.
    let drawn = DrawnDashboards()

    /// The pages whose handlers read kept listings besides the office's name (the dashboard's, the overdue deliveries,
    /// the parties' names) and pass `OfficeContext.changes` on to them: for these SessionAuth reads what was recorded
    /// since the earliest kept listing with the user; for every other page, since the office's name was read
    /// (`officeNameKey`, which FreshOfficeName reads before each page). As `API.listingRoutes`.
    static let listingRoutes: Set<String> = ["/", "/overdue", "/unanswered", "/deliveries", "/letters", "/parties"]

    /// The office's name as kept with the listings (`refreshOfficeName`).
    static let officeNameKey = ListingCache.Key(name: "office name")

    static func add(to router: Router<OfficeContext>, office: Office) {
        let web = Web(office: office)
        router.get("style.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: WebStyle.css)))
        }
        let pages = router.group().add(middleware: SessionAuth(office: office)).add(middleware: QueryKeys.web)
            .add(middleware: FreshOfficeName(web: web)).add(middleware: RefusedForms(web: web))
        pages.get("login") { request, context in try await web.loginPage(request, context) }
        pages.post("login") { request, context in try await web.logIn(request, context) }
        pages.post("logout") { request, context in try await web.logOut(request, context) }
        pages.get("/") { request, context in try await web.dashboard(request, context) }
        web.addPetitions(to: pages)
        web.addSupply(to: pages)
        web.addListings(to: pages)
        web.addRecords(to: pages)
        web.addParties(to: pages)
        web.addAdmin(to: pages)
        web.addAttachments(to: pages)
        web.addSearch(to: pages)
    }

    /// What the header names the ledger by: the office's name (`office set --name`), else the ledger's file name.
    var ledgerName: String { officeName.value ?? (office.settings.ledgerPath as NSString).lastPathComponent }

    /// Reads the office's name again when an event that may change it was recorded since it was last read (`office
    /// set` from the command line meanwhile): kept with the listings, so a page costs one small query for it.
    /// `changes`: what the request read with its user (`Office.lookUp`), when it did.
    func refreshOfficeName(changes: LedgerChanges?) async {
        let read = try? await office.listings.value(
            Web.officeNameKey, reads: .parties, office: office, as: nil, long: false, changes: changes
        ) {
            try OfficeName().run(in: $0)
        }
        if let name = read ?? nil { officeName.value = name }
    }

    func page(_ template: String, _ title: String, _ values: [String: Any], _ context: OfficeContext, status: HTTPResponse.Status = .ok) -> Response {
        let notices = context.session.map { office.sessions.takeNotices(in: $0.id) } ?? []
        return render.page(template, title: title, values: values, context: context, ledger: ledgerName, status: status, notices: notices)
    }

    /// A page around a body already drawn (the dashboard's, kept between views); without the layout's heading when
    /// the body has its own (the report's).
    func page(body: String, _ title: String, _ context: OfficeContext, heading: Bool = true) -> Response {
        let notices = context.session.map { office.sessions.takeNotices(in: $0.id) } ?? []
        return render.page(body: body, title: title, context: context, ledger: ledgerName, notices: notices, heading: heading)
    }

    /// A whole page around a body `write` hands over in chunks (the report), sent as it is written (`WebRender`).
    func page(writing write: @escaping @Sendable (_ sink: ([UInt8]) throws -> Void) throws -> Void, _ title: String, _ context: OfficeContext)
        -> Response
    {
        let notices = context.session.map { office.sessions.takeNotices(in: $0.id) } ?? []
        return render.page(writing: write, title: title, context: context, ledger: ledgerName, notices: notices, heading: false)
    }

    /// Keeps what a record just made warns of for the page the caseworker sees next.
    func notify(_ warnings: [String], _ context: OfficeContext) {
        inform(warnings.map { "Warning: " + $0 }, context)
    }

    /// Keeps sentences (what an action did, or that it changed nothing) for the page the user sees next.
    func inform(_ sentences: [String], _ context: OfficeContext) {
        if let session = context.session { office.sessions.notify(sentences, in: session.id) }
    }

    // MARK: - Logging in and out

    func loginForm(next: String) -> WebForm {
        WebForm(
            action: "/login", legend: nil, submit: "Log in",
            fields: [
                WebField(name: "name", label: "Name", required: true), WebField(name: "password", label: "Password", kind: .password, required: true),
            ],
            hidden: ["next": next], once: false)
    }

    /// The login page: a visitor gets a session of its own (no user yet) so that the form carries a CSRF token.
    /// `next`: where the form leads once logged in, as a refused form sent it; else the address's `next`.
    func loginPage(
        _ request: Request, _ context: OfficeContext, error: String? = nil, name: String = "", next: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        var context = context
        var cookie: String?
        if context.session == nil {
            let session = office.sessions.open(for: nil)
            context.session = session
            cookie = SessionAuth.setCookie(session, secure: office.settings.secureCookies)
        }
        var form = loginForm(next: Form.localPath(next ?? request.uri.queryParameters.get("next")))
        form.fields[0].value = name
        var values = self.values(of: form, context)
        if let error { values["error"] = error }
        if request.method == .get, request.uri.queryParameters.get("ended") != nil { values["ended"] = Web.sessionEndedNotice }
        var response = page("login", "Log in", values, context, status: status)
        if let cookie { response.headers[.setCookie] = cookie }
        return response
    }

    /// What the login page says after a form was sent once the session had ended (`OfficeContext.sessionEnded`).
    static let sessionEndedNotice =
        "Your session had ended, so the form you sent was not recorded. Log in, and you are taken back to its page to fill it in and send it again."

    /// What the login page says when its form came back with a security token that is out of date.
    static let loginPageExpired =
        "This login page was out of date (the server restarted, or it was open for hours, or you logged in from another page): "
        + "nothing was done. Give your password again and log in."

    func logIn(_ request: Request, _ context: OfficeContext) async throws -> Response {
        let sent = try await context.sentFields(request)
        // A page whose token is gone (its visitor's session forgotten: a restart, 12 hours, a log-in from another
        // page): the login page again, with a token of its own and the name and destination as sent; nothing is done.
        guard let page = context.session, let token = sent["csrf_token"], Form.same(token, page.csrf) else {
            return try await loginPage(
                request, context, error: Web.loginPageExpired, name: String((sent["name"] ?? "").prefix(200)), next: sent["next"], status: .forbidden)
        }
        let fields = RequestFields(sent.mapValues { .string($0) })
        try OfficeContext.refuseUnknown(fields, of: loginForm(next: "").fields.map(\.name) + ["next"])
        let name = (try fields.text("name") ?? "").trimmingCharacters(in: .whitespaces)
        let password = try fields.text("password") ?? ""
        // Read as sent: one that is not a path of this site (a control character in it too) leads to the dashboard.
        let sentNext: String? = if case .string(let s)? = fields.values["next"] { s } else { nil }
        let next = Form.localPath(sentNext)
        let refused = "The name or the password is not right, or the account is disabled."
        guard office.throttle.claim(name) else {
            return try await loginPage(
                request, context, error: "Too many failed attempts for this name: wait a minute and try again.", name: name, status: .tooManyRequests)
        }
        guard !name.isEmpty, let user = try await office.run(LogIn(name: name, password: password), as: nil) else {
            return try await loginPage(request, context, error: refused, name: name, status: .unauthorized)
        }
        office.throttle.succeeded(name)
        if let old = context.session { office.sessions.close(old.id) }
        let session = office.sessions.open(for: user.account.name, passwordStamp: user.passwordStamp)
        throw Redirect.to(next, cookie: SessionAuth.setCookie(session, secure: office.settings.secureCookies))
    }

    func logOut(_ request: Request, _ context: OfficeContext) async throws -> Response {
        // Logging out of a session that has ended already is done.
        guard context.session != nil else { throw Redirect.to("/login", cookie: SessionAuth.clearCookie(secure: office.settings.secureCookies)) }
        _ = try await context.form(request, fields: [])
        if let session = context.session { office.sessions.close(session.id) }
        throw Redirect.to("/login", cookie: SessionAuth.clearCookie(secure: office.settings.secureCookies))
    }

    // MARK: - Dashboard

    struct Dashboard: Sendable, Equatable {
        var overdue: ListingHead<OverdueDelivery>
        var waiting: ListingHead<UnansweredLetter>
        var petitions: [PetitionStatus: Int]
    }

    /// The dashboard: the counts, the first rows of each listing with "N of M" and a link to the whole listing page
    /// by page, and the petitions by status. Its cost does not grow with the ledger's rows: each count is one SQL
    /// count, and the rules judge only the rows shown.
    func dashboard(_ request: Request, _ context: OfficeContext) async throws -> Response {
        let account = try context.signedIn(.reader, request)
        var context = context
        let query = Query(request: request)
        let asOf: Day
        let typed: String?
        switch try await attempt({ (try query.text("as_of"), try query.day("as_of")) }) {
        case .success(let (text, day)): (typed, asOf, context.asOf) = (text, day ?? office.today, day)
        // A day that is not one: the day field again with what was typed and the sentence beside it, and nothing else.
        case .failure(let f):
            return page("dashboard", "Dashboard", Web.asOfRefused(f, typed: Web.typedQuery(request, "as_of")), context, status: f.status)
        }
        let d = try await dashboardListings(asOf: asOf, account: account, changes: context.changes)
        let current = asOf == office.today
        let body = drawn.bodies.html(for: .init(asOf: asOf, typed: typed, current: current, dashboard: d)) {
            var values = Web.dashboardValues(d, asOf: asOf, typed: typed, current: current)
            values["overdueTable"] = drawn.overdueTables.html(
                for: .init(asOf: asOf, rows: d.overdue.rows, names: d.overdue.names)
            ) {
                render.body("overdue-table", values: ["overdue": d.overdue.rows.map { Web.overdueRow($0, names: d.overdue.names) }])
            }
            values["waitingTable"] = drawn.waitingTables.html(for: .init(asOf: asOf, rows: d.waiting.rows)) {
                render.body("waiting-table", values: ["waiting": d.waiting.rows.map(Web.waitingRow)])
            }
            return render.body("dashboard", values: values)
        }
        return page(body: body, "Dashboard as of \(asOf.longDescription)", context)
    }

    /// What the dashboard's template draws of its listings as of `asOf` (`typed`: the day as typed in the address).
    /// `current`: whether `asOf` is today. The petitions page lists each petition with its status today, so only then
    /// do the counts by status link to it; as of another day they are counted as they stood then, and said to be.
    static func dashboardValues(_ d: Dashboard, asOf: Day, typed: String?, current: Bool) -> [String: Any] {
        let statuses = PetitionStatus.allCases.map { s in ["status": s.rawValue, "count": d.petitions[s] ?? 0] as [String: Any] }
        let asOfQuery = typed.map { "?as_of=" + Form.encode($0) } ?? ""
        return [
            "asOf": asOf.description, "overdueCount": Web.grouped(d.overdue.total), "waitingCount": Web.grouped(d.waiting.total),
            "openCount": Web.grouped(d.petitions[.open] ?? 0),
            "overdueShown": Web.shown(d.overdue.rows.count, of: d.overdue.total, href: "/overdue" + asOfQuery),
            "waitingShown": Web.shown(d.waiting.rows.count, of: d.waiting.total, href: "/unanswered" + asOfQuery),
            // The tables themselves are drawn apart (`DrawnDashboards`); the lines above them need only know there are rows.
            "hasOverdue": !d.overdue.rows.isEmpty, "hasWaiting": !d.waiting.rows.isEmpty,
            "statuses": statuses, "current": current,
        ]
    }

    /// The dashboard's tables and counts as of `asOf`, each kept until an event it reads is recorded (ListingCache);
    /// worked out again, each is a few bounded queries (`FirstOverdue`, `FirstUnanswered`, `CountPetitions`), not
    /// the whole listing: recording letters (which the waiting letters read) costs a view a count and 25 letters.
    /// `given`: what the request read with its user (`Office.lookUp`), which serves when it reaches back far enough.
    func dashboardListings(asOf: Day, account: Account, changes given: LedgerChanges? = nil) async throws -> Dashboard {
        let cache = office.listings
        let rows = Web.dashboardRows
        let keys: [ListingCache.Key] = ["dashboard-overdue", "dashboard-waiting", "petition-counts"].map { .init(name: $0, asOf: asOf) }
        // What was recorded since the earliest of the three kept listings, read once for all three.
        var changes: LedgerChanges?
        if let earliest = await cache.earliestEvent(of: keys) {
            if let given, given.from <= earliest, given.last != nil {
                changes = given
            } else {
                changes = try await office.run(ChangesSince(event: earliest), as: account)
            }
        }
        let read = changes
        async let overdue = cache.value(keys[0], reads: .overdue, office: office, as: account, long: false, changes: read) {
            try FirstOverdue(asOf: asOf, limit: rows).run(in: $0)
        }
        async let waiting = cache.value(keys[1], reads: .unanswered, office: office, as: account, long: false, changes: read) {
            try FirstUnanswered(asOf: asOf, limit: rows).run(in: $0)
        }
        // As of the day: the petitions opened by then, each with the status it had that day (as the report counts).
        async let petitions = cache.value(keys[2], reads: .petitions, office: office, as: account, long: false, changes: read) {
            try CountPetitions(asOf: asOf).run(in: $0)
        }
        return Dashboard(overdue: try await overdue, waiting: try await waiting, petitions: try await petitions)
    }

    /// The values of a page whose as-of day was refused: the day field with what was typed and the error beside it.
    static func asOfRefused(_ failure: APIFailure, typed: String) -> [String: Any] {
        ["asOf": typed, "asOfError": failure.message, "refused": true]
    }

    /// What was typed for `key` in the address (the last of several), for putting back into a refused form.
    static func typedQuery(_ request: Request, _ key: String) -> String {
        ((try? Form.pairs(request.uri.query ?? "")) ?? []).last { $0.key == key }?.value ?? ""
    }

    /// The names of every party by handle, so pages show names, not only handles.
    static func names(_ ws: Workspace) throws -> [String: String] {
        var names: [String: String] = [:]
        for kind in [PartyKind.authority, .group, .person, .office] {
            for p in try ListParties(kind: kind).run(in: ws) { names[p.handle] = p.name }
        }
        return names
    }

    /// Runs `body`, turning a refusal of bad input into the failure to show beside the form.
    func attempt<T>(_ body: () async throws -> T) async throws -> Result<T, APIFailure> {
        do { return .success(try await body()) } catch let e as PetitionsError {
            return .failure(APIFailure.from(e))
        } catch let f as APIFailure where [.badRequest, .conflict, .notFound, .contentTooLarge].contains(f.status) {
            return .failure(f)
        }
    }
}

/// The office's name, shared by the requests of one server.
final class OfficeNameBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: String?
    var value: String? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

/// Every page's header names the office as `office set --name` left it, from the command line too: read again before
/// each page when an event was recorded since (a trial saw the old name on every page but the dashboard).
struct FreshOfficeName: RouterMiddleware {
    typealias Context = OfficeContext
    let web: Web

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        await web.refreshOfficeName(changes: context.changes)
        return try await next(request, context)
    }
}
