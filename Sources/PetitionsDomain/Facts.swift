/// Facts the rule engine reads, gathered from the ledger by indexed queries: plain values, no database types.

/// A span of days, the end open when it has not ended.
public struct DayRange: Hashable, Sendable, Codable {
    public var from: Day
    public var to: Day?
    public init(from: Day, to: Day?) { self.from = from; self.to = to }
}

/// A party named in a finding: handle and name.
public struct PartyName: Hashable, Sendable, Codable {
    public var id: Int64
    public var handle: String
    public var name: String
    public init(id: Int64, handle: String, name: String) { self.id = id; self.handle = handle; self.name = name }
}

/// A sent letter that expects a reply and had none as of the day asked.
public struct WaitingLetter: Hashable, Sendable {
    public var id: Int64
    public var from: PartyName
    public var to: PartyName
    /// The authority above the addressee, where one escalates.
    public var toParent: PartyName?
    public var sent: Day
    /// The day its clock runs from: the day sent, unless a follow-up restarted it.
    public var clockStart: Day
    public var subject: String
    public var petition: Int64?
    public var petitionCategory: String?
    /// The petitioner of its petition (or the sender), for scoping and escalation.
    public var petitioner: PartyName?
    /// The letter's own reply window, else its authority's.
    public var ownWithin: Span?
    public var authorityWithin: Span?
    /// Extensions granted, in order.
    public var extensions: [Span]
    /// Times its petition waited on the petitioner: the clock stops then.
    public var pauses: [DayRange]
    /// Letters sent afterwards to the same authority on the same petition.
    public var followUps: Int

    public init(id: Int64, from: PartyName, to: PartyName, toParent: PartyName?, sent: Day, clockStart: Day, subject: String,
                petition: Int64?, petitionCategory: String?, petitioner: PartyName?, ownWithin: Span?, authorityWithin: Span?,
                extensions: [Span], pauses: [DayRange], followUps: Int) {
        self.id = id; self.from = from; self.to = to; self.toParent = toParent; self.sent = sent; self.clockStart = clockStart
        self.subject = subject; self.petition = petition; self.petitionCategory = petitionCategory; self.petitioner = petitioner
        self.ownWithin = ownWithin; self.authorityWithin = authorityWithin; self.extensions = extensions; self.pauses = pauses
        self.followUps = followUps
    }
}

/// A scheduled delivery not complete as of the day asked.
public struct LateDelivery: Hashable, Sendable {
    public var id: Int64
    public var decree: PartyName
    public var recipient: PartyName
    public var supplier: PartyName
    public var supplierParent: PartyName?
    public var period: Period
    public var due: Day
    public var lines: [DeliveryLine]
    /// Base-unit amounts per commodity, for arithmetic: expected and received as of the day asked.
    public var expectedBase: [String: Int64]
    public var receivedBase: [String: Int64]
    public var unitOf: [String: MeasureUnit]

    public init(id: Int64, decree: PartyName, recipient: PartyName, supplier: PartyName, supplierParent: PartyName?, period: Period, due: Day,
                lines: [DeliveryLine], expectedBase: [String: Int64], receivedBase: [String: Int64], unitOf: [String: MeasureUnit]) {
        self.id = id; self.decree = decree; self.recipient = recipient; self.supplier = supplier; self.supplierParent = supplierParent
        self.period = period; self.due = due; self.lines = lines; self.expectedBase = expectedBase; self.receivedBase = receivedBase; self.unitOf = unitOf
    }

    /// The fraction of what was expected that has not come (0…1), over every commodity by base amount.
    public var shortfallFraction: Double {
        let e = expectedBase.values.reduce(0, +)
        guard e > 0 else { return 0 }
        let r = expectedBase.keys.reduce(Int64(0)) { $0 + min(receivedBase[$1] ?? 0, expectedBase[$1] ?? 0) }
        return Double(e - r) / Double(e)
    }
}

/// An open petition and the last day anything happened on it.
public struct PetitionActivity: Hashable, Sendable {
    public var id: Int64
    public var subject: String
    public var petitioner: PartyName
    public var authority: PartyName
    public var category: String?
    public var opened: Day
    public var lastActivity: Day

    public init(id: Int64, subject: String, petitioner: PartyName, authority: PartyName, category: String?, opened: Day, lastActivity: Day) {
        self.id = id; self.subject = subject; self.petitioner = petitioner; self.authority = authority; self.category = category
        self.opened = opened; self.lastActivity = lastActivity
    }
}
