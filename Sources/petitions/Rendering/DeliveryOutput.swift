import Foundation
import PetitionsApp

enum DeliveryOutput {
    static func one(_ d: Delivery, verb: String, _ format: OutputFormat) throws {
        if format == .json { return try Output.json(d) }
        print("\(verb) \(d.id): \(d.decree) to \(d.recipient), \(d.period) (due \(d.due)): \(d.status.rawValue)")
        for l in d.lines {
            print(
                "  \(l.commodity): expected \(l.expected.text.dropLastWord), received \(l.receivedText), short \(l.shortfall.text.dropLastWord)"
            )
        }
        for r in d.receipts ?? [] {
            print(
                "  receipt \(r.id) on \(r.on): \(r.quantity)\(r.note.map { " (\($0))" } ?? "")\(r.voided ? " [\(r.voidedText)]" : "")")
        }
    }

    static let headers = ["ID", "PERIOD", "DUE", "RECIPIENT", "DECREE", "STATUS", "EXPECTED", "RECEIVED"]

    /// A delivery's row in the listing.
    static func row(_ d: Delivery) -> [String] {
        [
            String(d.id), d.period.description, d.due.description, d.recipient, d.decree, d.status.rawValue,
            d.lines.map(\.expected.text).joined(separator: ", "),
            d.lines.map { $0.received.text + DeliveryLine.cameAs($0.receivedAs) }.joined(separator: ", "),
        ]
    }

    static func table(_ list: [Delivery]) -> String {
        var t = TextTable(headers)
        for d in list { t.add(row(d)) }
        return t.render()
    }

    /// The listing of `request`'s deliveries, written as they are read (`StreamedListing`): the same bytes as `table` or
    /// `Output.json` of the whole list.
    static func stream(_ request: ListDeliveries, in workspace: Workspace, _ format: OutputFormat) throws {
        try StreamedListing.write(format, headers: headers, row: row) { passes, each in try request.run(in: workspace, passes: passes, each: each) }
    }
}
