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
        if let d = p.district { print("  district: \(d)") }
        if let o = p.occupation { print("  occupation: \(o)") }
        if let g = p.groups, !g.isEmpty { print("  groups: \(g.joined(separator: ", "))") }
        if let d = p.dependants, !d.isEmpty { print("  household: \(d.map { "\($0.name) (\($0.category))" }.joined(separator: ", "))") }
        if let m = p.members, !m.isEmpty { print("  members: \(m.joined(separator: ", "))") }
        if let c = p.counts, !c.isEmpty { print("  counts: \(c.map { "\($0.category)=\($0.count)" }.joined(separator: ", "))") }
        if let c = p.chain, !c.isEmpty { print("  chain above: \(c.joined(separator: " → "))") }
        if let r = p.replyWithin { print("  replies within: \(r)") }
        if let a = p.address { print("  address: \(a)") }
        if let ph = p.phone { print("  phone: \(ph)") }
        if let e = p.email { print("  email: \(e)") }
        if let n = p.note { print("  note: \(n)") }
        print("  office: \(p.office)")
    }

    /// Parties of several kinds in one table: the columns every kind has, and what each kind says most about itself.
    static func listEveryKind(_ parties: [Party], _ format: OutputFormat) throws {
        if format == .json { return try Output.json(parties) }
        var t = TextTable(["ID", "KIND", "HANDLE", "NAME", "DISTRICT", "ABOUT"])
        for p in parties {
            let about: String
            switch p.kind {
            case .authority: about = (p.chain ?? []).isEmpty ? "-" : "under " + (p.chain ?? []).joined(separator: " → ")
            case .group:
                let n = p.members?.count ?? 0
                about = n == 1 ? "1 member" : "\(n) members"
            case .person: about = p.occupation.orDash
            case .office: about = p.id == 0 ? "this ledger's office" : "another office"
            }
            t.add([String(p.id), label(p.kind), p.handle, p.name, p.district.orDash, about])
        }
        print(t.render())
    }

    static func list(_ parties: [Party], _ kind: PartyKind, _ format: OutputFormat) throws {
        if format == .json { return try Output.json(parties) }
        switch kind {
        case .authority:
            var t = TextTable(["ID", "HANDLE", "NAME", "REPLIES WITHIN", "CHAIN ABOVE"])
            for p in parties { t.add([String(p.id), p.handle, p.name, p.replyWithin?.description ?? "-", (p.chain ?? []).joined(separator: " → ")]) }
            print(t.render())
        case .group:
            var t = TextTable(["ID", "HANDLE", "NAME", "DISTRICT", "MEMBERS", "COUNTS"])
            for p in parties {
                t.add([
                    String(p.id), p.handle, p.name, p.district.orDash, String(p.members?.count ?? 0),
                    (p.counts ?? []).map { "\($0.category)=\($0.count)" }.joined(separator: " "),
                ])
            }
            print(t.render())
        case .office:
            var t = TextTable(["ID", "HANDLE", "NAME", "ADDRESS", "EMAIL"])
            for p in parties { t.add([String(p.id), p.handle, p.name, p.address.orDash, p.email.orDash]) }
            print(t.render())
        case .person:
            var t = TextTable(["ID", "HANDLE", "NAME", "DISTRICT", "OCCUPATION", "HOUSEHOLD", "GROUPS"])
            for p in parties {
                let deps = p.dependants ?? []
                let byCat = Dictionary(grouping: deps, by: \.category).map { "\($0.key)=\($0.value.count)" }.sorted().joined(separator: " ")
                t.add([
                    String(p.id), p.handle, p.name, p.district.orDash, p.occupation.orDash, byCat.isEmpty ? "-" : byCat,
                    (p.groups ?? []).joined(separator: ","),
                ])
            }
            print(t.render())
        }
    }
}
