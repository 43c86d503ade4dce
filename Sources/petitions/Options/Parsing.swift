import ArgumentParser
import Foundation
import PetitionsApp

// MARK: - Words on the command line read as the app's values, with errors naming the option

extension ExportKind: ExpressibleByArgument {}

extension ExportFormat: ExpressibleByArgument {}

func day(_ text: String, _ field: String) throws -> Day { try Day(parsing: text, field: field) }

func day(_ text: String?, _ field: String) throws -> Day? { try text.map { try Day(parsing: $0, field: field) } }

func period(_ text: String, _ field: String) throws -> Period { try Period(parsing: text, field: field) }

func span(_ text: String?, _ field: String) throws -> Span? { try text.map { try Span(parsing: $0, field: field) } }

func id(_ text: String, _ field: String) throws -> Int64 {
    guard let n = Int64(text.trimmingCharacters(in: .whitespaces)), n > 0 else {
        throw PetitionsError.invalid(field, text, "is not an id; ids are whole numbers from 1")
    }
    return n
}

func id(_ text: String?, _ field: String) throws -> Int64? { try text.map { try id($0, field) } }

/// A whole number given to `field` (`--port`, `--limit`, `--due-day`), read here rather than by the parser: the
/// option is declared `parsing: .unconditional` as a String, so that `-1` reaches this sentence instead of
/// ArgumentParser's "Missing value". Range checks stay with the use case that owns the rule, unless `range` is given.
func wholeNumber(_ text: String, _ field: String, _ what: String, in range: ClosedRange<Int>? = nil) throws -> Int {
    guard let n = Int(text.trimmingCharacters(in: .whitespaces)), range?.contains(n) ?? true else {
        throw PetitionsError.invalid(field, text, "is not \(what)")
    }
    return n
}

/// The one id (or handle) a positional argument collected with `@Argument(parsing: .allUnrecognized)`: declared so
/// that `receipt void -1` reaches `id(_:_:)` and its sentence ("receipt '-1' is not an id") instead of ArgumentParser's
/// "Missing expected argument". What the parser would have refused is refused here in its place: an unknown
/// `--option`, no value, or more than one.
func single(_ words: [String], _ field: String) throws -> String {
    let words = words.filter { $0 != "--" }
    if let unknown = words.first(where: { $0.hasPrefix("--") && $0.count > 2 }) {
        throw PetitionsError("Unknown option '\(ControlCharacters.visible(unknown))'; `--help` lists the options.", code: .usage)
    }
    guard let first = words.first else {
        throw PetitionsError("<\(field)> is required (the \(field)'s id); `--help` lists what the command takes.", code: .usage)
    }
    guard words.count == 1 else {
        throw PetitionsError(
            "give one \(field), not \(words.count) ('\(words.map(ControlCharacters.visible).joined(separator: "', '"))').", code: .usage)
    }
    return first
}

/// The aligned text table of the reports, shared by every listing.
typealias TextTable = PetitionsReport.TextTable

func quantities(_ list: [QuantityValue]) -> String { ListingCSV.quantities(list) }
