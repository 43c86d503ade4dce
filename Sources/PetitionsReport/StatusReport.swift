import Foundation
import PetitionsDomain
import PetitionsRules

/// The status of everything as of a day: the one value every report format renders.
/// Its JSON keys are a contract (documented in README, checked against `docs/report.schema.json`).
public struct StatusReport: Codable, Sendable {
    public var asOf: Day
    public var summary: Summary
    /// The late deliveries, worded as they are read where the check stream holds them (`OverdueSection`).
    public var overdueDeliveries: OverdueSection
    public var arrears: [ArrearsLine]
    public var unansweredLetters: [UnansweredLetter]
    public var petitions: [PetitionLine]
    public var authorities: [AuthorityLine]
    public var trend: Trend
    /// Whether persons' names were replaced by initials and ids.
    public var redacted: Bool
    /// The office the report is from, once `office set` has named it (absent from the JSON until then).
    public var office: String?
    /// The letters that have documents attached, with how many: under `documents`, present only when there are any.
    public var documents: [LetterDocuments]

    public init(
        asOf: Day, summary: Summary, overdueDeliveries: OverdueSection, arrears: [ArrearsLine], unansweredLetters: [UnansweredLetter],
        petitions: [PetitionLine], authorities: [AuthorityLine], trend: Trend, redacted: Bool = false, documents: [LetterDocuments] = []
    ) {
        self.asOf = asOf
        self.summary = summary
        self.overdueDeliveries = overdueDeliveries
        self.arrears = arrears
        self.unansweredLetters = unansweredLetters
        self.petitions = petitions
        self.authorities = authorities
        self.trend = trend
        self.redacted = redacted
        self.documents = documents
    }

    enum CodingKeys: String, CodingKey {
        case asOf, summary, overdueDeliveries, arrears, unansweredLetters, petitions, authorities, trend, redacted, office, documents
    }

    /// Every key, `office` only once `office set` has named it, and `documents` only when some letter has one (a ledger without attachments reports as before).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(asOf, forKey: .asOf)
        try c.encode(summary, forKey: .summary)
        try c.encode(overdueDeliveries, forKey: .overdueDeliveries)
        try c.encode(arrears, forKey: .arrears)
        try c.encode(unansweredLetters, forKey: .unansweredLetters)
        try c.encode(petitions, forKey: .petitions)
        try c.encode(authorities, forKey: .authorities)
        try c.encode(trend, forKey: .trend)
        try c.encode(redacted, forKey: .redacted)
        try c.encodeIfPresent(office, forKey: .office)
        if !documents.isEmpty { try c.encode(documents, forKey: .documents) }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        asOf = try c.decode(Day.self, forKey: .asOf)
        summary = try c.decode(Summary.self, forKey: .summary)
        overdueDeliveries = try c.decode(OverdueSection.self, forKey: .overdueDeliveries)
        arrears = try c.decode([ArrearsLine].self, forKey: .arrears)
        unansweredLetters = try c.decode([UnansweredLetter].self, forKey: .unansweredLetters)
        petitions = try c.decode([PetitionLine].self, forKey: .petitions)
        authorities = try c.decode([AuthorityLine].self, forKey: .authorities)
        trend = try c.decode(Trend.self, forKey: .trend)
        redacted = try c.decode(Bool.self, forKey: .redacted)
        office = try c.decodeIfPresent(String.self, forKey: .office)
        documents = try c.decodeIfPresent([LetterDocuments].self, forKey: .documents) ?? []
    }
}

/// The headline: what is counted, and the single most urgent thing.
public struct Summary: Codable, Sendable {
    public var asOf: Day
    /// Persons recorded as petitioners (or intermediaries).
    public var petitioners: Int
    /// Groups of petitioners.
    public var groups: Int
    /// Households counted: every person with their dependants, plus the head-counts of groups.
    public var householdMembers: Int
    /// Petitions whose status on the as-of day is `open`: "open" means that status everywhere (the report's
    /// petitions by status, the dashboard, `petition list --status open`); waiting on the petitioner is counted apart.
    public var openPetitions: Int
    /// Findings by severity: keys warning, overdue, critical.
    public var findings: [String: Int]
    /// The most urgent thing, in one sentence (nil when nothing is late).
    public var mostUrgent: String?

