import ArgumentParser
import Foundation
import PetitionsApp

struct GroupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "group", abstract: "Record and list groups of petitioners.",
        subcommands: [Add.self, Edit.self, Join.self, Leave.self, List.self, Show.self])

}
