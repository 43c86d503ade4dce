import Foundation
import Hummingbird
import PetitionsApp

/// Files on the petition page: a download for anyone signed in, and the form (multipart, with its CSRF token) by
/// which a clerk attaches a file to one of the petition's letters.
extension Web {
    func addAttachments(to pages: RouterGroup<OfficeContext>) {
        pages.get("attachments/:id") { request, context in
            _ = try context.signedIn(.reader, request)
            let id = try pathID(context, "attachment")
            let (attachment, bytes) = try await Attachments.fetch(id, office: office, as: context.account)
            return Attachments.download(attachment, bytes)
        }
        pages.post("petitions/:id/attachments") { request, context in try await self.attachFile(request, context) }
        pages.post("petitions/:id/remove-attachment") { request, context in try await self.removeAttachment(request, context) }
    }

    /// The form that takes a file off the petition or one of its letters (`attachment remove`): the bytes stay in the
    /// ledger until `compact`, and the event names the clerk.
    func removeAttachmentForm(_ id: Int64, attachments: [Attachment]) -> WebForm {
        Web.undoForm(
            action: "/petitions/\(id)/remove-attachment", legend: "Remove an attachment", submit: "Remove the attachment",
            field: "attachment", label: "Attachment", choices: attachments.map { (String($0.id), "\($0.id): \($0.name)") },
            reason: "Why it is removed")
    }

    func removeAttachment(_ request: Request, _ context: OfficeContext) async throws -> Response {
        let id = try pathID(context, "petition")
        let fields = try await context.form(request, of: removeAttachmentForm(id, attachments: []), role: .clerk)
        let account = try context.signedIn(.clerk, request)
        return try await undoChosen(fields, context, page: "/petitions/\(id)", field: "attachment", verb: "remove") { attachment in
            let remove = RemoveAttachment(id: attachment, reason: try fields.required("reason"), on: try fields.day("on") ?? office.today)
            return try await inPath {
                try await office.perform(as: account) { ws in
                    // One of this petition's files, or of its letters': as the page lists them.
                    var files = try ListAttachments(petition: id).run(in: ws)
                    for letter in try ShowPetition(petition: id).run(in: ws).letters {
                        files += try ListAttachments(letter: letter.id).run(in: ws)
                    }
                    guard files.contains(where: { $0.id == attachment }) else {
                        throw PetitionsError.invalid(
                            "attachment", String(attachment), "is not a file of petition \(id) or its letters; choose one of its attachments")
                    }
                    return try remove.run(in: ws)
                }
            }
        } refused: { f in
            try await petitionPage(request, context, id: id, refill: ("/petitions/\(id)/remove-attachment", fields.texts, f))
        } done: { a in
            "Removed attachment \(a.id) (\(a.name)); its bytes stay in the ledger until petitions compact."
        }
    }

    func attachmentForm(_ id: Int64, letters: [Letter], limitMB: Int) -> WebForm {
        var form = WebForm(
            action: "/petitions/\(id)/attachments", legend: "Attach a file", submit: "Attach the file",
            fields: [
                WebField(
                    name: "letter", label: "To the letter", kind: .select(letters.map { (String($0.id), "\($0.id): \($0.on) \($0.subject)") }),
                    value: letters.last.map { String($0.id) } ?? ""),
                WebField(name: "file", label: "File", kind: .file, required: true, hint: "at most \(limitMB) MB"),
                WebField(name: "title", label: "Title (optional)"),
                WebField(name: "on", label: "Attached on", kind: .date, hint: "today when left empty"),
            ])
        form.enctype = "multipart/form-data"
        return form
    }

    static let formRefused = APIFailure(
        status: .forbidden, message: "The form was refused: its security token is missing or out of date. Reload the page and try again.")

