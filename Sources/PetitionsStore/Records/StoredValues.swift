import GRDB
import PetitionsDomain

/// Reading the ledger's days, periods, spans and enumerations back out of their sortable text. A stored value that
/// does not read (the file was changed outside petitions) is an error naming the column and the value, never a
/// silent default such as 1000-01-01; `verify` lists every such value.
extension Row {
    /// The day in `column`.
    func day(_ column: String) throws -> Day {
        try Row.stored(self[column] as String?, column, "a day") { try Day(parsing: $0) }
    }

    /// The day in `column`, nil when it is NULL.
    func optionalDay(_ column: String) throws -> Day? {
        try (self[column] as String?).map { text in try Row.stored(text, column, "a day") { try Day(parsing: $0) } }
    }

    /// The period in `column`.
    func period(_ column: String) throws -> Period {
        try Row.stored(self[column] as String?, column, "a period") { try Period(parsing: $0) }
    }

    /// The span in `column`, nil when it is NULL.
    func optionalSpan(_ column: String) throws -> Span? {
        try (self[column] as String?).map { text in try Row.stored(text, column, "a span") { try Span(parsing: $0) } }
    }

    /// The value of an enumeration stored as its raw text in `column`.
    func stored<T: RawRepresentable>(_ type: T.Type, _ column: String) throws -> T where T.RawValue == String {
        try Row.stored(self[column] as String?, column, "a known \(column)") { text in
            guard let value = T(rawValue: text) else { throw Row.NotStoredValue() }
            return value
        }
    }

    private struct NotStoredValue: Error {}

    private static func stored<T>(_ text: String?, _ column: String, _ what: String, _ parse: (String) throws -> T) throws -> T {
        guard let text, let value = try? parse(text) else {
            throw PetitionsError(
                "The ledger is damaged: its \(column) \(quoted(text ?? "NULL")) is not \(what) (it was changed outside petitions).",
                code: .dataError)
        }
        return value
    }
}
