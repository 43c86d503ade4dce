import PetitionsDomain
import PetitionsReport

/// A draft letter from the facts as of a day: a reminder of one waiting letter, an escalation of a petition to
/// the authority above, or a digest of everything overdue of one authority. A draft records nothing.
public struct WriteDraft: UseCase {
    /// Which letter to draft.
    public enum Kind: Sendable {
        /// A reminder of the letter with this id.
        case reminder(letter: Int64)
        /// An escalation of a petition, to `to` or the authority above its own.
        case escalation(petition: Int64, to: String?)
        /// A digest of every overdue item of an authority.
        case digest(authority: String)
    }
    public var kind: Kind
    public var asOf: Day
    public var sources: RuleSources

    public init(_ kind: Kind, asOf: Day, sources: RuleSources = RuleSources()) {
        self.kind = kind
        self.asOf = asOf
        self.sources = sources
    }

    /// The draft's facts, to render with `Drafts.render`.
    public func run(in workspace: Workspace) throws -> DraftContext {
        try workspace.reading { l in
            let context = try workspace.rules(l, sources)
            switch kind {
            case .reminder(let letter): return try Drafts.reminder(ledger: l, context: context, letter: letter, asOf: asOf)
            case .escalation(let petition, let to): return try Drafts.escalation(ledger: l, context: context, petition: petition, to: to, asOf: asOf)
            case .digest(let authority): return try Drafts.digest(ledger: l, context: context, authority: authority, asOf: asOf)
            }
        }
    }
}
