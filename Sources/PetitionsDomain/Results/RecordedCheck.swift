/// What a recorded check wrote.
public struct RecordedCheck: Codable, Sendable {
    public var raised: Int
    public var cleared: Int

    public init(raised: Int, cleared: Int) {
        self.raised = raised
        self.cleared = cleared
    }
}
