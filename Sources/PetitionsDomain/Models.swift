import Foundation

/// The kinds of party a ledger knows.
public enum PartyKind: String, Codable, Sendable {
    case person, group, authority
}

/// A dependant in a person's household.
public struct Dependant: Codable, Hashable, Sendable {
    public var name: String
    public var category: String
    public init(name: String, category: String) { self.name = name; self.category = category }

    /// Parses `NAME:CATEGORY`.
    public init(parsing text: String) throws {
        guard let colon = text.lastIndex(of: ":") else {
            throw PetitionsError.invalid("--dependant", text, "is not NAME:CATEGORY, e.g. 'Anna:incapacitated'")
        }
        let name = text[..<colon].trimmingCharacters(in: .whitespaces)
        let cat = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces).lowercased()
        guard !name.isEmpty else { throw PetitionsError.invalid("--dependant", text, "has an empty name") }
        self.name = name
        self.category = try Category.validate(cat, field: "--dependant", whole: text)
    }
}

/// Categories of people (`employee`, `incapacitated`, `child`): lower-case words.
public enum Category {
    public static func validate(_ s: String, field: String, whole: String? = nil) throws -> String {
        let c = s.lowercased()
        guard !c.isEmpty, c.allSatisfy({ ($0.isLetter || $0.isNumber) || $0 == "-" || $0 == "_" }) else {
            throw PetitionsError.invalid(field, whole ?? s, "has no valid category; use a word such as 'employee', 'incapacitated' or 'child'")
        }
        return c
    }
}

/// A head-count by category, parsed from `CATEGORY=N`.
public struct HeadCount: Codable, Hashable, Sendable {
    public var category: String
    public var count: Int
    public init(category: String, count: Int) { self.category = category; self.count = count }

    /// The most heads one category may count: enough for any group, small enough that a ration times the heads
    /// over every period adds up without overflow.
    public static let maximum = 10_000_000

    public init(parsing text: String, field: String = "--count") throws {
        let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2 else { throw PetitionsError.invalid(field, text, "is not CATEGORY=N, e.g. 'employee=125'") }
        let cat = try Category.validate(parts[0], field: field, whole: text)
        guard !parts[1].isEmpty, parts[1].allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw PetitionsError.invalid(field, text, "has no whole number after '='")
        }
        guard let n = Int(parts[1]), n <= HeadCount.maximum else {
            throw PetitionsError.invalid(field, text, "counts more than \(HeadCount.maximum) heads, the most one category may count")
        }
        guard n > 0 else { throw PetitionsError.invalid(field, text, "must count at least 1") }
        self.init(category: cat, count: n)
    }
}

/// A quantity as shown in JSON: `{"commodity", "amount", "unit"}`.
public struct QuantityValue: Codable, Hashable, Sendable {
    public var commodity: String
    public var amount: Decimal
    public var unit: String
    public init(_ q: Quantity) { commodity = q.commodity; amount = q.amount; unit = q.unit.name }
    public init(commodity: String, amount: Decimal, unit: String) { self.commodity = commodity; self.amount = amount; self.unit = unit }
    /// `8 funt wheat`.
    public var text: String { "\(Quantity.format(amount)) \(unit) \(commodity)" }
}

/// A party: a person, a group or an authority.
public struct Party: Codable, Hashable, Sendable {
    public var id: Int64
    public var kind: PartyKind
    public var handle: String
    public var name: String
    public var district: String?
    public var occupation: String?
    /// For an authority: the authority above it.
    public var parent: String?
    /// For an authority: its default reply window.
    public var replyWithin: Span?
    /// For a person: their household.
    public var dependants: [Dependant]?
    /// For a person: the groups they belong to; for a group: its member handles.
    public var groups: [String]?
    public var members: [String]?
    /// For a group: head-counts by category.
    public var counts: [HeadCount]?
    /// For an authority: the chain above it, nearest first.
    public var chain: [String]?
    public var office: String

    public init(id: Int64, kind: PartyKind, handle: String, name: String, office: String) {
        self.id = id; self.kind = kind; self.handle = handle; self.name = name; self.office = office
    }

