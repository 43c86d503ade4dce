import ArgumentParser
import Foundation
import PetitionsApp

/// Output formats for findings and listings that a spreadsheet may read.
enum TableFormat: String, EnumeratedOption {
    case text, json, csv
}
