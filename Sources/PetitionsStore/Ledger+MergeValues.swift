import Foundation
import PetitionsDomain

extension Ledger {
    // MARK: - Values no ledger could record

    /// The kinds of event that make a record under the payload's `handle`.
    static let handleMakingKinds: Set<String> = [
        LedgerEvent.Kind.authorityAdded.rawValue, LedgerEvent.Kind.groupAdded.rawValue, LedgerEvent.Kind.petitionerAdded.rawValue,
        LedgerEvent.Kind.decreeAdded.rawValue,
    ]

    /// Refuses the whole log, naming the line, the event, its field and the problem, when one of its events holds a value that
    /// no ledger could have recorded: a text longer than `TextLimits` allows (or a line break in a one-line value), a
    /// record's handle that is not a handle, or a typed value the recording command would refuse (`checkValues`). That
    /// is a fault of the log, not this ledger having moved on since it was written, so it is never kept "without
    /// effect" (with everything that depends on it, and the right log refused ever after for differing from it).
    /// An attachment's bytes (`content`, base64) are bounded by `attachmentBytes`, as a file attached here is, not by the
    /// limit on a text: a 2 MB scan is 2.7 million characters of base64.
    func refuseBadValues(_ events: [ExchangedEvent], source: String, map: [String: String], attachmentBytes: Int) throws {
        let attachmentKind = LedgerEvent.Kind.attachmentAdded.rawValue
        for e in events {
            guard case .object(var payload) = e.payload else { continue }
            do {
                if e.kind == attachmentKind { try Ledger.refuseOverLimit(&payload, attachmentBytes: attachmentBytes) }
                try Ledger.refuseLongText(in: payload)
                if Ledger.handleMakingKinds.contains(e.kind), case .string(let handle)? = payload["handle"] {
                    _ = try Handle.validate(handle, field: "handle")
                    // As `petitioner add` refuses it; a party the log names so is merged under another handle (--map).
                    if e.kind != LedgerEvent.Kind.decreeAdded.rawValue { try Handle.refuseReserved(map[handle] ?? handle, field: "handle") }
                }
                // An event that does not read is refused, with its line, when it is replayed.
                if let event = try? LedgerEvent(kind: e.kind, payload: e.payload) {
                    let day = try Day(parsing: e.day)
                    try checkValues(of: event, on: day)
                    try refuseAfterToday(event, on: day)
                }
            } catch let error as PetitionsError {
                // The field's own name and value lead the sentence (`name is 1,001 characters long`), after the event.
                let message = Ledger.inPayloadTerms(error.message)
                throw PetitionsError("\(source) line \(e.line) (event \(e.uuid), \(e.kind)): \(message) Nothing was imported.")
            }
        }
    }

    /// Refuses an `attachment.added` payload whose file is over `attachmentBytes` (its `size`, or its base64 `content`
    /// longer than that many bytes take), naming the key; then takes `content` out of `payload`, whose texts are checked
    /// against `TextLimits` next.
    static func refuseOverLimit(_ payload: inout [String: JSONValue], attachmentBytes: Int) throws {
        let megabytes = attachmentBytes >> 20
        let over = "over the limit of \(megabytes) MB for an attachment here (max_attachment_mb in the configuration)."
        if case .int(let size)? = payload["size"], size > attachmentBytes {
            throw PetitionsError("size is \(Quantity.grouped(Decimal(size))) bytes, \(over)", field: "size", kind: .invalid)
        }
        if case .string(let content)? = payload.removeValue(forKey: "content"), content.utf8.count > (attachmentBytes + 2) / 3 * 4 {
            throw PetitionsError(
                "content is \(Quantity.grouped(Decimal(content.utf8.count))) characters of base64, more than a file of at most \(megabytes) MB takes; the file is \(over)",
                field: "content", kind: .invalid)
        }
    }

    /// Refuses an event dated after today that its command refuses so dated (`refuseAfterToday`): a party recorded or
    /// corrected, a member joining or leaving, a household changed, a receipt or a letter voided, an attachment
    /// removed, a petition corrected or its status changed. A day of grace, as for `recorded_at`: the other office's today may already be tomorrow here.
    func refuseAfterToday(_ event: LedgerEvent, on day: Day) throws {
        let what: String
        switch event {
        case .authorityAdded, .groupAdded, .petitionerAdded: what = "a new party"
        case .partyUpdated, .petitionUpdated: what = "a correction"
        case .groupJoined: what = "a member joining a group"
        case .groupLeft: what = "a member leaving a group"
        case .dependantAdded, .dependantRemoved: what = "a change to a household"
        case .receiptVoided, .letterVoided: what = "a void"
        case .attachmentRemoved: what = "a removal"
        case .petitionStatusChanged: what = "a change of status"
        default: return
        }
        guard day > context.today.adding(days: 1) else { return }
        try refuseAfterToday(day, field: "day", what)
    }

