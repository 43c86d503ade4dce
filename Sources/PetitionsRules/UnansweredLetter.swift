import PetitionsDomain

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
    /// The id of the unanswered_letter rule that judged it; nil when no rule's scope takes it. Not shown.
    public var rule: String? = nil

    enum CodingKeys: String, CodingKey {
        case letter, from, fromName, to, toName, subject, sent, due, daysWaiting, daysOverdue, workingDaysOverdue, severity, petition, followUps
        case escalateTo, message, action
    }

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
