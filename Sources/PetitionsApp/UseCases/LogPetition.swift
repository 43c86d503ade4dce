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

    public func run(in workspace: Workspace) throws -> Petition {
        try workspace.recording { try $0.logPetition(from: from, to: to, subject: subject, on: on, via: via, category: category) }
    }
}
