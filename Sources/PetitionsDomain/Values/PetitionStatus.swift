/// The lifecycle of a petition.
public enum PetitionStatus: String, Codable, Sendable, CaseIterable {
    case open
    case waitingOnPetitioner = "waiting_on_petitioner"
    case answered, resolved, rejected, withdrawn

    public init(parsing text: String, field: String = "--to") throws {
        guard let s = PetitionStatus(rawValue: text.lowercased().replacingOccurrences(of: "-", with: "_")) else {
            throw PetitionsError.invalid(
                field, text, "is not a petition status; use one of \(PetitionStatus.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = s
    }

    /// The statuses this one may change to.
    public var next: [PetitionStatus] {
        switch self {
        case .open: return [.waitingOnPetitioner, .answered, .resolved, .rejected, .withdrawn]
        case .waitingOnPetitioner: return [.open, .answered, .resolved, .rejected, .withdrawn]
        case .answered: return [.open, .waitingOnPetitioner, .resolved, .rejected, .withdrawn]
        case .resolved, .rejected, .withdrawn: return [.open]
        }
    }
}
