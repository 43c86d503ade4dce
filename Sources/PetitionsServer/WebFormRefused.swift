import Foundation
import Hummingbird

/// A form refused before anything is read of it, nothing recorded, answered as a page of the site in its layout with
/// one sentence and a link back to the form's page (`RefusedForms`), as the login page does of its own form
/// (`Web.loginPageExpired`). Thrown by `OfficeContext.form(_:)` and `sentFields(_:)`.
struct RefusedForm: Error {
    enum Reason {
        /// Sent with a security token that is not its live session's (a page left open while the session's token
        /// changed, a tampered or missing token): 403.
        case outOfDate
        /// A body over the limit (1 MiB; `OfficeContext.maxUploadSize`): 413 (the API's 413 is its JSON error body).
        case tooLarge
    }

    var reason: Reason
    /// The page the form was sent from (the `Referer` a browser sends within this site), else the dashboard.
    var page: String

    init(_ reason: Reason, _ request: Request) {
        self.reason = reason
        page = Form.refererPage(request)
    }

    /// What the page says, its title and its status.
    var said: (sentence: String, title: String, status: HTTPResponse.Status) {
        switch reason {
        case .outOfDate:
            (
                "This form was out of date (its page was opened before you last logged in, or it was sent from elsewhere), so nothing was recorded: "
                    + "open its page again, fill the form in and send it.", "The form was out of date", .forbidden
            )
        case .tooLarge:
            (
                "This form was too large to be read (a form may hold at most 1 MiB), so nothing was recorded: "
                    + "open its page again and send it with less in it.", "The form was too large", .contentTooLarge
            )
        }
    }
}

/// Answers `RefusedForm` with a page in the site's layout: the signed-in user's header and navigation around the
/// sentence and a link back to the form's page.
struct RefusedForms: RouterMiddleware {
    typealias Context = OfficeContext
    let web: Web

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let refused as RefusedForm {
            let said = refused.said
            return refusal(said.sentence, page: refused.page, title: said.title, status: said.status, context)
        }
    }

    private func refusal(_ sentence: String, page: String, title: String, status: HTTPResponse.Status, _ context: Context) -> Response {
        let link = page == "/" ? "Back to the dashboard" : "Open the form's page again"
        let values: [String: Any] = ["text": sentence, "link": ["href": page, "label": link]]
        return web.page("message", title, values, context, status: status)
    }
}
