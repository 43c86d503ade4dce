import Foundation
import Hummingbird
import PetitionsApp

/// The two listings of the dashboard in full, page by page: `/overdue` and `/unanswered` (`?as_of=DAY&page=N`),
/// from the same kept rows as the API (the dashboard reads only its first rows and counts, `FirstOverdue`).
extension Web {
    func addListings(to pages: RouterGroup<OfficeContext>) {
        pages.get("overdue") { request, context in try await self.overduePage(request, context) }
        pages.get("unanswered") { request, context in try await self.unansweredPage(request, context) }
    }

    func overduePage(_ request: Request, _ context: OfficeContext) async throws -> Response {
        let account = try context.signedIn(.reader, request)
        var context = context
        let q = Query(request: request)
        let asOf: Day
        switch try await attempt({ try q.day("as_of") }) {
        case .success(let day): (context.asOf, asOf) = (day, day ?? office.today)
        case .failure(let f): return asOfRefusal(request, context, f, template: "overdue", title: "Overdue deliveries")
        }
        let pager = try WebPager(q)
        async let kept = office.overdue(asOf: asOf, as: account, changes: context.changes)
        async let names = office.listings.value(.init(name: "names"), reads: .parties, office: office, as: account, changes: context.changes) {
            try Web.names($0)
        }
        let (rows, n) = (try await kept.rows, try await names)
        let range = try pager.range(of: rows.count)
        let values: [String: Any] = [
            "asOf": asOf.description, "action": "/overdue",
            "pager": pager.values(range, of: rows.count, path: "/overdue", keep: [("as_of", try q.text("as_of"))]),
            "overdue": rows[range].map { Web.overdueRow($0, names: n) },
        ]
        return page("overdue", "Overdue deliveries as of \(asOf.longDescription)", values, context)
    }

    func unansweredPage(_ request: Request, _ context: OfficeContext) async throws -> Response {
        let account = try context.signedIn(.reader, request)
        var context = context
        let q = Query(request: request)
        let asOf: Day
        switch try await attempt({ try q.day("as_of") }) {
        case .success(let day): (context.asOf, asOf) = (day, day ?? office.today)
        case .failure(let f): return asOfRefusal(request, context, f, template: "unanswered", title: "Letters waiting for a reply")
        }
        let pager = try WebPager(q)
        let rows = try await office.unanswered(asOf: asOf, as: account, changes: context.changes).rows
        let range = try pager.range(of: rows.count)
        let values: [String: Any] = [
            "asOf": asOf.description, "action": "/unanswered",
            "pager": pager.values(range, of: rows.count, path: "/unanswered", keep: [("as_of", try q.text("as_of"))]),
            "waiting": rows[range].map(Web.waitingRow),
        ]
        return page("unanswered", "Letters waiting for a reply as of \(asOf.longDescription)", values, context)
    }

    /// The page of a listing whose as-of day was refused: the day field, what was typed and the sentence beside it.
    func asOfRefusal(_ request: Request, _ context: OfficeContext, _ f: APIFailure, template: String, title: String) -> Response {
        var values = Web.asOfRefused(f, typed: Web.typedQuery(request, "as_of"))
        values["action"] = request.uri.path
        return page(template, title, values, context, status: f.status)
    }

    /// One overdue delivery as the tables show it.
    static func overdueRow(_ o: OverdueDelivery, names: [String: String]) -> [String: Any] {
        [
            "recipient": o.recipient, "recipientName": names[o.recipient] ?? o.recipient, "decree": o.decree, "period": o.period.description,
            "daysOverdue": o.daysOverdue, "severity": o.severity.rawValue, "shortfall": o.shortfall.map(\.text).joined(separator: "; "),
        ]
    }

    /// One letter waiting for a reply as the tables show it.
    static func waitingRow(_ w: UnansweredLetter) -> [String: Any] {
        [
            "sent": w.sent.description, "from": w.from, "fromName": w.fromName, "to": w.to, "toName": w.toName, "subject": w.subject,
            "due": w.due.description,
            "severity": w.severity?.rawValue ?? "not due", "petition": w.petition.map { String($0) } ?? false,
        ]
    }

    /// "25 of 12,926" and the link to the whole listing, for a dashboard table showing the first rows of `total`.
    static func shown(_ shown: Int, of total: Int, href: String) -> [String: Any] {
        ["text": "\(grouped(shown)) of \(grouped(total))", "href": href, "more": shown < total]
    }
}
