import PetitionsDomain

/// The `unanswered` listing judged one letter at a time, as the store hands the waiting letters over already in the
/// listing's order (by day sent, then id; `Ledger.streamWaitingLetters`), so that nothing is held whole.
///
/// Every letter is judged on its own facts (its rule, window, extensions and pauses), whatever the rules file holds,
/// so the stream serves for any rules: it gives the entries `Engine.unanswered(_:asOf:all:)` gives, in the same order.
public struct UnansweredStream {
    let rules: [UnansweredLetterRule]
    let fallback: Span
    let asOf: Day
    let all: Bool
    var memo: EngineMemo

    /// The listing's entry for one waiting letter; nil for one the listing leaves out (sent after the day, or, without
    /// `all`, not late or taken by no rule).
    public mutating func judge(_ letter: WaitingLetter) -> UnansweredLetter? {
        UnansweredLetterRule.judged(letter, rules: rules, fallback: fallback, asOf: asOf, all: all, memo: &memo)
    }
}

extension Engine {
    /// The unanswered listing one letter at a time (`UnansweredStream`): with `all`, also letters not yet due and those
    /// no rule takes, as `unanswered(_:asOf:all:)`.
    public func unansweredStream(asOf: Day, all: Bool = false) -> UnansweredStream {
        UnansweredStream(
            rules: rules.enabled(UnansweredLetterRule.self), fallback: rules.defaultReplyWindow, asOf: asOf, all: all,
            memo: EngineMemo(calendar: calendar, asOf: asOf))
    }
}
