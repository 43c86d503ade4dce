import ArgumentParser
import Foundation
import PetitionsApp

/// What `petitions import` reads.
enum ImportWhat: String, ExpressibleByArgument, CaseIterable {
    case petitioners, letters, receipts, events
}
