/// What `import events` did.
public struct MergeResult: Codable, Sendable {
    /// Events in the file.
    public var events: Int
    /// Events added to this ledger.
    public var added: Int
    /// Events this ledger already held (by UUID): from an earlier import, or an overlapping file.
    public var alreadyPresent: Int
    /// Of the added events, those that recorded a party, decree or enrolment this ledger already had, and were joined to it.
    public var joined: Int
    /// Fields of the same record changed by both offices: each a sentence naming the record, the field and the change kept (the later).
    public var conflicts: [String] = []
    /// Events that cannot apply to this ledger as it now is (a void of a letter kept without effect, a dependant both
    /// offices added): each kept in the log without effect, and named here by its line, so that the rest merges.
    public var notApplied: [String] = []
    /// What an applied event left unusual here, each a sentence naming its line: a delivery now holding more than
    /// expected, a receipt recorded against a delivery cancelled here or for a period `enrol end` unscheduled here, a
    /// reply to a letter voided here.
    public var warnings: [String] = []

    public init(events: Int, added: Int, alreadyPresent: Int, joined: Int) {
        self.events = events
        self.added = added
        self.alreadyPresent = alreadyPresent
        self.joined = joined
    }
}
