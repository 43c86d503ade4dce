/// The state of an expected delivery, derived from its receipts.
public enum DeliveryStatus: String, Codable, Sendable, CaseIterable {
    case pending, partial, complete, cancelled
    public init(parsing text: String) throws {
        guard let s = DeliveryStatus(rawValue: text.lowercased()) else {
            throw PetitionsError.invalid(
                "--status", text, "is not a delivery status; use one of \(DeliveryStatus.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = s
    }
}
