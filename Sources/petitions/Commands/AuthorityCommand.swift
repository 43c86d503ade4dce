import ArgumentParser
import Foundation
import PetitionsApp

struct AuthorityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "authority", abstract: "Record and list authorities (with the chain above each).",
        subcommands: [Add.self, Edit.self, List.self, Show.self])

}
