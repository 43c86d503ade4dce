import ArgumentParser
import Foundation
import PetitionsApp

/// The formats of `petitions report`.
enum ReportFormat: String, EnumeratedOption {
    case text, markdown, json, csv, html
}
