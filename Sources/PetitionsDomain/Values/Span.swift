import Foundation

/// A length of time: `N days`, `N working days`, `N weeks` or `N months`.
public struct Span: Hashable, Sendable, CustomStringConvertible, Codable {
    public enum Unit: String, Sendable, Codable, CaseIterable {
        case days
        case workingDays = "working days"
        case weeks, months
    }

    public let count: Int
    /// The most a span may count: six digits.
    public static let maximumCount = 999_999
    public let unit: Unit

    public init(_ count: Int, _ unit: Unit) {
        self.count = count
        self.unit = unit
    }

    /// Parses `20 working days`, `1 day`, `2 weeks`, `1 month` (also `20 working-days`, `20wd`).
    public init(parsing text: String, field: String = "span") throws {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let bad = PetitionsError.invalid(field, text, "is not a span; write e.g. '20 working days', '7 days', '2 weeks' or '1 month'")
        guard let first = words.first else { throw bad }
        var number = first
        var rest = Array(words.dropFirst())
        // Allow "7d"-less forms only as separate words; a number must come first.
        if rest.isEmpty, let idx = first.firstIndex(where: { !$0.isNumber }) {
            number = String(first[..<idx])
            rest = [String(first[idx...])]
        }
        if number.hasPrefix("-"), number.count > 1, number.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }) {
            throw PetitionsError.invalid(field, text, "must be at least 1")
        }
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw bad }
        guard number.drop(while: { $0 == "0" }).count <= 6, let n = Int(number) else {
            throw PetitionsError.invalid(field, text, "is too large; a span counts at most \(Span.maximumCount) days, working days, weeks or months")
        }
        guard n > 0 else { throw PetitionsError.invalid(field, text, "must be at least 1") }
        let unitWords = rest.joined(separator: " ").replacingOccurrences(of: "-", with: " ")
        let unit: Unit
        switch unitWords {
        case "day", "days", "d": unit = .days
        case "working day", "working days", "wd", "business day", "business days": unit = .workingDays
        case "week", "weeks", "w": unit = .weeks
        case "month", "months", "m": unit = .months
        default: throw bad
        }
        self.init(n, unit)
    }

    /// Refuses this span counted from `from`, naming `field`, when it runs past `Day.maximum`, the last day petitions
    /// counts: the one check for days, weeks and months (a span of working days needs the calendar to count).
    public func refusePastTheEnd(from: Day, field: String) throws {
        let past: Bool
        switch unit {
        case .days, .weeks: past = from.ordinal + (unit == .weeks ? count * 7 : count) > Day.maximum.ordinal
        case .months: past = from.year * 12 + from.month - 1 + count > Day.maximum.year * 12 + 11
        case .workingDays: past = false
        }
        if past { throw PetitionsError.invalid(field, description, "from \(from) runs past \(Day.maximum), the last day petitions counts") }
    }

    public var description: String { "\(count) \(singular)\(count == 1 ? "" : "s")" }

    /// The span as text prints it, thousands separated (`1,500 weeks`); `description` is the plain form JSON and the
    /// parser read (`1500 weeks`).
    public var grouped: String { "\(Quantity.grouped(Decimal(count))) \(singular)\(count == 1 ? "" : "s")" }

    /// The unit's name for one (`working day`).
    private var singular: String {
        switch unit {
        case .days: "day"
        case .workingDays: "working day"
        case .weeks: "week"
        case .months: "month"
        }
    }

    public init(from decoder: Decoder) throws {
        self = try Span(parsing: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
