import ArgumentParser
import Foundation
import PetitionsApp

struct Unanswered: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unanswered",
        abstract: "List letters waiting for a reply as of a day, oldest first: due day, days waiting, how late.",
        discussion:
            "A letter's reply is due within its own --reply-within, else its authority's, else the unanswered_letter rule's (20 working days).\n\nExample:\n  petitions unanswered --as-of 1920-03-04 \\\n      --calendar config/calendars/rsfsr-1920.toml"
    )
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var ruleOptions: RuleOptions
    @OptionGroup var output: TableFormatOptions
    @Flag(name: .customLong("overdue-only"), help: "Only letters past their due day.") var overdueOnly = false

    func run() throws {
        let asOf = ruleOptions.day()
        let request = ListUnanswered(asOf: asOf, sources: ruleOptions.sources, overdueOnly: overdueOnly)
        // JSON and CSV are written as the listing comes, one letter at a time: memory stays flat at a million.
        switch output.format {
        case .json:
            var out = JSONArrayStream()
            try request.run(in: ledger.workspace) { try out.add($0) }
            try out.finish()
        case .csv:
            var out = CSVStream(header: ListingCSV.unansweredHeader)
            try request.run(in: ledger.workspace) { try out.add(ListingCSV.unansweredRow($0)) }
            try out.finish()
        case .text:
            // The table's columns are as wide as their widest cell and the count comes first: the whole listing is needed.
            let list = try ledger.run(request)
            print("Letters waiting for a reply as of \(asOf.longDescription): \(Thousands.format(list.count))")
            guard !list.isEmpty else { return }
            // The subject is cut at 40 cells (a late letter's finding below names it whole; `letter show` shows any):
            // wrapped, it took the width the sender's name and handle needed, and both ran to many lines, a handle
            // broken mid-word.
            var t = TextTable(["ID", "SENT", "FROM", "TO", "DUE", "WAITING", "WD LATE", "SEVERITY", "SUBJECT"], caps: [8: 40])
            for u in list {
                t.add([
                    String(u.letter), u.sent.description, "\(u.fromName) (\(u.from))", u.to, u.due.description,
                    "\(Thousands.format(u.daysWaiting)) d",
                    Thousands.format(u.workingDaysOverdue),
                    u.severity?.rawValue ?? "not due", u.subject,
                ])
            }
            print(t.render())
            for u in list where u.severity != nil { print("- [\(Colour.severity(u.severity))] \(u.message)\n    next: \(u.action)") }
        }
    }
}
