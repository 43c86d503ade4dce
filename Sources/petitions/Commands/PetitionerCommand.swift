import ArgumentParser
import Foundation
import PetitionsApp

struct PetitionerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "petitioner", abstract: "Record and list petitioners (persons) and their households.",
        subcommands: [Add.self, Edit.self, DependantCommand.self, List.self, Show.self])

}
