/// What narrows a report; nil means any. `since` keeps petitions opened, letters sent and periods due on or after it.
public struct ReportScope: Sendable, Equatable {
    public var authority: String?
    public var recipient: String?
    public var decree: String?
    public var since: Day?
    public init(authority: String? = nil, recipient: String? = nil, decree: String? = nil, since: Day? = nil) {
        self.authority = authority
        self.recipient = recipient
        self.decree = decree
        self.since = since
    }
    /// Whether anything narrows the report.
    public var isEmpty: Bool { authority == nil && recipient == nil && decree == nil && since == nil }
}
