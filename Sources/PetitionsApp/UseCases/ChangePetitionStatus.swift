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

    public func run(in workspace: Workspace) throws -> Petition {
        try workspace.recording { try $0.changeStatus(petition: petition, to: to, on: on, note: note) }
    }

    /// The warnings every front end gives for the change: a day after today, a typing slip as often as a plan.
    public var dateCheck: CheckDates { CheckDates("the change of status is dated", on: on, references: []) }

    /// Changes the status, with `dateCheck`'s warnings, the ledger opened once.
    public func runChecked(in workspace: Workspace) throws -> (petition: Petition, warnings: [String]) {
        try workspace.oneOpening { w in
            let warnings = try dateCheck.run(in: w)
            return (try run(in: w), warnings)
        }
    }
}
