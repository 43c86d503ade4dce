import Foundation

/// Everything a ledger records, one case per kind of event, each with its typed payload. Writing, exporting,
/// importing and replaying events go through this type: a new kind is one case here and a payload type beside
/// it, and the compiler finds every `switch` that must learn it. The kinds' names (`letter.sent`) and the
/// payloads' JSON keys are the exported event log's format (schema version 1): they never change.
public enum LedgerEvent: Sendable, Equatable {
    case ledgerInitialized(LedgerInitialized)
    case authorityAdded(AuthorityAdded)
    case groupAdded(GroupAdded)
    case petitionerAdded(PetitionerAdded)
    case petitionLogged(PetitionLogged)
    case petitionStatusChanged(PetitionStatusChanged)
    case letterSent(LetterSent)
    case letterReceived(LetterReceived)
    case letterVoided(LetterVoided)
    case letterExtended(LetterExtended)
    case decreeAdded(DecreeAdded)
    case enrolmentAdded(EnrolmentAdded)
    case deliveryScheduled(DeliveryScheduled)
    case deliveryReceived(DeliveryReceived)
    case deliveryCancelled(DeliveryCancelled)
    case importCompleted(ImportCompleted)
    case settingChanged(SettingChanged)
    case rulesApplied(RulesApplied)
    case findingRaised(FindingRaised)
    case findingCleared(FindingCleared)
    case partyUpdated(PartyUpdated)
    case groupJoined(GroupJoined)
    case groupLeft(GroupLeft)
    case dependantAdded(DependantAdded)
    case dependantRemoved(DependantRemoved)
    case petitionUpdated(PetitionUpdated)
    case petitionNoted(PetitionNoted)
    case receiptVoided(ReceiptVoided)
    case enrolmentEnded(EnrolmentEnded)
    case attachmentAdded(AttachmentAdded)
    case attachmentRemoved(AttachmentRemoved)

    /// The kinds of event, by the name the log gives them.
    public enum Kind: String, CaseIterable, Sendable {
        case ledgerInitialized = "ledger.initialized"
        case authorityAdded = "authority.added"
        case groupAdded = "group.added"
        case petitionerAdded = "petitioner.added"
        case petitionLogged = "petition.logged"
        case petitionStatusChanged = "petition.status_changed"
        case letterSent = "letter.sent"
        case letterReceived = "letter.received"
        case letterVoided = "letter.voided"
        case letterExtended = "letter.extended"
        case decreeAdded = "decree.added"
        case enrolmentAdded = "enrolment.added"
        case deliveryScheduled = "delivery.scheduled"
        case deliveryReceived = "delivery.received"
        case deliveryCancelled = "delivery.cancelled"
        case importCompleted = "import.completed"
        case settingChanged = "setting.changed"
        case rulesApplied = "rules.applied"
        case findingRaised = "finding.raised"
        case findingCleared = "finding.cleared"
        case partyUpdated = "party.updated"
        case groupJoined = "group.joined"
        case groupLeft = "group.left"
        case dependantAdded = "dependant.added"
        case dependantRemoved = "dependant.removed"
        case petitionUpdated = "petition.updated"
        case petitionNoted = "petition.noted"
        case receiptVoided = "receipt.voided"
        case enrolmentEnded = "enrolment.ended"
        case attachmentAdded = "attachment.added"
        case attachmentRemoved = "attachment.removed"

        /// The payload type of events of this kind.
        public var payloadType: any EventPayload.Type {
            switch self {
            case .ledgerInitialized: LedgerInitialized.self
            case .authorityAdded: AuthorityAdded.self
            case .groupAdded: GroupAdded.self
            case .petitionerAdded: PetitionerAdded.self
            case .petitionLogged: PetitionLogged.self
            case .petitionStatusChanged: PetitionStatusChanged.self
            case .letterSent: LetterSent.self
            case .letterReceived: LetterReceived.self
            case .letterVoided: LetterVoided.self
            case .letterExtended: LetterExtended.self
            case .decreeAdded: DecreeAdded.self
            case .enrolmentAdded: EnrolmentAdded.self
            case .deliveryScheduled: DeliveryScheduled.self
            case .deliveryReceived: DeliveryReceived.self
            case .deliveryCancelled: DeliveryCancelled.self
            case .importCompleted: ImportCompleted.self
            case .settingChanged: SettingChanged.self
            case .rulesApplied: RulesApplied.self
            case .findingRaised: FindingRaised.self
            case .findingCleared: FindingCleared.self
            case .partyUpdated: PartyUpdated.self
            case .groupJoined: GroupJoined.self
            case .groupLeft: GroupLeft.self
            case .dependantAdded: DependantAdded.self
            case .dependantRemoved: DependantRemoved.self
            case .petitionUpdated: PetitionUpdated.self
            case .petitionNoted: PetitionNoted.self
            case .receiptVoided: ReceiptVoided.self
            case .enrolmentEnded: EnrolmentEnded.self
            case .attachmentAdded: AttachmentAdded.self
            case .attachmentRemoved: AttachmentRemoved.self
            }
        }
    }

