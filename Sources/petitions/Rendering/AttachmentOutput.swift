import Foundation
import PetitionsApp

enum AttachmentOutput {
    static func one(_ a: Attachment, verb: String, _ format: OutputFormat) throws {
        if format == .json { return try Output.json(a) }
        let v = ControlCharacters.visible
        let target = a.letter.map { "letter \($0)" } ?? a.petition.map { "petition \($0)" } ?? "-"
        print("\(verb) \(a.id): \(v(a.name))\(a.title.map { " (\(v($0)))" } ?? "") on \(target)")
        print("  \(a.mediaType), \(Thousands.format(Int(a.size))) bytes, sha256 \(a.sha256), added \(a.added)")
    }

    static func table(_ list: [Attachment]) -> String {
        let v = ControlCharacters.visible
        var t = TextTable(["ID", "LETTER", "PETITION", "ADDED", "TYPE", "SIZE", "NAME", "TITLE"])
        for a in list {
            t.add([
                String(a.id), a.letter.map(String.init) ?? "-", a.petition.map(String.init) ?? "-", a.added.description, a.mediaType,
                Thousands.format(Int(a.size)), v(a.name), a.title.map(v) ?? "-",
            ])
        }
        return t.render()
    }
}
