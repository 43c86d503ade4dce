import Foundation

/// What a user of the office server may do: readers read everything, clerks also record and correct, admins
/// also manage users, rules, calendar and office settings.
public enum Role: String, Codable, Sendable, CaseIterable, Comparable {
    case reader, clerk, admin

    public init(parsing text: String, field: String = "--role") throws {
        guard let r = Role(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw PetitionsError.invalid(field, text, "is not a role; use admin, clerk or reader")
        }
        self = r
    }

    private var rank: Int {
        switch self {
        case .reader: return 0
        case .clerk: return 1
        case .admin: return 2
        }
    }

    /// Whether this role may do what `needed` may: an admin may do what a clerk may, a clerk what a reader may.
    public func allows(_ needed: Role) -> Bool { rank >= needed.rank }

    public static func < (a: Role, b: Role) -> Bool { a.rank < b.rank }
}
