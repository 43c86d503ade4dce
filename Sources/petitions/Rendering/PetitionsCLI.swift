import Foundation
import PetitionsApp

enum PetitionsCLI {
    static func day(_ text: String?, _ field: String) throws -> Day? { try text.map { try Day(parsing: $0, field: field) } }
}
