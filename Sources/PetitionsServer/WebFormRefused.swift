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

/// A form whose body is over the limit (1 MiB; `OfficeContext.maxUploadSize`): nothing is recorded, and the answer is
/// 413 as a page of the site, as `FormOutOfDate`'s, leading back to the form's page (the API's 413 is its JSON error
/// body). Thrown by `OfficeContext.sentFields(_:)`; answered by `RefusedForms`.
struct FormTooLarge: Error {
    /// The page the form was sent from (the `Referer` a browser sends within this site), else the dashboard.
    var page: String

    init(_ request: Request) {
        page = Form.refererPage(request)
    }

    /// What the page says.
    static let sentence =
        "This form was too large to be read (a form may hold at most 1 MiB), so nothing was recorded: "
        + "open its page again and send it with less in it."
}

/// Answers `FormOutOfDate` and `FormTooLarge` with a page in the site's layout: the signed-in user's header and
/// navigation around the sentence and a link back to the form's page.
struct RefusedForms: RouterMiddleware {
    typealias Context = OfficeContext
    let web: Web

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let refused as FormOutOfDate {
            return refusal(FormOutOfDate.sentence, page: refused.page, title: "The form was out of date", status: .forbidden, context)
        } catch let refused as FormTooLarge {
            return refusal(FormTooLarge.sentence, page: refused.page, title: "The form was too large", status: .contentTooLarge, context)
        }
    }

    private func refusal(_ sentence: String, page: String, title: String, status: HTTPResponse.Status, _ context: Context) -> Response {
        let link = page == "/" ? "Back to the dashboard" : "Open the form's page again"
        let values: [String: Any] = ["text": sentence, "link": ["href": page, "label": link]]
        return web.page("message", title, values, context, status: status)
    }
}