    /// Encodes every key, absent values as null, so that the JSON shape is stable.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(kind, forKey: .kind)
        try c.encode(handle, forKey: .handle)
        try c.encode(name, forKey: .name)
        try c.encode(district, forKey: .district)
        try c.encode(occupation, forKey: .occupation)
        try c.encode(parent, forKey: .parent)
        try c.encode(replyWithin, forKey: .replyWithin)
        try c.encode(dependants, forKey: .dependants)
        try c.encode(groups, forKey: .groups)
        try c.encode(members, forKey: .members)
        try c.encode(counts, forKey: .counts)
        try c.encode(chain, forKey: .chain)
        try c.encode(office, forKey: .office)
    }
}

/// The lifecycle of a petition.
public enum PetitionStatus: String, Codable, Sendable, CaseIterable {
    case open, waitingOnPetitioner = "waiting_on_petitioner", answered, resolved, rejected, withdrawn

    public init(parsing text: String, field: String = "--to") throws {
        guard let s = PetitionStatus(rawValue: text.lowercased().replacingOccurrences(of: "-", with: "_")) else {
            throw PetitionsError.invalid(field, text, "is not a petition status; use one of \(PetitionStatus.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = s
    }

    /// The statuses this one may change to.
    public var next: [PetitionStatus] {
        switch self {
        case .open: return [.waitingOnPetitioner, .answered, .resolved, .rejected, .withdrawn]
        case .waitingOnPetitioner: return [.open, .answered, .resolved, .rejected, .withdrawn]
        case .answered: return [.open, .waitingOnPetitioner, .resolved, .rejected, .withdrawn]
        case .resolved, .rejected, .withdrawn: return [.open]
        }
    }
}

/// A petition (request) from a person or group to an authority.
public struct Petition: Codable, Hashable, Sendable {
    public var id: Int64
    public var petitioner: String
    public var authority: String
    public var via: String?
    public var subject: String
    public var category: String?
    public var opened: Day
    public var status: PetitionStatus
    public var office: String

    public init(id: Int64, petitioner: String, authority: String, via: String? = nil, subject: String, category: String? = nil, opened: Day, status: PetitionStatus, office: String) {
        self.id = id
        self.petitioner = petitioner
        self.authority = authority
        self.via = via
        self.subject = subject
        self.category = category
        self.opened = opened
        self.status = status
        self.office = office
    }

    /// Encodes every key, absent values as null, so that the JSON shape is stable.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(petitioner, forKey: .petitioner)
        try c.encode(authority, forKey: .authority)
        try c.encode(via, forKey: .via)
        try c.encode(subject, forKey: .subject)
        try c.encode(category, forKey: .category)
        try c.encode(opened, forKey: .opened)
        try c.encode(status, forKey: .status)
        try c.encode(office, forKey: .office)
    }
}

/// Channels a letter travels by.
public enum Channel: String, Codable, Sendable, CaseIterable {
    case post, telegraph, courier, inPerson = "in-person"
    public init(parsing text: String) throws {
        guard let c = Channel(rawValue: text.lowercased().replacingOccurrences(of: "_", with: "-")) else {
            throw PetitionsError.invalid("--channel", text, "is not a channel; use one of \(Channel.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = c
    }
}

/// Whether a letter went out from the petitioner side or came back from an authority.
public enum Direction: String, Codable, Sendable {
    case sent, received
}

/// A letter sent or received.
public struct Letter: Codable, Hashable, Sendable {
    public var id: Int64
    public var direction: Direction
    public var from: String
    public var to: String
    public var on: Day
    public var channel: Channel
    public var subject: String
    public var summary: String?
    public var petition: Int64?
    public var inReplyTo: Int64?
    public var expectsReply: Bool
    public var replyWithin: Span?
    /// The stored day a reply is due (under the ledger's rules and calendar when it was recorded).
    public var replyDue: Day?
    /// The letter that answered this one, when one did.
    public var answeredBy: Int64?
    public var voided: Bool
    public var office: String

    public init(id: Int64, direction: Direction, from: String, to: String, on: Day, channel: Channel, subject: String, summary: String? = nil, petition: Int64? = nil, inReplyTo: Int64? = nil, expectsReply: Bool, replyWithin: Span? = nil, replyDue: Day? = nil, answeredBy: Int64? = nil, voided: Bool, office: String) {
        self.id = id
        self.direction = direction
        self.from = from
        self.to = to
        self.on = on
        self.channel = channel
        self.subject = subject
        self.summary = summary
        self.petition = petition
        self.inReplyTo = inReplyTo
        self.expectsReply = expectsReply
        self.replyWithin = replyWithin
        self.replyDue = replyDue
        self.answeredBy = answeredBy
        self.voided = voided
        self.office = office
    }

    /// Encodes every key, absent values as null, so that the JSON shape is stable.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(direction, forKey: .direction)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encode(on, forKey: .on)
        try c.encode(channel, forKey: .channel)
        try c.encode(subject, forKey: .subject)
        try c.encode(summary, forKey: .summary)
        try c.encode(petition, forKey: .petition)
        try c.encode(inReplyTo, forKey: .inReplyTo)
        try c.encode(expectsReply, forKey: .expectsReply)
        try c.encode(replyWithin, forKey: .replyWithin)
        try c.encode(replyDue, forKey: .replyDue)
        try c.encode(answeredBy, forKey: .answeredBy)
        try c.encode(voided, forKey: .voided)
        try c.encode(office, forKey: .office)
    }
}

/// A ration: what one head of a category is owed per period.
public struct Ration: Codable, Hashable, Sendable {
    public var category: String
    public var quantity: QuantityValue
    public init(category: String, quantity: QuantityValue) { self.category = category; self.quantity = quantity }
}

/// A decree: an entitlement scheme.
public struct Decree: Codable, Hashable, Sendable {
    public var id: Int64
    public var handle: String
    public var name: String
    public var issued: Day
    public var issuer: String?
    public var supplier: String
    public var every: Frequency
    public var dueDay: Int
    public var rations: [Ration]
    public var effectiveFrom: Day?
    public var effectiveTo: Day?
    public var office: String

