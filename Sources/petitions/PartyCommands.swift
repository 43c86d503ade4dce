import ArgumentParser
import Foundation
import PetitionsApp

// MARK: - Authorities

struct AuthorityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "authority", abstract: "Record and list authorities (with the chain above each).",
                                                    subcommands: [Add.self, List.self, Show.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record an authority, optionally below a parent and with a default reply window.",
            discussion: """
            Example:
              petitions authority add --name "People's Commissariat of Posts and Telegraphs" --handle narkompochtel --parent sovnarkom --reply-within "20 working days"
            """)
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Option(help: "The authority's name.") var name: String
        @Option(help: "A unique lower-case handle (made from the name when not given).") var handle: String?
        @Option(help: "The authority above this one (handle or id).") var parent: String?
        @Option(name: .customLong("reply-within"), help: "Its default reply window, e.g. '20 working days'.") var replyWithin: String?
        @Option(help: "The day it was recorded as of (YYYY-MM-DD; default today).") var on: String?

        func run() throws {
            let span = try span(replyWithin, "--reply-within")
            let on = try day(on, "--on")
            let p = try ledger.run(AddAuthority(name: name, handle: handle, parent: parent, replyWithin: span, on: on))
            try PartyOutput.created(p, output.format)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List authorities.", discussion: "Example:\n  petitions authority list --format json")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        func run() throws { try PartyOutput.list(try ledger.run(ListParties(kind: .authority)), .authority, output.format) }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one authority.", discussion: "Example:\n  petitions authority show moscow-supply")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Argument(help: "Handle or id.") var party: String
        func run() throws { try PartyOutput.show(try ledger.run(ShowParty(party: party)), output.format) }
    }
}

// MARK: - Groups

struct GroupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "group", abstract: "Record and list groups of petitioners.",
                                                    subcommands: [Add.self, List.self, Show.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a group (a collective petitioner) with optional head-counts by category.",
            discussion: """
            Example:
              petitions group add --name "Postal-telegraph employees of the Dmitrov district" --handle dmitrov-post --district Dmitrov --count employee=125 --count incapacitated=140
            """)
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Option(help: "The group's name.") var name: String
        @Option(help: "A unique lower-case handle (made from the name when not given).") var handle: String?
        @Option(help: "Its district.") var district: String?
        @Option(help: "A head-count, CATEGORY=N (repeatable).") var count: [String] = []
        @Option(help: "The day it was recorded as of (YYYY-MM-DD; default today).") var on: String?

        func run() throws {
            let counts = try count.map { try HeadCount(parsing: $0) }
            let on = try day(on, "--on")
            let p = try ledger.run(AddGroup(name: name, handle: handle, district: district, counts: counts, on: on))
            try PartyOutput.created(p, output.format)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List groups.", discussion: "Example:\n  petitions group list")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        func run() throws { try PartyOutput.list(try ledger.run(ListParties(kind: .group)), .group, output.format) }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one group.", discussion: "Example:\n  petitions group show dmitrov-post")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Argument(help: "Handle or id.") var party: String
        func run() throws { try PartyOutput.show(try ledger.run(ShowParty(party: party)), output.format) }
    }
}

// MARK: - Petitioners

struct PetitionerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "petitioner", abstract: "Record and list petitioners (persons) and their households.",
                                                    subcommands: [Add.self, List.self, Show.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a person, with their household; any person can also act as an intermediary.",
            discussion: """
            Example:
              petitions petitioner add --name "Ivan Petrov" --district Dmitrov --occupation telegraphist --group dmitrov-post --dependant "Maria Petrova:incapacitated" --dependant "Olga Petrova:child"
            """)
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Option(help: "The person's name.") var name: String
        @Option(help: "A unique lower-case handle (made from the name when not given).") var handle: String?
        @Option(help: "Their district.") var district: String?
        @Option(help: "Their occupation.") var occupation: String?
        @Option(help: "A group they belong to (handle or id; repeatable).") var group: [String] = []
        @Option(help: "A dependant, \"NAME:CATEGORY\" (repeatable).") var dependant: [String] = []
        @Option(help: "The day it was recorded as of (YYYY-MM-DD; default today).") var on: String?

        func run() throws {
            let deps = try dependant.map { try Dependant(parsing: $0) }
            let on = try day(on, "--on")
            let p = try ledger.run(AddPetitioner(name: name, handle: handle, district: district, occupation: occupation,
                                                   groups: group, dependants: deps, on: on))
            try PartyOutput.created(p, output.format)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List petitioners.", discussion: "Example:\n  petitions petitioner list --format json")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        func run() throws { try PartyOutput.list(try ledger.run(ListParties(kind: .person)), .person, output.format) }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one petitioner.", discussion: "Example:\n  petitions petitioner show kropotkin")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Argument(help: "Handle or id.") var party: String
        func run() throws { try PartyOutput.show(try ledger.run(ShowParty(party: party)), output.format) }
    }
}

// MARK: - Rendering parties

enum PartyOutput {
    static func created(_ p: Party, _ format: OutputFormat) throws {
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
        print("  office: \(p.office)")
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
                t.add([String(p.id), p.handle, p.name, p.district.orDash, String(p.members?.count ?? 0),
                       (p.counts ?? []).map { "\($0.category)=\($0.count)" }.joined(separator: " ")])
            }
            print(t.render())
        case .person:
            var t = TextTable(["ID", "HANDLE", "NAME", "DISTRICT", "OCCUPATION", "HOUSEHOLD", "GROUPS"])
            for p in parties {
                let deps = p.dependants ?? []
                let byCat = Dictionary(grouping: deps, by: \.category).map { "\($0.key)=\($0.value.count)" }.sorted().joined(separator: " ")
                t.add([String(p.id), p.handle, p.name, p.district.orDash, p.occupation.orDash, byCat.isEmpty ? "-" : byCat,
                       (p.groups ?? []).joined(separator: ",")])
            }
            print(t.render())
        }
    }
}
