import PetitionsDomain

/// The rules in force, in the order they were configured: by default one of each built-in kind.
public struct RuleSet: Sendable, Equatable {
    public var rules: [AnyRule]

    public init(_ rules: [any Rule]) { self.rules = rules.map(AnyRule.init) }

    /// One rule of each kind but sql, with the default parameters.
    public static let defaults = RuleSet(RuleRegistry.defaultRules)

    /// The enabled rules of a kind.
    public func enabled(_ kind: RuleKind) -> [AnyRule] { rules.filter { $0.enabled && $0.kind == kind } }

    /// The enabled rules of a kind, as values of its type.
    public func enabled<R: Rule>(_ type: R.Type) -> [R] {
        rules.compactMap { r in r.base.enabled ? r.base as? R : nil }
    }

    /// The reply window of the first enabled unanswered_letter rule (20 working days without one).
    public var defaultReplyWindow: Span { enabled(UnansweredLetterRule.self).first?.within ?? UnansweredLetterRule.defaultWithin }
}
