/// A configured rule of any kind, as a rule set holds it: its id, kind, switch and scope, and the rule itself.
public struct AnyRule: Sendable, Equatable {
    /// The rule, of its own kind's type.
    public let base: any Rule

    public init(_ base: any Rule) { self.base = base }

    public var id: String { base.id }
    public var kind: RuleKind { type(of: base).kind }
    public var enabled: Bool { base.enabled }
    public var scope: RuleScope { base.scope }

    public static func == (a: AnyRule, b: AnyRule) -> Bool { a.base.isEqual(to: b.base) }
}
