import ArgumentParser
import Foundation
import PetitionsApp

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "Show, store and apply the ledger's rules.",
        subcommands: [Show.self, Set.self, Apply.self])

}
