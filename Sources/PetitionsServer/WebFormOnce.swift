import Foundation
import Hummingbird

/// Forms recorded once: every form a page draws carries a one-time `form_token`, so a double click, a reload or the
/// back button sending the same form again does not record twice.
extension Web {
    /// The longest a second sending waits for the first to finish before saying so (a double click sends both at once).
    static let formWait: Duration = .seconds(10)
    /// The longest `form_token` taken (the pages draw 32 hex digits).
    static let formTokenLimit = 64
    /// What the page says when a form came with a token the server did not give this session, or one already used by
    /// the form as first sent (Back, a typo put right, sent again).
    static let unknownFormToken =
        "Nothing was recorded: the one-time form_token sent with this form was used already by an earlier sending, or was not given to you by this server, or was given too long ago; fill in the form again below."

    /// What a form held (its fields but the tokens, and its file's name and bytes), to tell a form sent twice as it was
    /// (a double click, a reload) from one changed after it was recorded. Within one process only, as the tokens are.
    static func formContent(_ fields: [String: String], file: MultipartForm.File? = nil) -> Int {
        var hasher = Hasher()
        for key in fields.keys.sorted() where key != "csrf_token" && key != "form_token" {
            hasher.combine(key)
            hasher.combine(fields[key])
        }
        if let file {
            hasher.combine(file.name)
            hasher.combine(file.bytes)
        }
        return hasher.finalize()
    }

    /// What the `form` template draws for `form` on a page for `context`'s session: with its CSRF token and, for a
    /// form that records, a new one-time token the server keeps as given to this session (`SessionStore.issueForm`).
    func values(of form: WebForm, _ context: OfficeContext) -> [String: Any] {
        let token = form.needsToken ? context.session.flatMap { office.sessions.issueForm(in: $0.id) } : nil
        return form.values(csrf: context.session?.csrf ?? "", formToken: token)
    }

    /// Runs `body` for a form sent with `token` (its `form_token`) when the server gave that token to this session
    /// with `page` (the page that carries the form) and it is unused; again after it was recorded, unchanged (its
    /// `content`, `formContent`), a redirect (303) to the page the first sending led to, recording nothing; changed,
    /// nothing recorded either, said as for a token the server did not give (below); again while the first is being recorded, after
    /// waiting for it. A sending that was refused (the form back with its errors, or an error) leaves the token
    /// unused, so the form corrected may be sent again. A token the server did not give this session (invented, from
    /// another session, or given so long ago that it was forgotten) records nothing: a redirect (303) to `page`, which
    /// says so above a fresh form. An over-long token records nothing: 400, saying to reload the page.
    /// A form sent without the field (or with it empty) is recorded as sent, without the once-only guard: the issue names `csrf_token` as what every form
    /// carries (checked before this), and a script posting the fields the issue names knows no other token; a page's
    /// forms always send theirs, so a browser's double click is still recorded once.
    /// `shown` is where a form answered with a page rather than a redirect (adding a user) leads when sent again.
    func once(
        _ token: String?, content: Int, _ context: OfficeContext, form page: String, shown: String, _ body: () async throws -> Response
    ) async throws -> Response {
        guard let token, !token.isEmpty else { return try await body() }
        guard token.utf8.count <= Web.formTokenLimit, let session = context.session else {
            throw APIFailure(
                status: .badRequest,
                message: "form_token: this form came without the one-time token its page gives it; reload the page and send the form again.",
                field: "form_token")
        }
        let sessions = office.sessions
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: Web.formWait)
        claiming: while true {
            switch sessions.claim(form: token, in: session.id, content: content) {
            case .granted: break claiming
            case .done(let location): throw Redirect.to(location)
            case .unknown, .changed:
                inform([Web.unknownFormToken], context)
                throw Redirect.to(page)
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
