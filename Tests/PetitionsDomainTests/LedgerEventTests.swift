import Foundation
import PetitionsDomain
import Testing

@Suite("Ledger events") struct LedgerEventTests {
    /// One event of every kind, with optional values both given and absent.
    static let samples: [LedgerEvent] = [
        .ledgerInitialized(LedgerInitialized(office: "dmitrov", units: ["g", "funt"])),
        .authorityAdded(
            AuthorityAdded(handle: "moscow-supply", name: "Moscow supply centre", parent: "narkompochtel", replyWithin: "20 working days")),
        .groupAdded(GroupAdded(handle: "dmitrov-post", name: "Postal employees", district: nil, counts: ["employee": 125, "incapacitated": 140])),
        .petitionerAdded(
            PetitionerAdded(
                handle: "ivan", name: "Ivan Petrov", district: "Dmitrov", occupation: nil, groups: ["dmitrov-post"],
                dependants: [Dependant(name: "Maria", category: "incapacitated")])),
        .petitionLogged(
            PetitionLogged(from: "dmitrov-post", to: "moscow-supply", via: nil, subject: "Provisions", category: "supply", opened: "1920-01-20")),
        .petitionStatusChanged(PetitionStatusChanged(petition: 1, from: "open", to: "answered", note: nil)),
        .letterSent(
            LetterSent(
                from: "dmitrov-post", to: "moscow-supply", on: "1920-01-20", subject: "Appeal", petition: 1, channel: "post",
                expectsReply: true, replyWithin: nil, restartsClock: false, body: "Dear comrades")),
        .letterReceived(
            LetterReceived(
                from: "moscow-supply", to: "dmitrov-post", on: "1920-03-10", subject: "Dispatched", petition: 1, inReplyTo: 2,
                channel: "telegraph", summary: "On its way")),
        .letterVoided(LetterVoided(letter: 3, reason: "Recorded twice")),
        .letterExtended(LetterExtended(letter: 2, by: "10 working days", reason: "Asked for time")),
        .decreeAdded(
            DecreeAdded(
                handle: "decree-1918", name: "Decree", issued: "1918-08-15", issuer: nil, supplier: "moscow-supply", every: "month",
                dueDay: 1, rations: ["employee: 8 funt wheat"])),
        .enrolmentAdded(
            EnrolmentAdded(decree: "decree-1918", recipient: "dmitrov-post", from: "1919-09-01", endsEnrolment: 4, counts: ["employee": 125])),
        .deliveryScheduled(DeliveryScheduled(decree: "decree-1918", recipient: nil, from: "1919-09", to: "1920-03", periods: ["1919-09"])),
        .deliveryReceived(
            DeliveryReceived(
                decree: "decree-1918", recipient: "dmitrov-post", period: "1919-12", on: "1919-12-06",
                quantities: ["1700 funt wheat"])),
        .deliveryCancelled(DeliveryCancelled(decree: "decree-1918", recipient: "dmitrov-post", period: "1919-09", reason: "In error")),
        .importCompleted(ImportCompleted(what: "petitioners", source: "p.csv", rows: 3, imported: 2, rejected: 1)),
        .settingChanged(SettingChanged(key: "rules", value: nil)),
        .rulesApplied(RulesApplied(changed: 4, reason: "rules apply")),
        .findingRaised(
            FindingRaised(key: "k", rule: "overdue", kind: "overdue_delivery", severity: "critical", previousSeverity: "overdue", message: "Late")),
        .findingCleared(FindingCleared(key: "k", rule: "overdue", severity: "critical", message: "Late")),
        .partyUpdated(
            PartyUpdated(
                handle: "moscow-supply", partyKind: "authority", before: ["name": .string("Moscow supply"), "parent": .string("narkompochtel")],
                after: ["name": .string("Moscow supply centre"), "parent": .null])),
        .groupJoined(GroupJoined(group: "dmitrov-post", member: "ivan", from: "1920-01-01")),
        .groupLeft(GroupLeft(group: "dmitrov-post", member: "ivan", on: "1920-02-01")),
        .dependantAdded(DependantAdded(person: "ivan", name: "Maria", category: "incapacitated")),
        .dependantRemoved(DependantRemoved(person: "ivan", name: "Maria", category: nil)),
        .petitionUpdated(PetitionUpdated(petition: 1, before: ["via": .null], after: ["via": .string("ivan")])),
        .petitionNoted(PetitionNoted(petition: 1, text: "Telephoned")),
        .receiptVoided(ReceiptVoided(receipt: 2, reason: "Wrong month")),
        .enrolmentEnded(EnrolmentEnded(decree: "decree-1918", recipient: "dmitrov-post", on: "1920-06-30")),
        .attachmentAdded(
            AttachmentAdded(
                letter: 2, name: "reply.pdf", title: "Scanned reply", mediaType: "application/pdf", size: 5,
                sha256: String(repeating: "a", count: 64), content: "JVBERi0=")),
        .attachmentRemoved(AttachmentRemoved(attachment: 1, reason: "Wrong letter")),
    ]

