import PetitionsDomain

/// An attachment's day, checked alike by every front end (`attach`, the API's upload): a day after today, or before
/// the letter or petition it is attached to, is warned of and the file kept all the same.
public protocol DatedAttachment: UseCase where Result == Attachment {
    var letter: Int64? { get }
    var petition: Int64? { get }
    var on: Day { get }
}

extension DatedAttachment {
    /// The warnings for the attachment's day.
    public var dateCheck: CheckDates {
        CheckDates(
            "the attachment is dated", on: on,
            references: (letter.map { [DatedReference.letter($0)] } ?? []) + (petition.map { [DatedReference.petition($0)] } ?? []))
    }

    /// Attaches the file, with `dateCheck`'s warnings, the ledger opened once.
    public func runChecked(in workspace: Workspace) throws -> (attachment: Attachment, warnings: [String]) {
        try workspace.oneOpening { w in
            let warnings = try dateCheck.run(in: w)
            return (try run(in: w), warnings)
        }
    }
}

extension AttachFile: DatedAttachment {}
extension AttachBytes: DatedAttachment {}
