import Foundation

/// A user of the office server: a name, a role, and whether the account still works. The office's own record,
/// kept apart from the event log (`export events` leaves it out); the password hash never leaves the store.
public struct Account: Codable, Hashable, Sendable {
    public var id: Int64
    public var name: String
    public var role: Role
    public var disabled: Bool
    /// The moment the account was made (ISO 8601, UTC).
    public var created: String

    public init(id: Int64, name: String, role: Role, disabled: Bool, created: String) {
        self.id = id
        self.name = name
        self.role = role
        self.disabled = disabled
        self.created = created
    }

    /// A user name: 1 to 64 letters, digits, `.`, `_` or `-`, starting with a letter; kept as given, compared
    /// without regard to case.
    public static func validName(_ text: String, field: String = "name") throws -> String {
        let name = text.trimmingCharacters(in: .whitespaces)
        let allowed = name.unicodeScalars.allSatisfy { ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)) }
        guard !name.isEmpty, name.count <= 64, allowed, name.unicodeScalars.first?.properties.isAlphabetic == true else {
            throw PetitionsError.invalid(
                field, text, "is not a user name; use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter")
        }
        return name
    }
}
