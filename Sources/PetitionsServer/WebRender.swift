import Foundation
import Hummingbird
import Mustache
import PetitionsApp

/// Renders the web application's pages from its Mustache templates.
struct WebRender: Sendable {
    let library: MustacheLibrary

    init() {
        var library = MustacheLibrary()
        for (name, text) in WebTemplates.all {
            // The templates are the program's own text: one that does not parse is a bug the tests catch at once.
            if let template = try? MustacheTemplate(string: text) { library.register(template, named: name) }
        }
        self.library = library
    }

    /// A whole page: `template` rendered with `values`, inside the layout.
    func page(
        _ template: String, title: String, values: [String: Any], context: OfficeContext, ledger: String, status: HTTPResponse.Status = .ok,
        notices: [String] = []
    ) -> Response {
        var values = values
        values["csrf"] = context.session?.csrf ?? ""
        return page(
            body: body(template, values: values), title: title, context: context, ledger: ledger, status: status, notices: notices,
            alert: values["alert"] as? String)
    }

    /// What `template` draws of `values`, without the layout. The session's CSRF token is there only if `values`
    /// holds it: a body drawn without it may be kept and shown to every session (the dashboard's).
    func body(_ template: String, values: [String: Any]) -> String {
        var values = WebRender.withPartyPaths(values)
        // Mustache cannot ask whether a list has rows: each list gets a flag to open its table with.
        let lists = [
            ("overdue", "hasOverdue"), ("waiting", "hasWaiting"), ("rows", "hasRows"), ("letters", "hasLetters"), ("attachments", "hasAttachments"),
            ("notes", "hasNotes"), ("hits", "hasHits"), ("lines", "hasLines"), ("receipts", "hasReceipts"), ("counts", "hasCounts"),
            ("members", "hasMembers"), ("groups", "hasGroups"), ("dependants", "hasDependants"), ("chain", "hasChain"),
        ]
        for (key, flag) in lists {
            if let list = values[key] as? [Any] { values[flag] = !list.isEmpty }
        }
        return library.render(values, withTemplate: template) ?? ""
    }

    /// A whole page around a `body` already drawn: the layout, with the signed-in user and the notices, and the title
    /// as its heading unless `heading` is false (a body with its own); `alert`, a refusal no form on the page shows
    /// beside its field (the form's record is gone), above the body.
    func page(
        body: String, title: String, context: OfficeContext, ledger: String, status: HTTPResponse.Status = .ok, notices: [String] = [],
        heading: Bool = true, alert: String? = nil
    ) -> Response {
        let html = layout(body: body, title: title, context: context, ledger: ledger, notices: notices, heading: heading, alert: alert)
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// A whole page around a body that `write` hands over in chunks (the status report, hundreds of megabytes of HTML
    /// at a million letters, which is never held whole): the layout is drawn around a mark, and the page is sent as it
    /// is written, the body's chunks in the mark's place (`StreamedAnswer`).
    func page(
        writing write: @escaping @Sendable (_ sink: ([UInt8]) throws -> Void) throws -> Void, title: String, context: OfficeContext,
        ledger: String, notices: [String] = [], heading: Bool = true
    ) -> Response {
        let html = layout(body: WebRender.bodyMark, title: title, context: context, ledger: ledger, notices: notices, heading: heading, alert: nil)
        // Every text the layout draws is escaped, so the mark's `<` appears only where the body goes (the layout is
        // the program's own: the tests see it hold the mark).
        let mark = html.range(of: WebRender.bodyMark) ?? html.endIndex..<html.endIndex
        let (before, after) = (Array(html[..<mark.lowerBound].utf8), Array(html[mark.upperBound...].utf8))
        return StreamedAnswer.response(headers: [.contentType: "text/html; charset=utf-8"]) { sink in
            try sink(before)
            try write(sink)
            try sink(after)
        }
    }

    /// Where `page(writing:)` puts its body in the layout.
    static let bodyMark = "<petitions-body/>"

    /// The layout drawn around `body`: the signed-in user and the notices, the title as its heading unless `heading`
    /// is false (a body with its own); `alert`, a refusal no form on the page shows beside its field, above the body.
    private func layout(
        body: String, title: String, context: OfficeContext, ledger: String, notices: [String], heading: Bool, alert: String?
    ) -> String {
        var layout: [String: Any] = ["title": title, "body": body, "ledger": ledger, "notices": notices, "heading": heading]
        if let alert { layout["alert"] = alert }
        if let account = context.account {
            layout["user"] =
                [
                    "name": account.name, "role": account.role.rawValue, "admin": account.role == .admin, "csrf": context.session?.csrf ?? "",
                    "asOfQuery": context.asOf.map { "?as_of=\($0)" } ?? "",
                ] as [String: Any]
        }
        return library.render(layout, withTemplate: "layout") ?? ""
    }

    func fragment(_ template: String, _ values: [String: Any]) -> String { library.render(values, withTemplate: template) ?? "" }

    /// The keys whose values the templates link to a party's page by (`recipient`, `from`, …).
    static let partyKeys: Set<String> = ["handle", "recipient", "supplier", "from", "to", "petitioner", "via", "authority"]

    /// `values` with the address of each party's page beside its handle, at every depth: `recipientPath` beside
    /// `recipient`, and so on (`Web.partyPath`). The templates link to a party only through these, never by writing
    /// `/parties/` before a handle, so a party whose handle is a word of the pages' addresses (`new`) is still reached.
    static func withPartyPaths(_ values: [String: Any]) -> [String: Any] {
        var out: [String: Any] = [:]
        for (key, value) in values {
            out[key] = withPartyPaths(value)
            if partyKeys.contains(key), let handle = value as? String { out[key + "Path"] = Web.partyPath(handle) }
        }
        return out
    }

    private static func withPartyPaths(_ value: Any) -> Any {
        if let dictionary = value as? [String: Any] { return withPartyPaths(dictionary) }
        if let list = value as? [Any] { return list.map(withPartyPaths) }
        return value
    }
}

/// A form as the templates draw it: fields with labels, what was typed, and the error beside its field.
struct WebForm {
    var action: String
    var legend: String?
    var submit: String
    var method = "post"
    var fields: [WebField]
    var hidden: [String: String] = [:]
    var formError: String?
    /// `multipart/form-data` for a form that sends a file.
    var enctype: String?
    /// Whether the form carries a one-time `form_token` (`Web.once`): every form that records something does; the
    /// login form, which records nothing, does not.
    var once = true

