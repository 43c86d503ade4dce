/// The kinds of rule the engine knows, as a rules file names them; `RuleRegistry` holds the type of each.
public enum RuleKind: String, Codable, Sendable, CaseIterable {
    case unansweredLetter = "unanswered_letter"
    case overdueDelivery = "overdue_delivery"
    case arrears
    case stalledPetition = "stalled_petition"
    case escalation
    case sql

    /// The parameter keys a rule of this kind accepts (besides id, kind, enabled and scope).
    public var parameters: [String] { RuleRegistry.type(of: self).parameters }
}
