import PetitionsDomain

/// How many documents (attachments in force) one letter has, for the report.
public struct LetterDocuments: Codable, Sendable, Hashable {
    public var letter: Int64
    /// The day of the letter.
    public var on: Day
    public var documents: Int

    public init(letter: Int64, on: Day, documents: Int) {
        self.letter = letter
        self.on = on
        self.documents = documents
    }
}
