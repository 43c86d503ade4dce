/// A note on a petition: a case note (`petition note`), or the note given with a change of its status
/// (`petition status --note`), which `statusChange` marks.
public struct PetitionNote: Codable, Hashable, Sendable {
    public var id: Int64
    public var on: Day
    public var text: String
    public var office: String
    /// Who recorded it: the actor of the event that wrote it (a clerk's name, or the user's through the server).
    public var recordedBy: String?
    /// The change of status this note was given with; nil for a case note.
    public var statusChange: StatusChange?

    /// The change of status a note was given with: the status the petition left (nil when the event did not say) and
    /// the one it took.
    public struct StatusChange: Codable, Hashable, Sendable {
        public var from: String?
        public var to: String

        public init(from: String?, to: String) {
            self.from = from
            self.to = to
        }

        enum CodingKeys: String, CodingKey { case from, to }

        /// Every key is written, absent values as null.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(from, forKey: .from)
            try c.encode(to, forKey: .to)
        }
    }

    public init(id: Int64, on: Day, text: String, office: String, recordedBy: String? = nil, statusChange: StatusChange? = nil) {
        self.id = id
        self.on = on
        self.text = text
        self.office = office
        self.recordedBy = recordedBy
        self.statusChange = statusChange
    }

    enum CodingKeys: String, CodingKey { case id, on, text, office, recordedBy, statusChange }

    /// Every key is written, absent values as null, so that the JSON shape is stable.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(on, forKey: .on)
        try c.encode(text, forKey: .text)
        try c.encode(office, forKey: .office)
        try c.encode(recordedBy, forKey: .recordedBy)
        try c.encode(statusChange, forKey: .statusChange)
    }
}
