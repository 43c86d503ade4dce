/// How often an entitlement falls due. Months today; the type leaves room for weeks or quarters.
public enum Frequency: String, Codable, Sendable, CaseIterable {
    case month

    /// Parses `month` (also `monthly`).
    public init(parsing text: String) throws {
        switch text.lowercased() {
        case "month", "monthly": self = .month
        default: throw PetitionsError.invalid("--every", text, "is not a known frequency; use 'month'")
        }
    }
}
