import ArgumentParser
import Foundation
import PetitionsApp

struct LetterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "letter", abstract: "Record letters sent and received; void, list and show them.",
        subcommands: [Send.self, Receive.self, Extend.self, VoidLetter.self, List.self, Show.self])

}
