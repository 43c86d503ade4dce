import PetitionsDomain

/// How serious a finding is: warning < overdue < critical.
public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
    case warning, overdue, critical

    /// Reads a severity as written in a file or an option; `field` names it in the error.
    public init(parsing text: String, field: String) throws {
        guard let s = Severity(rawValue: text.lowercased()) else {
            throw PetitionsError.invalid(field, text, "is not a severity; use warning, overdue or critical")
        }
        self = s
    }

    var rank: Int {
        switch self {
        case .warning: return 0
        case .overdue: return 1
        case .critical: return 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}
