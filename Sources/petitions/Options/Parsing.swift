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

/// The aligned text table of the reports, shared by every listing.
typealias TextTable = PetitionsReport.TextTable

func quantities(_ list: [QuantityValue]) -> String { ListingCSV.quantities(list) }
