/// Channels a letter travels by.
public enum Channel: String, Codable, Sendable, CaseIterable {
    case post, telegraph, courier
    case inPerson = "in-person"
    public init(parsing text: String) throws {
        guard let c = Channel(rawValue: text.lowercased().replacingOccurrences(of: "_", with: "-")) else {
            throw PetitionsError.invalid(
                "--channel", text, "is not a channel; use one of \(Channel.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = c
    }
}