    /// Whether a drawing of this form needs a one-time token.
    var needsToken: Bool { once && method.lowercased() == "post" }

    /// Puts back what was typed, and the error of a refused submission beside its field (else above the form).
    mutating func refill(_ typed: [String: String], error: APIFailure?) {
        for i in fields.indices {
            if let v = typed[fields[i].name] { fields[i].value = v }
        }
        guard let error else { return }
        if let field = error.field, let i = fields.firstIndex(where: { $0.name == field }) {
            fields[i].error = error.message
        } else {
            formError = error.message
        }
    }

    /// What the `form` template draws; `formToken` is the one-time token the server gave the session for this
    /// drawing (`Web.values(of:_:)`), nil for a form that records nothing.
    func values(csrf: String, formToken: String?) -> [String: Any] {
        var v: [String: Any] = [
            "action": action, "submit": submit, "method": method, "csrf": csrf, "post": method.lowercased() == "post",
            "fields": fields.map { $0.values(form: action) },
            "hidden": hidden.sorted { $0.key < $1.key }.map { ["name": $0.key, "value": $0.value] },
        ]
        if let formToken { v["formToken"] = formToken }
        if let legend { v["legend"] = legend }
        if let enctype { v["enctype"] = enctype }
        if let formError { v["formError"] = formError }
        return v
    }
}

/// One field of a form.
struct WebField {
    enum Kind {
        case text, date, password, area, checkbox, file
        case select([(value: String, text: String)])
    }
    var name: String
    var label: String
    var kind: Kind = .text
    var value = ""
    var required = false
    var hint: String?
    var error: String?

    func values(form: String) -> [String: Any] {
        let id = (form + "/" + name).split(separator: "/").joined(separator: "-").map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        // What was typed goes back as typed, but a control character (a NUL sent by a script) as `\u0000`, never raw.
        var v: [String: Any] = ["id": id, "name": name, "label": label, "value": ControlCharacters.visible(value), "required": required]
        if let hint { v["hint"] = hint }
        if let error { v["error"] = error }
        switch kind {
        case .text:
            v["input"] = true
            v["type"] = "text"
        case .date:
            v["input"] = true
            v["type"] = "date"
        case .password:
            v["input"] = true
            v["type"] = "password"
        case .area: v["area"] = true
        case .file: v["file"] = true
        case .checkbox:
            v["checkbox"] = true
            v["checked"] = ["on", "true"].contains(value)
        case .select(let options):
            v["select"] = true
            v["options"] = options.map { ["value": $0.value, "text": $0.text, "selected": $0.value == value] as [String: Any] }
        }
        return v
    }
}
