import PetitionsDomain

/// Enrols a recipient (group or person) in a decree with head-counts per category; without counts they come from
/// the group's counts and its members' households, or a person's own household; a person counts in the decree's only
/// category unless a member category is given.
public struct EnrolRecipient: UseCase {
    public var decree: String
    public var recipient: String
    public var counts: [HeadCount]
    public var from: Day?
    public var to: Day?
    /// The category each member person counts as; without it, the decree's one category (a decree with several needs counts).
    public var memberCategory: String?

    public init(
        decree: String, recipient: String, counts: [HeadCount] = [], from: Day? = nil, to: Day? = nil,
        memberCategory: String? = nil
    ) {
        self.decree = decree
        self.recipient = recipient
        self.counts = counts
        self.from = from
        self.to = to
        self.memberCategory = memberCategory
    }

    public func run(in workspace: Workspace) throws -> Enrolment {
        try workspace.recording {
            try $0.enrol(decree: decree, recipient: recipient, counts: counts, from: from, to: to, memberCategory: memberCategory)
        }
    }
}
