import PetitionsDomain

/// A named day off: one particular day, or the same month and day every year.
public struct Holiday: Hashable, Sendable, CustomStringConvertible {
    /// When a holiday falls.
    public enum Occurrence: Hashable, Sendable, CustomStringConvertible {
        /// Once, on this day.
        case once(Day)
        /// Every year on this month and day; 02-29 falls only in leap years.
        case yearly(month: Int, day: Int)

        /// Parses `YYYY-MM-DD` (one day) or `MM-DD` (every year); `field` names the value in the error.
        public init(parsing text: String, field: String = "date") throws {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            let shape = "is not a day; write YYYY-MM-DD for one day or MM-DD for every year, e.g. 2009-04-10 or 12-25"
            switch parts.count {
            case 3:
                guard parts[0].count == 4 else { throw PetitionsError.invalid(field, text, shape) }
                self = .once(try Day(parsing: text, field: field))
            case 2:
                guard parts.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
                    let m = Int(parts[0]), let d = Int(parts[1])
                else {
                    throw PetitionsError.invalid(field, text, shape)
                }
                guard (1...12).contains(m) else { throw PetitionsError.invalid(field, text, "has no month \(m)") }
                // A leap year (2000) gives the most days a month can have.
                let most = Day.daysIn(month: m, year: 2000)
                guard (1...most).contains(d) else {
                    throw PetitionsError.invalid(field, text, "does not exist: \(Day.monthNames[m - 1]) has at most \(most) days")
                }
                self = .yearly(month: m, day: d)
            default:
                throw PetitionsError.invalid(field, text, shape)
            }
        }

        /// `YYYY-MM-DD` for one day, `MM-DD` for every year.
        public var description: String {
            switch self {
            case .once(let day): return day.description
            case .yearly(let m, let d): return (m < 10 ? "0" : "") + "\(m)-" + (d < 10 ? "0" : "") + "\(d)"
            }
        }
    }

    /// When it falls.
    public let occurrence: Occurrence
    /// What it is called, e.g. "Christmas Day".
    public let name: String

    /// A holiday on one particular day.
    public init(on day: Day, name: String) {
        self.occurrence = .once(day)
        self.name = name
    }

    /// A holiday every year on `month`-`day`, or nil when no year has that day (02-30, 13-01).
    public init?(everyYear month: Int, _ day: Int, name: String) {
        guard (1...12).contains(month), (1...Day.daysIn(month: month, year: 2000)).contains(day) else { return nil }
        self.occurrence = .yearly(month: month, day: day)
        self.name = name
    }

    /// A holiday at a parsed occurrence.
    public init(_ occurrence: Occurrence, name: String) throws {
        switch occurrence {
        case .once(let day): self.init(on: day, name: name)
        case .yearly(let m, let d):
            guard let h = Holiday(everyYear: m, d, name: name) else {
                throw PetitionsError.invalid("date", occurrence.description, "is not a day of the year")
            }
            self = h
        }
    }

    /// `12-25 Christmas Day`.
    public var description: String { "\(occurrence) \(name)" }
}
