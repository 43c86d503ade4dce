import Foundation
import Hummingbird
import PetitionsApp

/// The JSON API's petitions, letters and receipts: listings for readers, recording for clerks. A record made
/// answers 201 with the record as `show --format json` prints it.
extension API {
    static func addRecords(to api: RouterGroup<OfficeContext>, office: Office) {
        api.get("petitions") { request, context in
            _ = try context.require(.reader)
            let q = Query(request: request)
            let status = try q.text("status").map { try PetitionStatus(parsing: $0, field: "status") }
            // The same use case and sentences as `petition list --status --party --search`: an unknown party or a malformed
            // search is a 400, never an empty list.
            let list = ListPetitions(status: status, party: try q.text("party"), search: try q.text("search"))
            let paging = try Paging(q)
            return try paging.response(try await office.run(list, as: context.account), request: request)
        }
        api.get("petitions/:id") { _, context in
            _ = try context.require(.reader)
            let id = try pathID(context, "petition")
            return try await inPath { try JSONText.response(try await office.run(ShowPetition(petition: id), as: context.account)) }
        }
        api.post("petitions") { request, context in
            let account = try context.require(.clerk)
            let f = try await RequestFields.json(request, context: context, allowed: ["from", "to", "via", "subject", "on", "category"])
            let log = LogPetition(
                from: try f.required("from"), to: try f.required("to"), subject: try f.required("subject"), on: try f.requiredDay("on"),
                via: try f.text("via"), category: try f.text("category"))
            let (dossier, said) = try await office.perform(as: account) { ws in
                let p = try log.run(in: ws)
                // A day after today is warned of, as `petition log` warns of it, the petition kept all the same.
                return (try ShowPetition(petition: p.id).run(in: ws), try log.dateCheck.run(in: ws))
            }
            return try JSONText.created(dossier, warnings: said)
        }
        api.post("petitions/:id/status") { request, context in
            let account = try context.require(.clerk)
            let id = try pathID(context, "petition")
            let f = try await RequestFields.json(request, context: context, allowed: ["to", "on", "note"])
            let change = ChangePetitionStatus(
                petition: id, to: try PetitionStatus(parsing: try f.required("to"), field: "to"), on: try f.requiredDay("on"),
                note: try f.text("note"))
            // A day after today is refused (400 naming `on`), as `petition status` refuses it.
            let petition = try await inPath { try await office.perform(as: account) { try change.run(in: $0) } }
            return try JSONText.response(petition, warnings: [], status: .ok)
        }
        api.post("letters") { request, context in
            let account = try context.require(.clerk)
            let f = try await RequestFields.json(request, context: context, allowed: Letters.fields)
            let record = try Letters.record(f)
            let warnings = try Letters.warnings(f)
            let (letter, said) = try await office.perform(as: account) { ws in
                // Worked out before the letter is recorded, as `letter send` and `letter receive` do.
                let said = try warnings.run(in: ws)
                return (try record(ws), said)
            }
            return try JSONText.created(letter, warnings: said)
        }
        api.post("receipts") { request, context in
            let account = try context.require(.clerk)
            let f = try await RequestFields.json(request, context: context, allowed: ["decree", "recipient", "period", "on", "quantity", "note"])
            let period = try Period(parsing: try f.required("period"), field: "period")
            let on = try f.requiredDay("on")
            let receipt = RecordReceipt(
                decree: try f.required("decree"), recipient: try f.required("recipient"), period: period, on: on,
                quantities: try f.list("quantity"), note: try f.text("note"))
            let delivery = try await office.run(receipt, as: account)
            return try JSONText.created(delivery, warnings: ReceiptWarnings.check(delivery, period: period, on: on, today: office.today))
        }
    }
}

/// Recording a letter from a request's fields, for the API and the web form alike.
enum Letters {
    static let fields: Set<String> = [
        "direction", "from", "to", "on", "subject", "petition", "in_reply_to", "reply_within", "no_reply_expected", "channel", "summary",
    ]

    /// What `letter send` or `letter receive` would warn of for the letter `f` describes (a reply from another party
    /// than the one written to, a party that is none of the petition's), to be worked out before it is recorded.
    static func warnings(_ f: RequestFields) throws -> CheckLetter {
        let inReplyTo = try f.required("direction") == "received" ? try f.id("in_reply_to") : nil
        return CheckLetter(
            from: try f.required("from"), to: try f.required("to"), inReplyTo: inReplyTo, petition: try f.id("petition"), on: try f.day("on"))
    }

    /// The work of recording the letter `f` describes: sent (as `letter send`) or received (as `letter receive`).
    static func record(_ f: RequestFields) throws -> @Sendable (Workspace) throws -> Letter {
        let direction = try f.required("direction")
        let from = try f.required("from")
        let to = try f.required("to")
        let on = try f.requiredDay("on")
        let subject = try f.required("subject")
        let petition = try f.id("petition")
        let channel = try f.text("channel").map { try Channel(parsing: $0) } ?? .post
        let summary = try f.text("summary")
        switch direction {
        case "sent":
            // Read as an id (a number, as the document says), so that the sentence is about the direction, not the type.
            if try f.id("in_reply_to") != nil {
                throw APIFailure.invalid("in_reply_to", "in_reply_to: a letter sent answers nothing here; give it for a letter received.")
            }
            let noReply = try f.flag("no_reply_expected")
            let within = try f.text("reply_within").map { try Span(parsing: $0, field: "reply_within") }
            if noReply && within != nil {
                throw APIFailure.invalid("reply_within", "reply_within and no_reply_expected cannot be given together.")
            }
            let send = SendLetter(
                from: from, to: to, on: on, subject: subject, petition: petition, replyWithin: within, expectsReply: !noReply, channel: channel,
                summary: summary)
            return { try send.run(in: $0) }
        case "received":
            for key in ["reply_within", "no_reply_expected"] where f.values[key] != nil {
                throw APIFailure.invalid(key, "\(key): applies to a letter sent, not one received.")
            }
            let receive = ReceiveLetter(
                from: from, to: to, on: on, subject: subject, inReplyTo: try f.id("in_reply_to"), petition: petition, channel: channel,
                summary: summary)
            return { try receive.run(in: $0) }
        default:
            throw PetitionsError.invalid("direction", direction, "is not a direction; use sent or received")
        }
    }
}
