/// What `compact` dropped: the content of attachments that were removed.
public struct CompactResult: Sendable, Equatable {
    /// Contents no attachment in force uses any more.
    public var contents: Int
    /// Their bytes.
    public var bytes: Int64

    public init(contents: Int, bytes: Int64) {
        self.contents = contents
        self.bytes = bytes
    }
}
