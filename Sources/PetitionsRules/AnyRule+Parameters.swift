import PetitionsDomain

// The parameters of a configured rule by the names a rules file gives them, whatever its kind: nil (false for a
// flag) when the kind does not take the parameter. For showing and checking what a file said; the engine reads each
// kind's own type.

extension AnyRule {
    /// unanswered_letter `within`.
    public var within: Span? { (base as? UnansweredLetterRule)?.within }
    /// unanswered_letter or stalled_petition `critical_after`.
    public var criticalAfter: Span? { (base as? UnansweredLetterRule)?.criticalAfter ?? (base as? StalledPetitionRule)?.criticalAfter }
    /// unanswered_letter `warning_before`.
    public var warningBefore: Span? { (base as? UnansweredLetterRule)?.warningBefore }
    /// overdue_delivery `grace`.
    public var grace: Span? { (base as? OverdueDeliveryRule)?.grace }
    /// overdue_delivery `critical_consecutive`.
    public var criticalConsecutive: Int? { (base as? OverdueDeliveryRule)?.criticalConsecutive }
    /// overdue_delivery `critical_shortfall`.
    public var criticalShortfall: Double? { (base as? OverdueDeliveryRule)?.criticalShortfall }
    /// arrears `threshold_periods`.
    public var thresholdPeriods: Double? { (base as? ArrearsRule)?.thresholdPeriods }
    /// arrears `critical_periods`.
    public var criticalPeriods: Double? { (base as? ArrearsRule)?.criticalPeriods }
    /// stalled_petition `after`.
    public var after: Span? { (base as? StalledPetitionRule)?.after }
    /// escalation `letters`.
    public var letters: Int? { (base as? EscalationRule)?.letters }
    /// escalation `with_critical_supply`.
    public var withCriticalSupply: Bool { (base as? EscalationRule)?.withCriticalSupply ?? false }
    /// sql `query`.
    public var query: String? { (base as? SQLRule)?.query }
    /// sql `severity`.
    public var severity: Severity? { (base as? SQLRule)?.severity }
}
