import ArgumentParser
import Foundation
import PetitionsApp

struct DecreeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decree", abstract: "Record decrees (entitlement schemes) and list them.",
        subcommands: [Add.self, List.self, Show.self])

}
