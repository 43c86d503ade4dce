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
}
