import Foundation
import PetitionsApp

enum PartyOutput {
    /// Prints a party just recorded; when its handle was made from its name and that one was taken, says so on stderr.
    static func created(_ p: Party, _ format: OutputFormat, givenHandle: String? = nil) throws {
        if let note = HandleNote.sentence(for: p, given: givenHandle) {
            FileHandle.standardError.write(Data("note: \(note)\n".utf8))
        }
        if format == .json { return try Output.json(p) }
        print("Recorded \(label(p.kind)) \(p.id) \(p.handle): \(p.name)")
        details(p)
    }

    static func show(_ p: Party, _ format: OutputFormat) throws {
        if format == .json { return try Output.json(p) }
        let p = p.visible
        print("\(label(p.kind).capitalized) \(p.id) \(p.handle): \(p.name)")
        details(p)
    }

    static func label(_ k: PartyKind) -> String { k == .person ? "petitioner" : k.rawValue }

    static func details(_ p: Party) {
        if let d = p.district { print(hanging("  district: ", d)) }
        if let o = p.occupation { print(hanging("  occupation: ", o)) }
        if let g = p.groups, !g.isEmpty { print("  groups: \(g.joined(separator: ", "))") }
        if let d = p.dependants, !d.isEmpty { print("  household: \(d.map { "\($0.name) (\($0.category))" }.joined(separator: ", "))") }
        if let m = p.members, !m.isEmpty { print("  members: \(m.joined(separator: ", "))") }
        if let c = p.counts, !c.isEmpty { print("  counts: \(c.map { "\($0.category)=\($0.count)" }.joined(separator: ", "))") }
        if let c = p.chain, !c.isEmpty { print("  chain above: \(c.joined(separator: " → "))") }
        if let r = p.replyWithin { print("  replies within: \(r)") }
        if let a = p.address { print(hanging("  address: ", a)) }
        if let ph = p.phone { print(hanging("  phone: ", ph)) }
        if let e = p.email { print(hanging("  email: ", e)) }
        if let n = p.note { print(hanging("  note: ", n)) }
        print("  office: \(p.office)")
    }

    /// The listing of `request`'s parties, written as they are read: JSON element by element, the text table in two
    /// passes over one snapshot (the columns measured, then each row written). One kind has its own columns; several
    /// share those every kind has, with what each says most about itself.
    static func list(_ request: ListParties, in workspace: Workspace, _ format: OutputFormat) throws {
        let kind = request.kinds.count == 1 ? request.kinds[0] : nil
        try StreamedListing.write(
            format, headers: headers(kind), row: { row($0, kind) },
            records: { passes, each in try request.run(in: workspace, passes: passes, each: each) })
    }

    /// The columns of a listing of parties of `kind`, or of every kind (nil).
    static func headers(_ kind: PartyKind?) -> [String] {
        switch kind {
        case nil: return ["ID", "KIND", "HANDLE", "NAME", "DISTRICT", "ABOUT"]
        case .authority?: return ["ID", "HANDLE", "NAME", "REPLIES WITHIN", "CHAIN ABOVE"]
        case .group?: return ["ID", "HANDLE", "NAME", "DISTRICT", "MEMBERS", "COUNTS"]
        case .office?: return ["ID", "HANDLE", "NAME", "ADDRESS", "EMAIL"]
        case .person?: return ["ID", "HANDLE", "NAME", "DISTRICT", "OCCUPATION", "HOUSEHOLD", "GROUPS"]
        }
    }

    /// A party's row in a listing of parties of `kind`, or of every kind (nil).
    static func row(_ p: Party, _ kind: PartyKind?) -> [String] {
        switch kind {
        case nil:
            let about: String
            switch p.kind {
            case .authority: about = (p.chain ?? []).isEmpty ? "-" : "under " + (p.chain ?? []).joined(separator: " → ")
            case .group:
                let n = p.members?.count ?? 0
                about = n == 1 ? "1 member" : "\(n) members"
            case .person: about = p.occupation.orDash
            case .office: about = p.id == 0 ? "this ledger's office" : "another office"
            }
            return [String(p.id), label(p.kind), p.handle, p.name, p.district.orDash, about]
        case .authority?:
            return [String(p.id), p.handle, p.name, p.replyWithin?.description ?? "-", (p.chain ?? []).joined(separator: " → ")]
        case .group?:
            return [
                String(p.id), p.handle, p.name, p.district.orDash, String(p.members?.count ?? 0),
                (p.counts ?? []).map { "\($0.category)=\($0.count)" }.joined(separator: " "),
            ]
        case .office?:
            return [String(p.id), p.handle, p.name, p.address.orDash, p.email.orDash]
        case .person?:
            let deps = p.dependants ?? []
            let byCat = Dictionary(grouping: deps, by: \.category).map { "\($0.key)=\($0.value.count)" }.sorted().joined(separator: " ")
            return [
                String(p.id), p.handle, p.name, p.district.orDash, p.occupation.orDash, byCat.isEmpty ? "-" : byCat,
                (p.groups ?? []).joined(separator: ","),
            ]
        }
    }
}
