/// Every kind of rule, by kind: what a rules file may name, and the order in which the engine evaluates them.
///
/// The order matters: the unanswered letters and late deliveries are judged first, because arrears and escalation
/// read those judgements, and findings of equal weight keep this order.
public enum RuleRegistry {
    /// The type of each kind, in evaluation order.
    public static let types: [any Rule.Type] = [
        UnansweredLetterRule.self, OverdueDeliveryRule.self, ArrearsRule.self, StalledPetitionRule.self, EscalationRule.self, SQLRule.self,
    ]

    /// The type of rule of a kind.
    public static func type(of kind: RuleKind) -> any Rule.Type {
        switch kind {
        case .unansweredLetter: return UnansweredLetterRule.self
        case .overdueDelivery: return OverdueDeliveryRule.self
        case .arrears: return ArrearsRule.self
        case .stalledPetition: return StalledPetitionRule.self
        case .escalation: return EscalationRule.self
        case .sql: return SQLRule.self
        }
    }

    /// The built-in rules: one of each kind but sql, each with its kind's defaults.
    public static let defaultRules: [any Rule] = [
        UnansweredLetterRule(id: "unanswered-letter"), OverdueDeliveryRule(id: "overdue-delivery"), ArrearsRule(id: "arrears"),
        StalledPetitionRule(id: "stalled-petition"), EscalationRule(id: "escalation"),
    ]
}
