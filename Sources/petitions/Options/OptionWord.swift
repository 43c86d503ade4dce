import ArgumentParser
import Foundation
import PetitionsApp

/// The transforms of options whose word one of the app's own parsers reads: a kind or status (`--kind`, `--status`,
/// `--to`, `--channel`, `--min-severity`), and the days, periods, spans, ids and numbers that a read command asks
/// about (`--as-of`, `--since`, `--period`, `--within`, `--petition`, `--limit`).
///
/// Those parsers serve the imports too, where a bad value is bad data (exit 65); given to an option on the command
/// line it is a usage error, exit 64, as an `EnumeratedOption`'s word is: the refusal is the parser's own sentence
/// (the option, the word, what it takes) made a usage error, thrown while the line is parsed, before the ledger is
/// opened, and found by `Petitions.carriedError` inside the parser's error. The days, periods and spans a recording
/// command records (`letter send --on`) are the record's data and stay 65, as the README says.
///
/// An option with a transform and a default value says its default in its help text (`(default: warning)`): the
/// parser shows the default only of a value it reads itself, and the help reads as it did before.
enum OptionWord {
    /// `parse` as an option's transform: its refusal becomes a usage error.
    static func read<Value>(_ parse: @escaping @Sendable (String) throws -> Value) -> @Sendable (String) throws -> Value {
        { text in
            do { return try parse(text) } catch let refusal as PetitionsError { throw refusal.asUsage }
        }
    }

    /// A day, YYYY-MM-DD.
    static func day(_ option: String) -> @Sendable (String) throws -> Day { read { try Day(parsing: $0, field: option) } }

    /// A supply period, YYYY-MM.
    static func period(_ option: String) -> @Sendable (String) throws -> Period { read { try Period(parsing: $0, field: option) } }

    /// A span: '20 working days', '1 month'.
    static func span(_ option: String) -> @Sendable (String) throws -> Span { read { try Span(parsing: $0, field: option) } }

    /// A record's id, a whole number from 1.
    static func id(_ option: String) -> @Sendable (String) throws -> Int64 { read { try recordID($0, option) } }

    /// A whole number in `range`, refused as "is not `what`".
    static func number(_ option: String, _ what: String, in range: ClosedRange<Int>) -> @Sendable (String) throws -> Int {
        read { try wholeNumber($0, option, what, in: range) }
    }
}

/// `id(_:_:)` under a name that `OptionWord.id` does not hide.
private func recordID(_ text: String, _ field: String) throws -> Int64 { try id(text, field) }

extension PetitionsError {
    /// The same refusal, as a usage error (exit 64): a bad word given to an option.
    var asUsage: PetitionsError { PetitionsError(message, code: .usage, field: field, kind: kind) }
}
