import Foundation
import PetitionsDomain

/// What the rules read: facts gathered from the ledger as of a day.
public struct Facts: Sendable {
    public var letters: [WaitingLetter]
    public var deliveries: [LateDelivery]
    public var petitions: [PetitionActivity]
    public init(letters: [WaitingLetter] = [], deliveries: [LateDelivery] = [], petitions: [PetitionActivity] = []) {
        self.letters = letters
        self.deliveries = deliveries
        self.petitions = petitions
    }
}

/// A letter waiting for a reply, as the `unanswered` listing shows it.
public struct UnansweredLetter: Codable, Sendable, Hashable {
    public var letter: Int64
    public var from: String
    /// The sender's name, beside the sender's handle.
    public var fromName: String
    public var to: String
    public var toName: String
    public var subject: String
    public var sent: Day
    public var due: Day
    public var daysWaiting: Int
    public var daysOverdue: Int
    public var workingDaysOverdue: Int
    public var severity: Severity?
    public var petition: Int64?
    public var followUps: Int
    public var escalateTo: String?
    public var message: String
    public var action: String

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(letter, forKey: .letter)
        try c.encode(from, forKey: .from)
        try c.encode(fromName, forKey: .fromName)
        try c.encode(to, forKey: .to)
        try c.encode(toName, forKey: .toName)
        try c.encode(subject, forKey: .subject)
        try c.encode(sent, forKey: .sent)
        try c.encode(due, forKey: .due)
        try c.encode(daysWaiting, forKey: .daysWaiting)
        try c.encode(daysOverdue, forKey: .daysOverdue)
        try c.encode(workingDaysOverdue, forKey: .workingDaysOverdue)
        try c.encode(severity, forKey: .severity)
        try c.encode(petition, forKey: .petition)
        try c.encode(followUps, forKey: .followUps)
        try c.encode(escalateTo, forKey: .escalateTo)
        try c.encode(message, forKey: .message)
        try c.encode(action, forKey: .action)
    }
}

/// A late delivery, as the `overdue` listing shows it.
public struct OverdueDelivery: Codable, Sendable, Hashable {
    public var delivery: Int64
    public var decree: String
    public var recipient: String
    public var supplier: String
    public var period: Period
    public var due: Day
    public var overdueSince: Day
    public var daysOverdue: Int
    public var severity: Severity
    public var consecutiveMissed: Int
    public var expected: [QuantityValue]
    public var received: [QuantityValue]
    public var shortfall: [QuantityValue]
    public var message: String
    public var action: String
}

/// The rule engine: pure functions of the rules, a calendar, the facts and the as-of day. It never reads a clock.
public struct Engine: Sendable, ReplyDeadlines {
    public var rules: RuleSet
    public var calendar: WorkCalendar

    public init(rules: RuleSet, calendar: WorkCalendar) {
        self.rules = rules
        self.calendar = calendar
    }

}
