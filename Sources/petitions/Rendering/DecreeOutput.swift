import Foundation
import PetitionsApp

enum DecreeOutput {
    static func one(_ d: Decree, enrolments: [Enrolment], created: Bool, _ format: OutputFormat) throws {
        if format == .json {
            if created { return try Output.json(d) }
            struct Shown: Encodable {
                var decree: Decree
                var enrolments: [Enrolment]
            }
            return try Output.json(Shown(decree: d, enrolments: enrolments))
        }
        print("\(created ? "Recorded decree" : "Decree") \(d.id) \(d.handle): \(d.name)")
        print("  issued: \(d.issued)\(d.issuer.map { " by \($0)" } ?? "")")
        print("  supplied by: \(d.supplier), every \(d.every.rawValue), due on day \(d.dueDay)")
        if d.effectiveFrom != nil || d.effectiveTo != nil {
            print("  in force: \(d.effectiveFrom?.description ?? "…") to \(d.effectiveTo?.description ?? "…")")
        }
        for r in d.rations { print("  ration: \(r.category): \(r.quantity.text)") }
        for e in enrolments {
            print(
                "  enrolled: \(e.recipient) from \(e.from)\(e.to.map { " to \($0)" } ?? "") (\(e.counts.map { "\($0.category)=\($0.count)" }.joined(separator: ", ")))"
            )
        }
    }
}
