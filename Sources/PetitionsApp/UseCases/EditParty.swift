import PetitionsDomain

/// What a correction did: the record as it now is, and the fields that changed (none when nothing differed).
public struct Correction<Record: Encodable & Sendable>: Encodable, Sendable {
    public var record: Record
    public var changed: [String]
}

/// Corrects a petitioner, group, authority or the office (`petitioner edit`, `group edit`, `authority edit`): one
/// `party.updated` event with each changed field before and after. The handle never changes.
public struct EditParty: UseCase {
    public var change: PartyChange
    public var on: Day?

    public init(change: PartyChange, on: Day? = nil) {
        self.change = change
        self.on = on
    }

    public func run(in workspace: Workspace) throws -> Correction<Party> {
        try workspace.amending { l in
            let (party, changed) = try l.update(change, on: on)
            return Correction(record: party, changed: changed)
        }
    }

    /// Corrects the party and says what is unusual about the correction's day (before the party was recorded; a day
    /// after today is refused), on one opening of the ledger, so that every front end warns alike. A correction that
    /// changes nothing records nothing, and warns of nothing.
    public func runChecked(in workspace: Workspace) throws -> (correction: Correction<Party>, warnings: [String]) {
        try workspace.oneOpening { w in
            let c = try run(in: w)
            guard let on, !c.changed.isEmpty else { return (c, []) }
            return (c, try CheckDates("the correction is dated", on: on, references: [.party(change.party)], warnAfterToday: false).run(in: w))
        }
    }
}
