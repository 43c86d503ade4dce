import ArgumentParser
import Foundation
import PetitionsApp

/// Output formats for records.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
