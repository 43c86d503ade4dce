import Foundation
import PetitionsApp

enum LetterOutput {
    static func one(_ l: Letter, created: Bool, _ format: OutputFormat) throws {
        if format == .json { return try Output.json(l) }
        let l = l.visible
        let verb = created ? (l.direction == .sent ? "Recorded letter sent" : "Recorded letter received") : "Letter"
        print("\(verb) \(l.id): \(l.subject)\(l.voided ? " (void)" : "")")
        print("  \(l.from) → \(l.to), \(l.on) by \(l.channel.rawValue)")
        if let p = l.petition { print("  petition: \(p)") }
        if let r = l.inReplyTo { print("  in reply to: letter \(r)") }
        if l.voided {
            print("  void: counts for nothing; no reply is expected of it")
        } else if l.expectsReply {
            print(
                "  reply expected\(l.replyWithin.map { " within \($0)" } ?? "")\(l.replyDue.map { ", due \($0)" } ?? ""): \(l.answeredBy.map { "answered by letter \($0)" } ?? "none yet")"
            )
        }
        if let s = l.summary { print(hanging("  summary: ", s)) }
    }

    static let headers = ["ID", "DAY", "DIR", "FROM", "TO", "PETITION", "REPLY", "SUBJECT"]

    /// A letter's row in the listing.
    static func row(_ l: Letter) -> [String] {
        let reply: String
        if l.voided {
            reply = "void"
        } else if l.direction == .received {
            reply = l.inReplyTo.map { "re \($0)" } ?? "-"
        } else if !l.expectsReply {
            reply = "none expected"
        } else {
            reply = l.answeredBy.map { "by \($0)" } ?? "waiting"
        }
        return [String(l.id), l.on.description, l.direction.rawValue, l.from, l.to, l.petition.map(String.init) ?? "-", reply, l.subject]
    }

    static func table(_ letters: [Letter]) -> String {
        var t = TextTable(headers)
        for l in letters { t.add(row(l)) }
        return t.render()
    }

    /// The listing of `request`'s letters, written as they are read (`StreamedListing`): the same bytes as `table` or
    /// `Output.json` of the whole list.
    static func stream(_ request: ListLetters, in workspace: Workspace, _ format: OutputFormat) throws {
        try StreamedListing.write(format, headers: headers, row: row) { passes, each in try request.run(in: workspace, passes: passes, each: each) }
    }
}
