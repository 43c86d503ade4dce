import ArgumentParser
import Foundation
import PetitionsApp

struct Overdue: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overdue",
        abstract: "List late deliveries as of a day: how late, how serious, what is short.",
        discussion:
            "A delivery is late from the day after its due day plus the grace span of the overdue_delivery rule (7 days by default).\n\nExample:\n  petitions overdue --as-of 1920-03-04 --format json"
    )
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var ruleOptions: RuleOptions
    @OptionGroup var output: TableFormatOptions

    func run() throws {
        let asOf = ruleOptions.day()
        let request = ListOverdue(asOf: asOf, sources: ruleOptions.sources)
        // JSON and CSV are written as the listing comes, one delivery at a time: memory stays flat at a million.
        switch output.format {
        case .json:
            var out = JSONArrayStream()
            try request.run(in: ledger.workspace) { try out.add($0) }
            try out.finish()
        case .csv:
            var out = CSVStream(header: ListingCSV.overdueHeader)
            try request.run(in: ledger.workspace) { for row in ListingCSV.overdueRows($0) { try out.add(row) } }
            try out.finish()
        case .text:
            // The table's columns are as wide as their widest cell and the count comes first: the whole listing is needed.
            let list = try ledger.run(request)
            print("Late deliveries as of \(asOf.longDescription): \(Thousands.format(list.count))")
            guard !list.isEmpty else { return }
            var t = TextTable(["ID", "PERIOD", "RECIPIENT", "DECREE", "DUE", "DAYS LATE", "SEVERITY", "SHORTFALL"])
            for o in list {
                t.add([
                    String(o.delivery), o.period.description, o.recipient, o.decree, o.due.description, Thousands.format(o.daysOverdue),
                    o.severity.rawValue, o.shortfall.map(\.text).joined(separator: "; "),
                ])
            }
            print(t.render())
            for o in list { print("- [\(Colour.severity(o.severity))] \(o.message)\n    next: \(o.action)") }
        }
    }
}
