import Foundation
import Hummingbird

/// Forms recorded once: every form a page draws carries a one-time `form_token`, so a double click, a reload or the
/// back button sending the same form again does not record twice.
extension Web {
    /// The longest a second sending waits for the first to finish before saying so (a double click sends both at once).
    static let formWait: Duration = .seconds(10)
    /// The longest `form_token` taken (the pages draw 32 hex digits).
    static let formTokenLimit = 64

    /// Runs `body` for a form sent with `token` (its `form_token`): the first time as sent; again after it was
    /// recorded, a redirect (303) to the page the first sending led to, recording nothing; again while the first is
    /// being recorded, after waiting for it. A sending that was refused (the form back with its errors, or an error)
    /// frees the token, so the form corrected may be sent again. A form without a token (or with one no page draws)
    /// records nothing: 400, saying to reload the page, for every form the pages draw carries one.
    /// `shown` is where a form answered with a page rather than a redirect (adding a user) leads when sent again.
    func once(_ token: String?, _ context: OfficeContext, shown: String, _ body: () async throws -> Response) async throws -> Response {
        guard let token, !token.isEmpty, token.utf8.count <= Web.formTokenLimit, let session = context.session else {
            throw APIFailure(
                status: .badRequest,
                message: "form_token: this form came without the one-time token its page gives it; reload the page and send the form again.",
                field: "form_token")
        }
        let sessions = office.sessions
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: Web.formWait)
        while let use = sessions.claim(form: token, in: session.id) {
            switch use {
            case .done(let location): throw Redirect.to(location)
            case .running:
                guard clock.now < deadline else {
                    throw APIFailure(
                        status: .conflict,
                        message: "This form was sent twice and the first is still being recorded; reload the page in a moment to see it.")
                }
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        do {
            let response = try await body()
            if (200..<300).contains(response.status.code) {
                sessions.finish(form: token, in: session.id, at: shown)
            } else {
                sessions.release(form: token, in: session.id)
            }
            return response
        } catch let redirect as Redirect {
            sessions.finish(form: token, in: session.id, at: redirect.location)
            throw redirect
        } catch {
            sessions.release(form: token, in: session.id)
            throw error
        }
    }
}
