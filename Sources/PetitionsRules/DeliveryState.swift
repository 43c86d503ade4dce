import PetitionsDomain

/// How much of a late delivery came, in the words `check`, `overdue`, the report and the drafts all use. A period of
/// which part came is "partly delivered" with what is still owed, never "not delivered": the supplier reading a draft
/// knows what it sent, and a letter that denies it is a letter to be disputed.
public enum DeliveryState: Sendable, Hashable {
    /// Nothing of the period came.
    case notDelivered
    /// Something came, but less than the decree promises.
    case partlyDelivered

    /// The state of a delivery of which `received` came (an amount of each line, in any unit).
    public init(anyReceived: Bool) { self = anyReceived ? .partlyDelivered : .notDelivered }

    /// "not delivered" or "partly delivered".
    public var words: String {
        switch self {
        case .notDelivered: return "not delivered"
        case .partlyDelivered: return "partly delivered"
        }
    }

    /// The state with what is owed: "not delivered; 1,300 funt wheat owed", "partly delivered; 811.614 funt wheat
    /// still owed" (`separator` between them).
    public func owing(_ owed: String, separator: String = "; ") -> String {
        switch self {
        case .notDelivered: return Sentence("\(words)\(separator)\(owed) owed").text
        case .partlyDelivered: return Sentence("\(words)\(separator)\(owed) still owed").text
        }
    }

    /// A run of consecutive late periods, true whether each came in part or not at all: "3 consecutive periods not
    /// delivered in full".
    public static func run(_ count: Int) -> String { "\(Wording.number(count)) consecutive periods not delivered in full" }

    /// "3 deliveries not made", "1 delivery made only in part", "1 delivery not made and 3 made only in part": the late
    /// deliveries of a draft's subject, counted by state.
    public static func counted(notDelivered: Int, partlyDelivered: Int) -> String {
        func n(_ k: Int) -> String { k == 1 ? "1 delivery" : "\(Wording.number(k)) deliveries" }
        switch (notDelivered, partlyDelivered) {
        case (_, 0): return "\(n(notDelivered)) not made"
        case (0, _): return "\(n(partlyDelivered)) made only in part"
        default: return "\(n(notDelivered)) not made and \(partlyDelivered) made only in part"
        }
    }
}
