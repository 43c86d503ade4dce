/// What an event concerns.
public struct Subject: Codable, Hashable, Sendable {
    public var type: String
    public var id: Int64
    public init(_ type: String, _ id: Int64) {
        self.type = type
        self.id = id
    }
}
