import PetitionsDomain

/// What is unusual about a letter before it is recorded (a reply from another party than the one written to, a letter
/// on a petition from a party that is none of its own): sentences for the front end to show as warnings. Reads only.
public struct CheckLetter: UseCase {
    public var from: String
    public var to: String
    public var inReplyTo: Int64?
    public var petition: Int64?

    public init(from: String, to: String, inReplyTo: Int64? = nil, petition: Int64? = nil) {
        self.from = from
        self.to = to
        self.inReplyTo = inReplyTo
        self.petition = petition
    }

    public func run(in workspace: Workspace) throws -> [String] {
        // A ledger that does not exist yet has nothing to warn about; recording it says what is wrong.
        (try? workspace.reading { try $0.letterWarnings(from: from, to: to, inReplyTo: inReplyTo, petition: petition) }) ?? []
    }
}
