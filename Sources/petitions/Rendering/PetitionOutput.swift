import Foundation
import PetitionsApp

enum PetitionOutput {
    static func one(_ p: Petition, created: Bool, _ format: OutputFormat) throws {
        if format == .json { return try Output.json(p) }
        let p = p.visible
        print("\(created ? "Logged petition" : "Petition") \(p.id): \(p.subject)")
        print("  from: \(p.petitioner)\(p.via.map { " via \($0)" } ?? "")")
        print("  to: \(p.authority)")
        print("  opened: \(p.opened)")
        print("  status: \(p.status.rawValue)")
        if let c = p.category { print("  category: \(c)") }
    }

    /// One line of `petition show`'s notes: the day and the text, and for the note given with a change of status, the
    /// change and who recorded it (a case note is the clerk's own, and reads as it always did).
    static func noteLine(_ n: PetitionNote) -> String {
        guard let change = n.statusChange else { return hanging("  \(n.on)  ", n.text) }
        let from = change.from.map { "from \($0) " } ?? ""
        let by = n.recordedBy.map { ", recorded by \($0)" } ?? ""
        return hanging("  \(n.on)  ", "\(n.text)  (with the status change \(from)to \(change.to)\(by))")
    }
}