    /// Each typed value of `event`, recorded `on` (a day, a span, a period, a channel, a quantity, a ration, a due day,
    /// a file name), through the same check the recording command makes of it. Throws that check's refusal.
    func checkValues(of event: LedgerEvent, on: Day) throws {
        func day(_ text: String?, _ key: String) throws { _ = try text.map { try Day(parsing: $0, field: key) } }
        func span(_ text: String?, _ key: String) throws { _ = try text.map { try Span(parsing: $0, field: key) } }
        func period(_ text: String?, _ key: String) throws { _ = try text.map { try Period(parsing: $0, field: key) } }
        func channel(_ text: String?) throws { _ = try text.map { try Channel(parsing: $0) } }
        switch event {
        case .authorityAdded(let p):
            _ = try Ledger.checkName(p.name, field: "name")
            try span(p.replyWithin, "reply_within")
            if let parent = p.parent, parent == p.handle {
                throw PetitionsError.invalid("parent", parent, "is the authority itself; an authority cannot be its own parent")
            }
        case .letterSent(let p):
            try day(p.on, "on")
            try span(p.replyWithin, "reply_within")
            // A window past the last day petitions counts was stored with its due day clamped to 9999-12-31.
            if p.expectsReply != false, let text = p.replyWithin {
                try Span(parsing: text, field: "reply_within").refusePastTheEnd(from: on, field: "reply_within")
            }
            try channel(p.channel)
        case .letterReceived(let p):
            try day(p.on, "on")
            try channel(p.channel)
        case .letterExtended(let p): try span(p.by, "by")
        case .groupAdded(let p): _ = try Ledger.checkName(p.name, field: "name")
        case .petitionerAdded(let p):
            _ = try Ledger.checkName(p.name, field: "name")
            try Ledger.refuseDependantTwice(p.dependants ?? [])
        case .decreeAdded(let p):
            _ = try Ledger.checkName(p.name, field: "name")
            try day(p.issued, "issued")
            try day(p.effectiveFrom, "effective_from")
            try day(p.effectiveTo, "effective_to")
            if let d = p.dueDay { try Decree.checkDueDay(Int(clamping: d)) }
            for r in p.rations ?? [] { _ = try parseRation(r) }
        case .enrolmentAdded(let p):
            try day(p.from, "from")
            try day(p.to, "to")
        case .enrolmentEnded(let p): try day(p.on, "on")
        case .deliveryScheduled(let p):
            try period(p.from, "from")
            try period(p.to, "to")
            for q in p.periods ?? [] { try period(q, "periods") }
        case .deliveryReceived(let p):
            try period(p.period, "period")
            try day(p.on, "on")
            // The receipt counts from `on`, the event's day from `day`: `delivery receive` records one day for both.
            if let text = p.on, text != on.description {
                throw PetitionsError.invalid("on", text, "is not the event's day \(on); a receipt is recorded on the day it came, as its day")
            }
            for q in p.quantities ?? [] { _ = try Quantity(parsing: q, field: "--quantity", units: units) }
        case .deliveryCancelled(let p): try period(p.period, "period")
        case .attachmentAdded(let p): _ = try FileName.checked(p.name)
        case .partyUpdated(let p):
            if case .string(let text)? = p.after["reply_within"] { try span(text, "reply_within") }
            if case .string(let parent)? = p.after["parent"], parent == p.handle {
                throw PetitionsError.invalid("parent", parent, "is the authority itself; an authority cannot be its own parent")
            }
        case .ledgerInitialized, .petitionLogged, .petitionStatusChanged, .letterVoided, .importCompleted,
            .settingChanged, .rulesApplied, .findingRaised, .findingCleared, .groupJoined, .groupLeft, .dependantAdded, .dependantRemoved,
            .petitionUpdated, .petitionNoted, .receiptVoided, .attachmentRemoved:
            break
        }
    }

    // MARK: - Maps the log has no use for

    /// Refuses a `--map THEIRS=OURS` whose THEIRS no event of the log uses: a handle mistyped would otherwise map
    /// nothing, unseen, and the record it meant be merged under its own handle.
    static func refuseUnusedMaps(_ map: [String: String], events: [ExchangedEvent], source: String) throws {
        guard !map.isEmpty else { return }
        var used: Set<String> = []
        for e in events {
            guard let event = try? LedgerEvent(kind: e.kind, payload: e.payload) else { continue }
            if case .ledgerInitialized(let p) = event { used.insert(Schema.officeHandleBase(p.office)) }
            _ = event.mappingHandles { handle in
                used.insert(handle)
                return handle
            }
        }
        let unused = map.keys.filter { !used.contains($0) }.sorted()
        guard !unused.isEmpty else { return }
        let names = unused.map { quoted($0) }.joined(separator: ", ")
        throw PetitionsError(
            "--map: \(source) uses no handle \(names), so \(unused.count == 1 ? "that map maps" : "those maps map") nothing; leave \(unused.count == 1 ? "it" : "them") out or correct \(unused.count == 1 ? "it" : "them"). Nothing was imported.",
            field: "--map", kind: .invalid)
    }
}
