import Foundation
import Hummingbird
import PetitionsApp

/// The web pages' sessions: a cookie holding only a random id, the session on the server, its user looked up
/// on every request (a disabled user is signed out at once), and a CSRF token every form must send back.
struct SessionAuth: RouterMiddleware {
    typealias Context = OfficeContext
    static let cookie = "petitions_session"
    let office: Office

    func handle(_ request: Request, context: OfficeContext, next: (Request, OfficeContext) async throws -> Response) async throws -> Response {
        var context = context
        if let id = request.cookies[Self.cookie]?.value, let session = office.sessions.find(id) {
            context.session = session
            if let user = session.user {
                // A disabled user, or one whose password was set since the session began, is signed out.
                // Every page reads the office's name, kept (FreshOfficeName); some read kept listings besides.
                let reach: Office.ChangesReach =
                    Web.listingRoutes.contains(context.endpointPath ?? "") ? .allKept : .listings([Web.officeNameKey])
                let (found, changes) = try await office.lookUp(changes: reach) { try FindUser(name: user).run(in: $0) }
                if let found, !found.account.disabled, found.passwordStamp == session.passwordStamp {
                    context.account = found.account
                    context.changes = changes
                } else {
                    office.sessions.close(id)
                    context.session = nil
                }
            }
        }
        return try await next(request, context)
    }

    /// The `Set-Cookie` value for a session: HttpOnly, SameSite=Strict, Secure behind HTTPS.
    static func setCookie(_ session: WebSession, secure: Bool) -> String {
        "\(cookie)=\(session.id); Path=/; HttpOnly; SameSite=Strict\(secure ? "; Secure" : "")"
    }

    /// The `Set-Cookie` value that removes the session cookie.
    static func clearCookie(secure: Bool) -> String {
        "\(cookie)=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict\(secure ? "; Secure" : "")"
    }
}

extension OfficeContext {
    /// The signed-in user of a page, holding `role` or above; without one, a redirect (303) to the login page
    /// that comes back to `request`'s page.
    func signedIn(_ role: Role, _ request: Request) throws -> Account {
        guard let account else {
            let target = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
            throw Redirect.to("/login?next=" + Form.encode(target))
        }
        guard account.role.allows(role) else { throw APIFailure.forbidden(account, needs: role) }
        return account
    }

    /// A form's fields, when its `csrf_token` is this session's; else 403 (`RefusedForm`) and nothing is done. A body that is not a
    /// form (`text/plain`, JSON) is 415 before it is read: browsers send forms as `application/x-www-form-urlencoded`
    /// or, with `enctype`, `multipart/form-data` (whose text fields are read, a file part ignored).
    func form(_ request: Request) async throws -> RequestFields {
        let fields = try await sentFields(request)
        guard let session else { throw Self.sessionEnded(request) }
        guard let sent = fields["csrf_token"], Form.same(sent, session.csrf) else {
            throw RefusedForm(.outOfDate, request)
        }
        // A browser sends a textarea's line ends as CRLF (HTML's form encoding): the ledger's are LF, and a lone CR
        // stays the control character it is.
        return RequestFields(fields.mapValues { .string($0.replacingOccurrences(of: "\r\n", with: "\n")) })
    }

    /// A form's fields as sent, before its tokens are checked (`form(_:)` checks them; the login page reads them
    /// itself, to draw its form again when they are out of date).
    func sentFields(_ request: Request) async throws -> [String: String] {
        switch try Form.mediaType(request, allowed: ["application/x-www-form-urlencoded", "multipart/form-data"]) {
        case "multipart/form-data":
            let form = try await MultipartForm.read(
                request, limit: maxUploadSize, tooLarge: RefusedForm(.tooLarge, request),
                malformed: APIFailure.invalid("body", "The form did not arrive whole; send it again."))
            try form.refuseRepeated()
            // These forms' fields are all text: one sent as a file was dropped, and the record made without it.
            if let file = form.files.first { throw MultipartForm.fileForText(file.field) }
            return form.fields
        default:
            let body = try await Attachments.collect(
                request, limit: maxUploadSize, refusal: RefusedForm(.tooLarge, request))
            return try Form.fields(String(buffer: body))
        }
    }
}

extension OfficeContext {
    /// What a form sent without a live session gets (it ended: 12 hours idle, a log-out, a password set, the server
    /// restarted): nothing is recorded, and a redirect (303) to the login page, which says so and leads back to the
    /// form's page (the `Referer` a browser sends within this site) once logged in. The login form itself, sent from a
    /// page whose visitor's session was forgotten, is refused as a form without its security token.
    static func sessionEnded(_ request: Request) -> Error {
        guard request.uri.path != "/login" else {
            return Web.formRefused
        }
        return Redirect.to("/login?ended=form&next=" + Form.encode(Form.refererPage(request)))
    }

    /// The fields of `form` as its page drew it, checked as `form(_:)` checks them; a field the form does not have
    /// (a misspelt name from a script, another form's field) is 400 naming it and the form's fields, and nothing is
    /// done, as the API refuses a body's unknown key.
    /// `role`: what the signed-in user must be to send it, checked before a field is read (a reader is 403, whatever
    /// the form holds); without a user the form is read, and a session that ended is said as such (`form(_:)`).
    func form(_ request: Request, of form: WebForm, role: Role? = nil) async throws -> RequestFields {
        try await self.form(request, fields: form.fields.map(\.name) + form.hidden.keys, role: role)
    }

