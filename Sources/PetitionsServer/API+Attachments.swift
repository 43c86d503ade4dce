import Foundation
import Hummingbird
import PetitionsApp

/// The JSON API's attachments: a file sent as the raw body of a request, or as the one file of a form, attached to a
/// letter (clerks), and an attachment's bytes downloaded (readers). The record is answered as `attachment list
/// --format json` gives it.
extension API {
    static func addAttachments(to api: RouterGroup<OfficeContext>, office: Office) {
        api.post("letters/:id/attachments") { request, context in
            let account = try context.require(.clerk)
            let id = try pathID(context, "letter")
            // An unknown letter is 404 before a byte of the file is read.
            _ = try await inPath { try await office.run(ShowLetter(letter: id), as: account) }
            let q = Query(request: request)
            let given = try q.text("name")
            let title = try q.text("title")
            let on = try q.day("on") ?? office.today
            let limit = try await office.run(AttachmentLimit(), as: account)
            let (name, body) = try await Attachments.upload(request, name: given, limit: limit)
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
