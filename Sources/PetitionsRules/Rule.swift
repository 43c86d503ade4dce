import PetitionsDomain

/// One kind of rule: a `Decodable` value holding its id, whether it is on, its scope and the parameters of its kind,
/// each with its default in the kind's own type, and the judgement of the records its scope takes.
///
/// Kinds are registered in `RuleRegistry`, which a rules file and the engine go through: a new kind is one file
/// under `Rules/`, one case of `RuleKind` and one line of the registry.
public protocol Rule: Decodable, Sendable, Equatable {
    /// The kind, as a rules file names it.
    static var kind: RuleKind { get }
    /// The parameter keys a rule of this kind takes besides id, kind, enabled and scope, as the file spells them.
    static var parameters: [String] { get }

    /// A handle, unique among the rules in force; findings name it.
    var id: String { get }
    /// Whether it runs; a rule switched off is kept but judges nothing.
    var enabled: Bool { get set }
    /// Which records it looks at.
    var scope: RuleScope { get set }

    /// The findings of the enabled rules of this kind, in the order they were configured. A record is judged by the
    /// first of them whose scope takes it, so a kind evaluates its rules together rather than one by one.
    static func evaluate(_ rules: [Self], in evaluation: inout Evaluation) -> [Finding]
}

extension Rule {
    /// Whether `other` is this same rule.
    func isEqual(to other: any Rule) -> Bool { (other as? Self) == self }

    /// The findings of the enabled rules of this kind in `rules`.
    static func evaluateEnabled(in rules: RuleSet, _ evaluation: inout Evaluation) -> [Finding] {
        let mine = rules.enabled(Self.self)
        return mine.isEmpty ? [] : evaluate(mine, in: &evaluation)
    }
}

/// What every rule has whatever its kind: its id, whether it is on, and its scope, read first from a rule's table.
public struct RuleCommon: Decodable, Sendable {
    /// The keys every rule takes, whatever its kind.
    public static let keys = ["id", "kind", "enabled", "scope"]

    public var id: String
    public var enabled = true
    public var scope = RuleScope()

    private enum CodingKeys: String, CodingKey {
        case id, enabled, scope
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        if let on = try c.decodeIfPresent(Bool.self, forKey: .enabled) { enabled = on }
        if let s = try c.decodeIfPresent(RuleScope.self, forKey: .scope) { scope = s }
    }
}
