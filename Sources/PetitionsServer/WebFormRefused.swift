import Foundation
import Hummingbird

/// A form sent with a security token that is not its live session's (a page left open while the session's token
/// changed, a tampered or missing token): nothing is recorded, and the answer is 403 as a page of the site, in its
/// layout, saying in one sentence that the form was out of date and leading back to the form's page, as the login page
/// does of its own form (`Web.loginPageExpired`). Thrown by `OfficeContext.form(_:)`; answered by `RefusedForms`.
struct FormOutOfDate: Error {
    /// The page the form was sent from (the `Referer` a browser sends within this site), else the dashboard.
    var page: String

    init(_ request: Request) {
        page = Form.refererPage(request)
    }

    /// What the page says.
    static let sentence =
        "This form was out of date (its page was opened before you last logged in, or it was sent from elsewhere), so nothing was recorded: "
        + "open its page again, fill the form in and send it."
}

/// Answers `FormOutOfDate` with a page in the site's layout: the signed-in user's header and navigation around the
/// sentence and a link back to the form's page.
struct RefusedForms: RouterMiddleware {
    typealias Context = OfficeContext
    let web: Web

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let refused as FormOutOfDate {
            let link = refused.page == "/" ? "Back to the dashboard" : "Open the form's page again"
            let values: [String: Any] = ["text": FormOutOfDate.sentence, "link": ["href": refused.page, "label": link]]
            return web.page("message", "The form was out of date", values, context, status: .forbidden)
        }
    }
}
