import PetitionsDomain

/// Corrects a petition's subject, category or intermediary (`petition edit`): one `petition.updated` event.
public struct EditPetition: UseCase {
    public var change: PetitionChange
    public var on: Day?

    public init(change: PetitionChange, on: Day? = nil) {
        self.change = change
        self.on = on
    }

    public func run(in workspace: Workspace) throws -> Correction<Petition> {
        try workspace.amending { l in
            let (petition, changed) = try l.update(change, on: on)
            return Correction(record: petition, changed: changed)
        }
    }
}