    public init(asOf: Day, petitioners: Int, groups: Int, householdMembers: Int, openPetitions: Int, findings: [String: Int], mostUrgent: String?) {
        self.asOf = asOf
        self.petitioners = petitioners
        self.groups = groups
        self.householdMembers = householdMembers
        self.openPetitions = openPetitions
        self.findings = findings
        self.mostUrgent = mostUrgent
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(asOf, forKey: .asOf)
        try c.encode(petitioners, forKey: .petitioners)
        try c.encode(groups, forKey: .groups)
        try c.encode(householdMembers, forKey: .householdMembers)
        try c.encode(openPetitions, forKey: .openPetitions)
        try c.encode(findings, forKey: .findings)
        try c.encode(mostUrgent, forKey: .mostUrgent)
    }
}

/// One period's part of an arrears line.
public struct ArrearsPeriod: Codable, Sendable, Hashable {
    public var period: Period
    public var expected: Decimal
    public var received: Decimal
    public var owed: Decimal
    public init(period: Period, expected: Decimal, received: Decimal, owed: Decimal) {
        self.period = period
        self.expected = expected
        self.received = received
        self.owed = owed
    }
}

/// The arrears ledger: per recipient, decree and commodity, what was promised since enrolment, what came, what is owed.
/// Amounts are in the decree's unit; `owed_kg` is the kilogram equivalent when the unit measures mass.
public struct ArrearsLine: Codable, Sendable, Hashable {
    public var recipient: String
    public var recipientName: String
    public var decree: String
    public var decreeName: String
    public var supplier: String
    public var commodity: String
    public var unit: String
    public var promised: Decimal
    public var received: Decimal
    public var owed: Decimal
    public var owedKg: Decimal?
    /// Periods due as of the day with something still owed.
    public var periodsMissed: Int
    public var since: Period?
    public var periods: [ArrearsPeriod]

    public init(
        recipient: String, recipientName: String, decree: String, decreeName: String, supplier: String, commodity: String, unit: String,
        promised: Decimal, received: Decimal, owed: Decimal, owedKg: Decimal?, periodsMissed: Int, since: Period?, periods: [ArrearsPeriod]
    ) {
        self.recipient = recipient
        self.recipientName = recipientName
        self.decree = decree
        self.decreeName = decreeName
        self.supplier = supplier
        self.commodity = commodity
        self.unit = unit
        self.promised = promised
        self.received = received
        self.owed = owed
        self.owedKg = owedKg
        self.periodsMissed = periodsMissed
        self.since = since
        self.periods = periods
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(recipient, forKey: .recipient)
        try c.encode(recipientName, forKey: .recipientName)
        try c.encode(decree, forKey: .decree)
        try c.encode(decreeName, forKey: .decreeName)
        try c.encode(supplier, forKey: .supplier)
        try c.encode(commodity, forKey: .commodity)
        try c.encode(unit, forKey: .unit)
        try c.encode(promised, forKey: .promised)
        try c.encode(received, forKey: .received)
        try c.encode(owed, forKey: .owed)
        try c.encode(owedKg, forKey: .owedKg)
        try c.encode(periodsMissed, forKey: .periodsMissed)
        try c.encode(since, forKey: .since)
        try c.encode(periods, forKey: .periods)
    }
}

/// A petition in the report, with the age of an open one.
public struct PetitionLine: Codable, Sendable, Hashable {
    public var id: Int64
    public var petitioner: String
    public var petitionerName: String
    public var authority: String
    public var via: String?
    public var subject: String
    public var category: String?
    public var opened: Day
    public var status: PetitionStatus
    /// Days since it was opened, for petitions still open (open or waiting on the petitioner).
    public var ageDays: Int?

