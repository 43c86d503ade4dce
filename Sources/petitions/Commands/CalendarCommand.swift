import ArgumentParser
import Foundation
import PetitionsApp

struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar", abstract: "Store the ledger's calendar of weekends and holidays.",
        subcommands: [Set.self, Show.self])

}