    @Test("there is a sample of every kind, and every kind reads back what it wrote")
    func everyKindRoundTrips() throws {
        #expect(Set(Self.samples.map(\.kind)) == Set(LedgerEvent.Kind.allCases))
        for event in Self.samples {
            let json = try JSONDecoder().decode(JSONValue.self, from: Data(try event.payloadText().utf8))
            #expect(json.compactText == (try event.payloadText()), "\(event.kind.rawValue): the text is already compact and sorted")
            #expect(try LedgerEvent(kind: event.kind.rawValue, payload: json) == event, "\(event.kind.rawValue)")
        }
    }

    @Test("payloads keep the log's bytes: keys sorted, absent values null, a body only when there is one")
    func payloadBytes() throws {
        let sent = LetterSent(
            from: "a", to: "b", on: "1920-01-20", subject: "S \"quoted\"/x", petition: nil, channel: "post", summary: nil,
            expectsReply: true, replyWithin: "2 weeks", restartsClock: false)
        #expect(
            try sent.event.payloadText()
                == #"{"channel":"post","expects_reply":true,"from":"a","on":"1920-01-20","petition":null,"reply_within":"2 weeks","restarts_clock":false,"subject":"S \"quoted\"/x","summary":null,"to":"b"}"#
        )
        var withBody = sent
        withBody.body = "line\none"
        #expect(try withBody.event.payloadText().contains(#""body":"line\none""#))
        let merged = ImportCompleted(what: "events", source: "k.jsonl", rows: 2, imported: 1, alreadyPresent: 1, joined: 0, map: ["a": "b"])
        #expect(
            try merged.event.payloadText()
                == #"{"already_present":1,"imported":1,"joined":0,"map":{"a":"b"},"rows":2,"source":"k.jsonl","what":"events"}"#)
        let group = GroupAdded(handle: "g", name: "G", district: nil, counts: ["b": 2, "a": 1])
        #expect(try group.event.payloadText() == #"{"counts":{"a":1,"b":2},"district":null,"handle":"g","name":"G"}"#)
    }

    @Test("mapping handles renames every handle an event names, and nothing else")
    func mappingHandles() throws {
        let map = { (h: String) in h == "moscow-supply" ? "moscow-supply-klin" : h == "dmitrov-post" ? "post-klin" : h }
        for event in Self.samples {
            let before = try event.payloadText()
            let after = try event.mappingHandles(map).payloadText()
            let expected = before.replacingOccurrences(of: "\"moscow-supply\"", with: "\"moscow-supply-klin\"")
                .replacingOccurrences(of: "\"dmitrov-post\"", with: "\"post-klin\"")
            #expect(after == expected, "\(event.kind.rawValue)")
        }
    }

    @Test("an unknown kind, or a payload without what its kind needs, is a sentence naming it")
    func unreadableEvents() throws {
        #expect(throws: PetitionsError("this version of petitions does not know events of kind 'letter.burned'; upgrade petitions to import it.")) {
            try LedgerEvent(kind: "letter.burned", payload: .object([:]))
        }
        #expect(throws: PetitionsError("its payload has no reason.")) {
            try LedgerEvent(kind: "letter.voided", payload: .object(["letter": .int(1)]))
        }
        #expect(throws: PetitionsError("its payload has a letter of the wrong type.")) {
            try LedgerEvent(kind: "letter.voided", payload: .object(["letter": .string("one"), "reason": .string("x")]))
        }
    }
}
