import PetitionsDomain

/// Changes a petition's status as a recorded event (the stored due days of its letters follow the pauses).
public struct ChangePetitionStatus: UseCase {
    public var petition: Int64
    public var to: PetitionStatus
    public var on: Day
    public var note: String?

    public init(petition: Int64, to: PetitionStatus, on: Day, note: String? = nil) {
        self.petition = petition
        self.to = to
        self.on = on
        self.note = note
    }

    /// Refuses a change dated after today, for every front end: each change must be dated on or after the one before
    /// it, so one mistyped future day (9999 for 1920) would refuse every real change after it and leave the petition's
    /// status today and its status in the report apart. A status changes when it is recorded, never ahead.
    public func run(in workspace: Workspace) throws -> Petition {
        guard on <= workspace.today else {
            throw PetitionsError.invalid(
                "--on", on.description, "is after today (\(workspace.today)); a change of status is recorded on or after the day it happens")
        }
        return try workspace.recording { try $0.changeStatus(petition: petition, to: to, on: on, note: note) }
    }
}