    /// The fields of a form whose fields are `names` (besides `csrf_token` and `form_token`), as `form(_:of:)`.
    func form(_ request: Request, fields names: [String], role: Role? = nil) async throws -> RequestFields {
        if let role, let account, !account.role.allows(role) { throw APIFailure.forbidden(account, needs: role) }
        let fields = try await form(request)
        try Self.refuseUnknown(fields, of: names)
        return fields
    }

    /// Refuses (400, naming it and the form's fields) a field that is not one of `names` nor a security token.
    static func refuseUnknown(_ fields: RequestFields, of names: [String]) throws {
        let known = Set(names + ["csrf_token", "form_token"])
        if let unknown = fields.values.keys.sorted().first(where: { !known.contains($0) }) {
            let has = names.isEmpty ? "it has none but its security tokens" : "its fields are \(names.joined(separator: ", "))"
            throw APIFailure.invalid(unknown, "\(quoted(String(unknown.prefix(100)))) is not a field of this form; \(has).")
        }
    }
}

/// A redirect (303 See Other), thrown to stop handling a request.
struct Redirect: Error {
    var location: String
    var cookie: String?

    static func to(_ location: String, cookie: String? = nil) -> Redirect { Redirect(location: location, cookie: cookie) }

    var response: Response {
        var headers: HTTPFields = [.location: location]
        if let cookie { headers[.setCookie] = cookie }
        return Response(status: .seeOther, headers: headers)
    }
}

/// `application/x-www-form-urlencoded`, read and written.
enum Form {
    /// Fields a form may repeat (a receipt's quantities, one per input), joined by line ends as `RequestFields.list`
    /// reads them.
    static let repeatable: Set<String> = ["quantity", "count", "dependant", "group"]

    /// The fields of a form a browser sent: a value that is not UTF-8 (`%FF`) is refused (`pairs`), and so is a field
    /// given twice that is not `repeatable` (400, naming the field) instead of being joined by a line end into one
    /// value the clerk never typed.
    static func fields(_ body: String) throws -> [String: String] {
        var out: [String: String] = [:]
        for (key, value) in try pairs(body) {
            if let old = out[key] {
                guard repeatable.contains(key) else {
                    throw APIFailure.invalid(key, "\(quoted(key)) is given more than once in the form; give it once.")
                }
                out[key] = old + "\n" + value
            } else {
                out[key] = value
            }
        }
        return out
    }

    /// Each `key=value` of a form's body or an address's query, decoded ("+" a space, `%XX` a byte), in order (a key
    /// given twice is there twice). A key or value whose bytes are not UTF-8 is 400 naming it, never read as U+FFFD.
    static func pairs(_ body: String) throws -> [(key: String, value: String)] {
        try body.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = RequestText.decoded(parts[0], plusIsSpace: true) else { throw RequestText.notUTF8("key", sent: String(parts[0])) }
            let raw = parts.count > 1 ? parts[1] : ""
            guard let value = RequestText.decoded(raw, plusIsSpace: true) else { throw RequestText.notUTF8(key, sent: String(raw)) }
            return (key, value)
        }
    }

    static func encode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// The media type of `request`'s body, lower-case and without parameters (`; charset=utf-8`), when it is one of
    /// `allowed`; else 415 naming what was sent, in the house's words.
    static func mediaType(_ request: Request, allowed: [String]) throws -> String {
        let given = request.headers[.contentType] ?? ""
        let type = (given.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? "").trimmingCharacters(in: .whitespaces)
            .lowercased()
        if allowed.contains(type) { return type }
        let wanted = allowed.joined(separator: " or ")
        throw APIFailure(
            status: .unsupportedMediaType,
            message: given.isEmpty
                ? "Content-Type: none was given; a form is sent as \(wanted)."
                : "Content-Type \(quoted(String(given.prefix(100)))): a form is sent as \(wanted).", field: "Content-Type")
    }

    /// Compares two tokens in time that does not depend on where they differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in 0..<x.count { diff |= x[i] ^ y[i] }
        return diff == 0
    }

    /// The page of this site a form was sent from: the path and query of the `Referer` a browser sends within the
    /// site, else the dashboard (`localPath`).
    static func refererPage(_ request: Request) -> String {
        let referer = request.headers[.referer].flatMap { URL(string: $0) }
        return localPath(referer.map { $0.path + ($0.query.map { "?" + $0 } ?? "") })
    }

    /// A path to go back to after logging in: only a path of this site (never `//host` or a full address).
    static func localPath(_ s: String?) -> String {
        // Printable ASCII only: browsers drop tabs and newlines from an address and read "\" as "/", so "/\t/evil.example"
        // or "/\\evil.example" would leave for another host.
        guard let s, s.hasPrefix("/"), !s.hasPrefix("//"), s.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && $0 != "\\" })
        else { return "/" }
        return s
    }
}
