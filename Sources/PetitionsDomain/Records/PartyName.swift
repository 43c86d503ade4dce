/// A party named in a finding: handle and name.
public struct PartyName: Hashable, Sendable, Codable {
    public var id: Int64
    public var handle: String
    public var name: String
    public init(id: Int64, handle: String, name: String) {
        self.id = id
        self.handle = handle
        self.name = name
    }
}
