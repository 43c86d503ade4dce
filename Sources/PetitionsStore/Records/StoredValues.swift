import Foundation
import GRDB
import PetitionsDomain

/// Reading the ledger's days, periods, spans and enumerations back out of their sortable text. A stored value that
/// does not read (the file was changed outside petitions) is an error naming the column and the value, never a
/// silent default such as 1000-01-01; `verify` lists every such value. The codecs themselves are in `Codecs.swift`.
extension Row {
    /// The day in `column`.
    func day(_ column: String) throws -> Day { try decode(Column(column)) }

    /// The day in `column`, nil when it is NULL.
    func optionalDay(_ column: String) throws -> Day? { try decodeIfPresent(Column(column)) }

    /// The period in `column`.
    func period(_ column: String) throws -> Period { try decode(Column(column)) }

    /// The span in `column`, nil when it is NULL.
    func optionalSpan(_ column: String) throws -> Span? { try decodeIfPresent(Column(column)) }

    /// The value of an enumeration stored as its raw text in `column`.
    func stored<T: RawRepresentable>(_ type: T.Type, _ column: String) throws -> T where T.RawValue == String {
        try Row.stored(storedText(column), column, "a known \(column)") { text in
            guard let value = T(rawValue: text) else { throw Row.NotStoredValue() }
            return value
        }
    }

    /// The text in `column`, nil when it is NULL. A number or bytes where text belongs (only a file changed outside
    /// petitions holds one: the tables are STRICT) comes back as SQLite would print it, to be refused by what reads it,
    /// rather than through GRDB's conversion, which would stop the program.
    func storedText(_ column: String) -> String? { Row.text(of: self[column]) }

    /// The text at `index`, nil when it is NULL, as `storedText(_:)` reads it: for the hot paths that read by position.
    func storedText(atIndex index: Int) -> String? { Row.text(of: self[index]) }

    private static func text(of value: DatabaseValue) -> String? {
        switch value.storage {
        case .null: return nil
        case .string(let text): return text
        case .int64(let n): return String(n)
        case .double(let x): return String(x)
        case .blob(let bytes): return "x'" + bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() + "'"
        }
    }

    private struct NotStoredValue: Error {}

    /// `parse(text)`, or the sentence about a damaged ledger naming `column`, the text and `what` it should be.
    static func stored<T>(_ text: String?, _ column: String, _ what: String, _ parse: (String) throws -> T) throws -> T {
        guard let text, let value = try? parse(text) else {
            throw PetitionsError(
                "The ledger is damaged: its \(column) \(quoted(text ?? "NULL")) is not \(what) (it was changed outside petitions).",
                code: .dataError)
        }
        return value
    }
}
