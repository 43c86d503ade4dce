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
        self.id = id
        self.subject = subject
        self.petitioner = petitioner
        self.authority = authority
        self.category = category
        self.opened = opened
        self.lastActivity = lastActivity
    }
}
