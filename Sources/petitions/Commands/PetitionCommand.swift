import ArgumentParser
import Foundation
import PetitionsApp

struct PetitionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "petition", abstract: "Log petitions, change their status, list and show them.",
        subcommands: [Log.self, Edit.self, Note.self, Status.self, List.self, Show.self])

}