    func attachFile(_ request: Request, _ context: OfficeContext) async throws -> Response {
        // Without a session there is no token to match: refused before a byte of the file is read.
        guard let session = context.session else { throw OfficeContext.sessionEnded(request) }
        let account = try context.signedIn(.clerk, request)
        // A file comes only in a multipart form; another form is read (it has no file, which is said beside the field).
        _ = try Form.mediaType(request, allowed: ["multipart/form-data", "application/x-www-form-urlencoded"])
        let id = try pathID(context, "petition")
        let action = "/petitions/\(id)/attachments"
        let limit = try await office.run(AttachmentLimit(), as: account)
        let form: MultipartForm
        do {
            // The file and a few small fields: the limit, and 64 KiB for the rest of the form.
            form = try await MultipartForm.read(
                request, limit: limit.bytes + 64 * 1024, tooLarge: Attachments.tooLarge(limit, name: nil),
                declared: { Attachments.tooLarge(limit, name: nil, declared: $0, what: "the form with it") },
                malformed: APIFailure.invalid("file", "file: the form did not arrive whole; choose the file and send the form again."))
        } catch let failure as APIFailure where failure.status != .forbidden {
            return try await petitionPage(request, context, id: id, refill: (action, [:], failure))
        }
        guard let sent = form.fields["csrf_token"], Form.same(sent, session.csrf) else { throw RefusedForm(.outOfDate, request) }
        try form.refuseRepeated()
        let typed = form.fields.filter { $0.key != "csrf_token" && $0.key != "form_token" }
        // A field the form does not have is refused, as every other form's (`OfficeContext.form(_:of:)`).
        let names = attachmentForm(id, letters: [], limitMB: 0).fields.map(\.name)
        if let unknown = (Array(typed.keys) + form.files.map(\.field)).sorted().first(where: { !names.contains($0) }) {
            throw APIFailure.invalid(
                unknown, "\(quoted(String(unknown.prefix(100)))) is not a field of this form; its fields are \(names.joined(separator: ", ")).")
        }
        if let text = form.files.first(where: { $0.field != "file" }) { throw MultipartForm.fileForText(text.field) }
        return try await once(
            form.fields["form_token"], content: Web.formContent(form.fields, file: form.files.first), context, form: "/petitions/\(id)", shown: action
        ) {
            try await attach(request, context, form, typed, account, id)
        }
    }

    func attach(
        _ request: Request, _ context: OfficeContext, _ form: MultipartForm, _ typed: [String: String], _ account: Account, _ id: Int64
    ) async throws -> Response {
        let action = "/petitions/\(id)/attachments"
        let limit = try await office.run(AttachmentLimit(), as: account)
        let outcome = try await attempt { () async throws -> [String] in
            guard let file = form.files.first(where: { $0.field == "file" }) else {
                throw APIFailure.invalid("file", "file: choose a file to attach.")
            }
            guard file.bytes.readableBytes <= limit.bytes else { throw Attachments.tooLarge(limit, name: file.name) }
            let fields = RequestFields(typed.mapValues { .string($0) })
            guard let letter = try fields.id("letter") else { throw APIFailure.invalid("letter", "letter: choose the letter to attach it to.") }
            let name: String
            // The use case names the file's name `name`, as the API's query does; the form's field is the file.
            do { name = try AttachBytes.checkedName(file.name) } catch let e as PetitionsError {
                let said = e.requestMessage.hasPrefix("name ") ? "file: its name " + e.requestMessage.dropFirst("name ".count) : e.requestMessage
                throw APIFailure.invalid("file", said)
            }
            let attach = AttachBytes(
                letter: letter, name: name, title: try fields.text("title"), bytes: Data(file.bytes.readableBytesView),
                on: try fields.day("on") ?? office.today)
            // A day after today, or before the letter's, is warned of as the API and `attach` warn of it, the file kept.
            return try await office.perform(as: account) { ws in
                guard try ShowLetter(letter: letter).run(in: ws).petition == id else {
                    throw PetitionsError.invalid("letter", String(letter), "is not a letter of petition \(id); choose one of its letters")
                }
                return try attach.runChecked(in: ws).warnings
            }
        }
        switch outcome {
        case .success(let said):
            notify(said, context)
            throw Redirect.to("/petitions/\(id)")
        case .failure(let failure): return try await petitionPage(request, context, id: id, refill: (action, typed, failure))
        }
    }
}
