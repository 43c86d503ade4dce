/// A correction of a party's fields: every field left nil stays as it is; an empty text clears an optional field.
/// The handle never changes: it is how other offices refer to the record.
public struct PartyChange: Sendable, Equatable {
    /// The party to correct (handle or id).
    public var party: String
    /// The kinds this correction may apply to (`petitioner edit` corrects persons only).
    public var kinds: Set<PartyKind>
    public var name: String?
    public var district: String?
    public var occupation: String?
    public var address: String?
    public var phone: String?
    public var email: String?
    public var note: String?
    /// For an authority: `.some(nil)` removes its parent.
    public var parent: String??
    /// For an authority: `.some(nil)` removes its reply window.
    public var replyWithin: Span??
    /// For a group: head-counts to set, by category.
    public var counts: [HeadCount]?

    public init(party: String, kinds: Set<PartyKind>) {
        self.party = party
        self.kinds = kinds
    }

    /// Whether nothing is asked to change.
    public var isEmpty: Bool {
        name == nil && district == nil && occupation == nil && address == nil && phone == nil && email == nil && note == nil
            && parent == nil && replyWithin == nil && counts == nil
    }
}
