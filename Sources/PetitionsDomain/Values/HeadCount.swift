import Foundation

/// A head-count by category, parsed from `CATEGORY=N`.
public struct HeadCount: Codable, Hashable, Sendable {
    public var category: String
    public var count: Int
    public init(category: String, count: Int) {
        self.category = category
        self.count = count
    }

    /// The most heads one category may count: enough for any group, small enough that a ration times the heads
    /// over every period adds up without overflow.
    public static let maximum = 10_000_000

    /// Parses `CATEGORY=N`; `allowsZero` takes `CATEGORY=0` (a correction that removes the category's head-count).
    public init(parsing text: String, field: String = "--count", allowsZero: Bool = false) throws {
        let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2 else { throw PetitionsError.invalid(field, text, "is not CATEGORY=N, e.g. 'employee=125'") }
        let cat = try Category.validate(parts[0], field: field, whole: text)
        if parts[1].hasPrefix("-"), parts[1].dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }), parts[1].count > 1 {
            throw PetitionsError.invalid(field, text, "counts a negative number of heads; a count cannot be negative")
        }
        guard !parts[1].isEmpty, parts[1].allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw PetitionsError.invalid(field, text, "has no whole number after '='")
        }
        guard let n = Int(parts[1]), n <= HeadCount.maximum else {
            throw PetitionsError.invalid(
                field, text, "counts more than \(Quantity.grouped(Decimal(HeadCount.maximum))) heads, the most one category may count")
        }
        guard n > 0 || allowsZero else { throw PetitionsError.invalid(field, text, "must count at least 1") }
        self.init(category: cat, count: n)
    }
}
