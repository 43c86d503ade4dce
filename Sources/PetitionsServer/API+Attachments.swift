import Foundation
import Hummingbird
import PetitionsApp

/// The JSON API's attachments: a file sent as the raw body of a request attached to a letter (clerks), and an
/// attachment's bytes downloaded (readers). The record is answered as `attachment list --format json` gives it.
extension API {
    static func addAttachments(to api: RouterGroup<OfficeContext>, office: Office) {
        api.post("letters/:id/attachments") { request, context in
            let account = try context.require(.clerk)
            let id = try pathID(context, "letter")
            // An unknown letter is 404 before a byte of the file is read.
            _ = try await inPath { try await office.run(ShowLetter(letter: id), as: account) }
            try Attachments.refuseForm(request)
            let q = Query(request: request)
            guard let raw = try q.text("name") else {
                throw APIFailure.invalid("name", "name is missing; give the file's name in the address (?name=reply.pdf).")
            }
            let name = try AttachBytes.checkedName(raw)
            let title = try q.text("title")
            let on = try q.day("on") ?? office.today
            let limit = try await office.run(AttachmentLimit(), as: account)
            let body = try await Attachments.collect(
                request, limit: limit.bytes, refusal: Attachments.tooLarge(limit, name: name),
                declared: { Attachments.tooLarge(limit, name: name, declared: $0, what: "the file") })
            let attach = AttachBytes(letter: id, name: name, title: title, bytes: Data(body.readableBytesView), on: on)
            // A day after today, or before the letter's, is warned of as `attach` warns of it, the file kept all the same.
            let attached = try await inPath { try await office.perform(as: account) { try attach.runChecked(in: $0) } }
            return try JSONText.created(attached.attachment, warnings: attached.warnings)
        }
        api.get("attachments/:id") { _, context in
            _ = try context.require(.reader)
            let id = try pathID(context, "attachment")
            let (attachment, bytes) = try await Attachments.fetch(id, office: office, as: context.account)
            return Attachments.download(attachment, bytes)
        }
    }
}