    /// The payload, whatever its kind.
    public var payload: any EventPayload {
        switch self {
        case .ledgerInitialized(let p): p
        case .authorityAdded(let p): p
        case .groupAdded(let p): p
        case .petitionerAdded(let p): p
        case .petitionLogged(let p): p
        case .petitionStatusChanged(let p): p
        case .letterSent(let p): p
        case .letterReceived(let p): p
        case .letterVoided(let p): p
        case .letterExtended(let p): p
        case .decreeAdded(let p): p
        case .enrolmentAdded(let p): p
        case .deliveryScheduled(let p): p
        case .deliveryReceived(let p): p
        case .deliveryCancelled(let p): p
        case .importCompleted(let p): p
        case .settingChanged(let p): p
        case .rulesApplied(let p): p
        case .findingRaised(let p): p
        case .findingCleared(let p): p
        case .partyUpdated(let p): p
        case .groupJoined(let p): p
        case .groupLeft(let p): p
        case .dependantAdded(let p): p
        case .dependantRemoved(let p): p
        case .petitionUpdated(let p): p
        case .petitionNoted(let p): p
        case .receiptVoided(let p): p
        case .enrolmentEnded(let p): p
        case .attachmentAdded(let p): p
        case .attachmentRemoved(let p): p
        }
    }

    /// The kind of this event.
    public var kind: Kind { type(of: payload).kind }

    /// The payload as the compact JSON text the event log stores and exports (keys sorted, absent values null),
    /// written by the house encoder like every other JSON petitions writes.
    /// The payloads an import writes by the hundred thousand write themselves (`HouseJSONWritable`, the same bytes).
    public func payloadText() throws -> String {
        let payload = self.payload
        if let writable = payload as? any HouseJSONWritable {
            var w = HouseJSONWriter(pretty: false, capacity: 256)
            writable.write(to: &w)
            return w.text
        }
        return String(decoding: try HouseJSONEncoder(pretty: false).encode(payload), as: UTF8.self)
    }

    /// The same event with every handle it names passed through `map` (another office's handles to this one's).
    public func mappingHandles(_ map: (String) -> String) -> LedgerEvent { payload.mappingHandles(map).event }

    /// Reads an event of `kind` (its name in the log) from its JSON payload. An unknown kind, or a payload that
    /// lacks what its kind needs, is an error naming it.
    public init(kind name: String, payload: JSONValue) throws {
        guard let kind = Kind(rawValue: name) else {
            throw PetitionsError("this version of petitions does not know events of kind \(quoted(name)); upgrade petitions to import it.")
        }
        self = try kind.payloadType.decoded(from: payload).event
    }
}

extension LedgerEvent {
    /// The keys of the objects a payload holds inside it, by the payload key that holds them (one object or a list).
    static let nestedKeys: [Kind: [String: Set<String>]] = [.petitionerAdded: ["dependants": Dependant.keys]]

    /// The first key of `payload` (sorted) that an event of `kind` does not have, and where it is when inside the payload
    /// (`dependants[0]`); nil when every key is known. Keys were added to payloads over time and never taken away, so
    /// every key an older export wrote is still known; a key missing from an older log is read as absent.
    public static func unknownKey(of kind: Kind, in payload: [String: JSONValue]) -> (key: String, within: String?)? {
        let known = kind.payloadType.keys
        if let key = payload.keys.sorted().first(where: { !known.contains($0) }) { return (key, nil) }
        for (holder, inner) in (nestedKeys[kind] ?? [:]).sorted(by: { $0.key < $1.key }) {
            let objects: [(String, [String: JSONValue])]
            switch payload[holder] {
            case .object(let o)?: objects = [(holder, o)]
            case .array(let a)?:
                objects = a.enumerated().compactMap { i, v in
                    guard case .object(let o) = v else { return nil }
                    return ("\(holder)[\(i)]", o)
                }
            default: objects = []
            }
            for (place, o) in objects {
                if let key = o.keys.sorted().first(where: { !inner.contains($0) }) { return (key, place) }
            }
        }
        return nil
    }
}

/// The payload of one kind of event: `Codable` with the log's snake_case keys.
public protocol EventPayload: Codable, Sendable {
    /// The kind of event this payload belongs to.
    static var kind: LedgerEvent.Kind { get }
    /// Every key a payload of this kind may hold (its `CodingKeys`): a log line holding another is refused, not read
    /// with the key dropped.
    static var keys: Set<String> { get }
    /// The event holding this payload.
    var event: LedgerEvent { get }
    /// The payload with every handle it names passed through `map`.
    func mappingHandles(_ map: (String) -> String) -> Self
}

extension EventPayload {
    /// Most payloads name no handle.
    public func mappingHandles(_ map: (String) -> String) -> Self { self }

    /// Decodes a payload of this type from the JSON object of an event, naming the key that is missing or wrong.
    static func decoded(from json: JSONValue) throws -> Self {
        do {
            return try JSONDecoder().decode(Self.self, from: Data(json.compactText.utf8))
        } catch let error as DecodingError {
            throw PetitionsError("its payload \(EventPayloadError.describe(error)).")
        }
    }
}

/// Sentences for a payload that does not decode.
enum EventPayloadError {
    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let c): return "has no \((c.codingPath + [key]).map(\.stringValue).joined(separator: "."))"
        case .typeMismatch(_, let c), .valueNotFound(_, let c):
            return "has a \(c.codingPath.map(\.stringValue).joined(separator: ".")) of the wrong type"
        case .dataCorrupted(let c):
            return c.codingPath.isEmpty ? "is not a JSON object" : "has a \(c.codingPath.map(\.stringValue).joined(separator: ".")) that is not valid"
        @unknown default: return "cannot be read"
        }
    }
}