    public init(
        id: Int64, petitioner: String, petitionerName: String, authority: String, via: String?, subject: String, category: String?,
        opened: Day, status: PetitionStatus, ageDays: Int?
    ) {
        self.id = id
        self.petitioner = petitioner
        self.petitionerName = petitionerName
        self.authority = authority
        self.via = via
        self.subject = subject
        self.category = category
        self.opened = opened
        self.status = status
        self.ageDays = ageDays
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(petitioner, forKey: .petitioner)
        try c.encode(petitionerName, forKey: .petitionerName)
        try c.encode(authority, forKey: .authority)
        try c.encode(via, forKey: .via)
        try c.encode(subject, forKey: .subject)
        try c.encode(category, forKey: .category)
        try c.encode(opened, forKey: .opened)
        try c.encode(status, forKey: .status)
        try c.encode(ageDays, forKey: .ageDays)
    }
}

/// How an authority answers: letters it was sent, answered, answered in time, the median days to answer,
/// open and overdue now, and the chain above it.
public struct AuthorityLine: Codable, Sendable, Hashable {
    public var handle: String
    public var name: String
    public var chain: [String]
    /// Letters sent to it (that expected a reply) up to the as-of day.
    public var lettersReceived: Int
    public var answered: Int
    public var answeredWithinDeadline: Int
    public var medianDaysToAnswer: Double?
    public var openNow: Int
    public var overdueNow: Int

    public init(
        handle: String, name: String, chain: [String], lettersReceived: Int, answered: Int, answeredWithinDeadline: Int,
        medianDaysToAnswer: Double?, openNow: Int, overdueNow: Int
    ) {
        self.handle = handle
        self.name = name
        self.chain = chain
        self.lettersReceived = lettersReceived
        self.answered = answered
        self.answeredWithinDeadline = answeredWithinDeadline
        self.medianDaysToAnswer = medianDaysToAnswer
        self.openNow = openNow
        self.overdueNow = overdueNow
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(handle, forKey: .handle)
        try c.encode(name, forKey: .name)
        try c.encode(chain, forKey: .chain)
        try c.encode(lettersReceived, forKey: .lettersReceived)
        try c.encode(answered, forKey: .answered)
        try c.encode(answeredWithinDeadline, forKey: .answeredWithinDeadline)
        try c.encode(medianDaysToAnswer, forKey: .medianDaysToAnswer)
        try c.encode(openNow, forKey: .openNow)
        try c.encode(overdueNow, forKey: .overdueNow)
    }
}

/// Findings raised and cleared per month (from recorded checks), and deliveries due versus received per period.
public struct Trend: Codable, Sendable, Hashable {
    public var findings: [TrendMonth]
    public var deliveries: [TrendPeriod]
    public init(findings: [TrendMonth], deliveries: [TrendPeriod]) {
        self.findings = findings
        self.deliveries = deliveries
    }
}

public struct TrendMonth: Codable, Sendable, Hashable {
    public var month: String
    public var raised: Int
    public var cleared: Int
    public init(month: String, raised: Int, cleared: Int) {
        self.month = month
        self.raised = raised
        self.cleared = cleared
    }
}

public struct TrendPeriod: Codable, Sendable, Hashable {
    public var period: Period
    /// Deliveries due in the period (not cancelled) and how many of them came in full / in part as of the day.
    public var due: Int
    public var complete: Int
    public var partial: Int
    /// Per commodity and unit: expected and received amounts in the decree's unit.
    public var quantities: [TrendQuantity]
    public init(period: Period, due: Int, complete: Int, partial: Int, quantities: [TrendQuantity]) {
        self.period = period
        self.due = due
        self.complete = complete
        self.partial = partial
        self.quantities = quantities
    }
}

public struct TrendQuantity: Codable, Sendable, Hashable {
    public var commodity: String
    public var unit: String
    public var expected: Decimal
    public var received: Decimal
    public init(commodity: String, unit: String, expected: Decimal, received: Decimal) {
        self.commodity = commodity
        self.unit = unit
        self.expected = expected
        self.received = received
    }
}
