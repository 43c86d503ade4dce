import ArgumentParser
import Foundation
import PetitionsApp

extension DecreeCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List decrees.", discussion: "Example:\n  petitions decree list")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        func run() throws {
            let list = try ledger.run(ListDecrees())
            if output.format == .json { return try Output.json(list) }
            var t = TextTable(["ID", "HANDLE", "ISSUED", "SUPPLIER", "EVERY", "DUE DAY", "RATIONS"])
            for d in list {
                t.add([
                    String(d.id), d.handle, d.issued.description, d.supplier, d.every.rawValue, String(d.dueDay),
                    d.rations.map { "\($0.category): \($0.quantity.text)" }.joined(separator: "; "),
                ])
            }
            print(t.render())
        }
    }
}