    public init(id: Int64, handle: String, name: String, issued: Day, issuer: String? = nil, supplier: String, every: Frequency, dueDay: Int, rations: [Ration], effectiveFrom: Day? = nil, effectiveTo: Day? = nil, office: String) {
        self.id = id
        self.handle = handle
        self.name = name
        self.issued = issued
        self.issuer = issuer
        self.supplier = supplier
        self.every = every
        self.dueDay = dueDay
        self.rations = rations
        self.effectiveFrom = effectiveFrom
        self.effectiveTo = effectiveTo
        self.office = office
    }

    /// Encodes every key, absent values as null, so that the JSON shape is stable.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(handle, forKey: .handle)
        try c.encode(name, forKey: .name)
        try c.encode(issued, forKey: .issued)
        try c.encode(issuer, forKey: .issuer)
        try c.encode(supplier, forKey: .supplier)
        try c.encode(every, forKey: .every)
        try c.encode(dueDay, forKey: .dueDay)
        try c.encode(rations, forKey: .rations)
        try c.encode(effectiveFrom, forKey: .effectiveFrom)
        try c.encode(effectiveTo, forKey: .effectiveTo)
        try c.encode(office, forKey: .office)
    }
}

/// A recipient's enrolment in a decree.
public struct Enrolment: Codable, Hashable, Sendable {
    public var id: Int64
    public var decree: String
    public var recipient: String
    public var from: Day
    public var to: Day?
    public var counts: [HeadCount]

    public init(id: Int64, decree: String, recipient: String, from: Day, to: Day? = nil, counts: [HeadCount]) {
        self.id = id
        self.decree = decree
        self.recipient = recipient
        self.from = from
        self.to = to
        self.counts = counts
    }

    /// Encodes every key, absent values as null, so that the JSON shape is stable.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(decree, forKey: .decree)
        try c.encode(recipient, forKey: .recipient)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encode(counts, forKey: .counts)
    }
}

