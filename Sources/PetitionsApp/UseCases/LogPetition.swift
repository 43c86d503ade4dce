import PetitionsDomain

/// Logs a petition from a person or group to an authority, perhaps carried by an intermediary.
public struct LogPetition: UseCase {
    public var from: String
    public var to: String
    public var subject: String
    public var on: Day
    public var via: String?
    public var category: String?

    public init(from: String, to: String, subject: String, on: Day, via: String? = nil, category: String? = nil) {
        self.from = from
        self.to = to
        self.subject = subject
        self.on = on
        self.via = via
        self.category = category
    }

    /// What is unusual about its day, for the front end to warn of: a petition dated after today cannot have been
    /// logged yet (a typing slip, 2092 for 1920); it is recorded all the same, as a note or a letter so dated is.
    public var dateCheck: CheckDates { CheckDates("the petition is dated", on: on, references: []) }

    public func run(in workspace: Workspace) throws -> Petition {
        try workspace.recording { try $0.logPetition(from: from, to: to, subject: subject, on: on, via: via, category: category) }
    }
}
