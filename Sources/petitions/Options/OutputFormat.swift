import ArgumentParser
import Foundation
import PetitionsApp

/// Output formats for records.
enum OutputFormat: String, EnumeratedOption {
    case text, json
}
