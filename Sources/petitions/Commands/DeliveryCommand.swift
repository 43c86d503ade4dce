import ArgumentParser
import Foundation
import PetitionsApp

struct DeliveryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delivery", abstract: "Schedule expected deliveries, record receipts, list them.",
        subcommands: [Schedule.self, Receive.self, Cancel.self, List.self, Show.self])

}
