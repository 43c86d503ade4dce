import Foundation
import PetitionsApp

/// What a correction prints: the record as it now is, after a line naming what changed.
enum CorrectionOutput {
    static func party(_ c: Correction<Party>, _ format: OutputFormat) throws {
        if format == .json { return try Output.json(c.record) }
        let p = c.record
        if c.changed.isEmpty {
            print("Nothing to correct: \(PartyOutput.label(p.kind)) \(p.handle) already holds these values.")
        } else {
            print("Corrected \(PartyOutput.label(p.kind)) \(p.id) \(p.handle): \(c.changed.joined(separator: ", "))")
        }
        try PartyOutput.show(p, .text)
    }

    static func petition(_ c: Correction<Petition>, _ format: OutputFormat) throws {
        if format == .json { return try Output.json(c.record) }
        if c.changed.isEmpty {
            print("Nothing to correct: petition \(c.record.id) already holds these values.")
        } else {
            print("Corrected petition \(c.record.id): \(c.changed.joined(separator: ", "))")
        }
        try PetitionOutput.one(c.record, created: false, .text)
    }
}