/// The state of an expected delivery, derived from its receipts.
public enum DeliveryStatus: String, Codable, Sendable, CaseIterable {
    case pending, partial, complete, cancelled
    public init(parsing text: String) throws {
        guard let s = DeliveryStatus(rawValue: text.lowercased()) else {
            throw PetitionsError.invalid("--status", text, "is not a delivery status; use one of \(DeliveryStatus.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = s
    }
}

/// One line of a delivery: a commodity expected and received.
public struct DeliveryLine: Codable, Hashable, Sendable {
    public var commodity: String
    public var expected: QuantityValue
    public var received: QuantityValue
    public var shortfall: QuantityValue

    public init(commodity: String, expected: QuantityValue, received: QuantityValue, shortfall: QuantityValue) {
        self.commodity = commodity
        self.expected = expected
        self.received = received
        self.shortfall = shortfall
    }
}

/// A receipt against a delivery.
public struct Receipt: Codable, Hashable, Sendable {
    public var id: Int64
    public var on: Day
    public var quantities: [QuantityValue]
    public var note: String?

    public init(id: Int64, on: Day, quantities: [QuantityValue], note: String? = nil) {
        self.id = id
        self.on = on
        self.quantities = quantities
        self.note = note
    }

    /// Encodes every key, absent values as null, so that the JSON shape is stable.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(on, forKey: .on)
        try c.encode(quantities, forKey: .quantities)
        try c.encode(note, forKey: .note)
    }
}

/// An expected delivery for a (decree, recipient, period).
public struct Delivery: Codable, Hashable, Sendable {
    public var id: Int64
    public var decree: String
    public var recipient: String
    public var supplier: String
    public var period: Period
    public var due: Day
    public var status: DeliveryStatus
    public var lines: [DeliveryLine]
    public var receipts: [Receipt]?

    public init(id: Int64, decree: String, recipient: String, supplier: String, period: Period, due: Day, status: DeliveryStatus, lines: [DeliveryLine], receipts: [Receipt]? = nil) {
        self.id = id
        self.decree = decree
        self.recipient = recipient
        self.supplier = supplier
        self.period = period
        self.due = due
        self.status = status
        self.lines = lines
        self.receipts = receipts
    }

    /// Encodes every key, absent values as null, so that the JSON shape is stable.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(decree, forKey: .decree)
        try c.encode(recipient, forKey: .recipient)
        try c.encode(supplier, forKey: .supplier)
        try c.encode(period, forKey: .period)
        try c.encode(due, forKey: .due)
        try c.encode(status, forKey: .status)
        try c.encode(lines, forKey: .lines)
        try c.encode(receipts, forKey: .receipts)
    }
}

/// What an event concerns.
public struct Subject: Codable, Hashable, Sendable {
    public var type: String
    public var id: Int64
    public init(_ type: String, _ id: Int64) { self.type = type; self.id = id }
}

/// An entry of the append-only event log.
public struct Event: Codable, Hashable, Sendable {
    public var id: Int64
    public var uuid: String
    public var kind: String
    public var day: Day
    public var recordedAt: String
    public var actor: String
    public var office: String
    public var subjects: [Subject]
    public var summary: String
    public var payload: JSONValue

    public init(id: Int64, uuid: String, kind: String, day: Day, recordedAt: String, actor: String, office: String, subjects: [Subject], summary: String, payload: JSONValue) {
        self.id = id
        self.uuid = uuid
        self.kind = kind
        self.day = day
        self.recordedAt = recordedAt
        self.actor = actor
        self.office = office
        self.subjects = subjects
        self.summary = summary
        self.payload = payload
    }
}

/// A JSON value, for event payloads.
public enum JSONValue: Codable, Hashable, Sendable {
    case string(String), number(Double), int(Int64), bool(Bool), null
    case array([JSONValue]), object([String: JSONValue])

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int64.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .number(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .string(let s): try c.encode(s)
        case .number(let d): try c.encode(d)
        case .int(let i): try c.encode(i)
        case .bool(let b): try c.encode(b)
        case .null: try c.encodeNil()
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }
}
