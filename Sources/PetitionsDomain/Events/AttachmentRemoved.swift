/// `attachment.removed`: an attachment taken off its letter or petition. Its bytes stay in the ledger until
/// `petitions compact` drops the content no attachment still uses.
public struct AttachmentRemoved: EventPayload, Equatable {
    public static let kind = LedgerEvent.Kind.attachmentRemoved
    public static let keys = Set(CodingKeys.allCases.map(\.rawValue))

    public var attachment: Int64?
    public var reason: String

    public init(attachment: Int64? = nil, reason: String) {
        self.attachment = attachment
        self.reason = reason
    }

    public var event: LedgerEvent { .attachmentRemoved(self) }

    enum CodingKeys: String, CodingKey, CaseIterable { case attachment, reason }

    /// Every key is written, absent values as null.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(attachment, forKey: .attachment)
        try c.encode(reason, forKey: .reason)
    }
}
