/// An entry of the append-only event log.
public struct Event: Codable, Hashable, Sendable {
    public var id: Int64
    public var uuid: String
    public var kind: String
    public var day: Day
    public var recordedAt: String
    public var actor: String
    public var office: String
    public var subjects: [Subject]
    public var summary: String
    public var payload: JSONValue

    public init(
        id: Int64, uuid: String, kind: String, day: Day, recordedAt: String, actor: String, office: String, subjects: [Subject], summary: String,
        payload: JSONValue
    ) {
        self.id = id
        self.uuid = uuid
        self.kind = kind
        self.day = day
        self.recordedAt = recordedAt
        self.actor = actor
        self.office = office
        self.subjects = subjects
        self.summary = summary
        self.payload = payload
    }
}
