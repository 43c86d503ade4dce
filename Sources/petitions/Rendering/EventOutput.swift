import Foundation
import PetitionsApp

enum EventOutput {
    static let headers = ["ID", "DAY", "KIND", "ACTOR", "OFFICE", "WHAT"]

    static func row(_ e: Event) -> [String] { [String(e.id), e.day.description, e.kind, e.actor, e.office, e.summary] }

    static func table(_ list: [Event]) -> String {
        var t = TextTable(headers)
        for e in list { t.add(row(e)) }
        return t.render()
    }

    /// The table of `request`'s events written as they are read, twice over one snapshot of the log (the columns
    /// measured, then each row written): the same text as `table`, without holding the log.
    static func stream(_ request: ListEvents, in workspace: Workspace) throws {
        var out = TextStream()
        try TextTable(headers).stream(
            rows: { add in try request.run(in: workspace, detailed: false, passes: 2) { pass, event in try add(pass, row(event)) } },
            write: { try out.add(line: $0) })
        try out.finish()
    }
}
