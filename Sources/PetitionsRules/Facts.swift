import PetitionsDomain

/// What the rules read: facts gathered from the ledger as of a day. The rules never read the ledger themselves.
public struct Facts: Sendable {
    public var letters: [WaitingLetter]
    public var deliveries: [LateDelivery]
    public var petitions: [PetitionActivity]
    /// The rows each sql rule's query returned, by rule id: the store runs the queries, in its sandbox.
    public var queryRows: [String: [QueryRow]]

    public init(
        letters: [WaitingLetter] = [], deliveries: [LateDelivery] = [], petitions: [PetitionActivity] = [], queryRows: [String: [QueryRow]] = [:]
    ) {
        self.letters = letters
        self.deliveries = deliveries
        self.petitions = petitions
        self.queryRows = queryRows
    }
}

/// One row of a sql rule's query: what it is about, how serious (when the query says), and the sentence.
public struct QueryRow: Sendable, Hashable {
    public var subject: String
    public var severity: String?
    public var message: String

    public init(subject: String, severity: String?, message: String) {
        self.subject = subject
        self.severity = severity
        self.message = message
    }
}
