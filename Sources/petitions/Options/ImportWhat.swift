import ArgumentParser
import Foundation
import PetitionsApp

/// What `petitions import` reads.
enum ImportWhat: String, EnumeratedOption {
    case petitioners, letters, receipts, events
}
