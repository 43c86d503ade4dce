/// A case note written on a petition (`petition note`).
public struct PetitionNote: Codable, Hashable, Sendable {
    public var id: Int64
    public var on: Day
    public var text: String
    public var office: String

    public init(id: Int64, on: Day, text: String, office: String) {
        self.id = id
        self.on = on
        self.text = text
        self.office = office
    }
}
