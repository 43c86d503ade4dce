import ArgumentParser
import PetitionsApp

struct DecreeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "decree", abstract: "Record decrees (entitlement schemes) and list them.",
                                                    subcommands: [Add.self, List.self, Show.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a decree: rations per category per period, supplied by an authority.",
            discussion: """
            Example:
              petitions decree add --handle decree-1918-08-15 --name "Decree of 15 August 1918 on provisions for postal-telegraph employees" --issued 1918-08-15 --supplier moscow-supply --ration "employee: 8 funt wheat" --ration "incapacitated: 5 funt wheat"
            """)
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Option(help: "A unique lower-case handle.") var handle: String
        @Option(help: "The decree's name.") var name: String
        @Option(help: "The day it was issued (YYYY-MM-DD).") var issued: String
        @Option(help: "The authority that issued it.") var issuer: String?
        @Option(help: "The authority that supplies what it promises.") var supplier: String
        @Option(help: "A ration, \"CATEGORY: AMOUNT UNIT COMMODITY\" (repeatable).") var ration: [String] = []
        @Option(help: "How often it falls due (month).") var every: String = "month"
        @Option(name: .customLong("due-day"), help: "The day of the period a delivery is due (1–31, clamped to the month's end).") var dueDay: Int = 1
        @Option(name: .customLong("effective-from"), help: "First day in force.") var effectiveFrom: String?
        @Option(name: .customLong("effective-to"), help: "Last day in force.") var effectiveTo: String?

        func run() throws {
            let issued = try day(issued, "--issued")
            let freq = try Frequency(parsing: every)
            let from = try day(effectiveFrom, "--effective-from")
            let to = try day(effectiveTo, "--effective-to")
            let d = try ledger.run(AddDecree(handle: handle, name: name, issued: issued, issuer: issuer, supplier: supplier, rations: ration,
                                             every: freq, dueDay: dueDay, effectiveFrom: from, effectiveTo: to))
            try DecreeOutput.one(d, enrolments: [], created: true, output.format)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List decrees.", discussion: "Example:\n  petitions decree list")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        func run() throws {
            let list = try ledger.run(ListDecrees())
            if output.format == .json { return try Output.json(list) }
            var t = TextTable(["ID", "HANDLE", "ISSUED", "SUPPLIER", "EVERY", "DUE DAY", "RATIONS"])
            for d in list {
                t.add([String(d.id), d.handle, d.issued.description, d.supplier, d.every.rawValue, String(d.dueDay),
                       d.rations.map { "\($0.category): \($0.quantity.text)" }.joined(separator: "; ")])
            }
            print(t.render())
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a decree with its enrolments.", discussion: "Example:\n  petitions decree show decree-1918-08-15")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Argument(help: "Handle or id.") var decree: String
        func run() throws {
            let dossier = try ledger.run(ShowDecree(decree: decree))
            try DecreeOutput.one(dossier.decree, enrolments: dossier.enrolments, created: false, output.format)
        }
    }
}

enum DecreeOutput {
    static func one(_ d: Decree, enrolments: [Enrolment], created: Bool, _ format: OutputFormat) throws {
        if format == .json {
            if created { return try Output.json(d) }
            struct Shown: Encodable { var decree: Decree; var enrolments: [Enrolment] }
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
            print("  enrolled: \(e.recipient) from \(e.from)\(e.to.map { " to \($0)" } ?? "") (\(e.counts.map { "\($0.category)=\($0.count)" }.joined(separator: ", ")))")
        }
    }
}

struct Enrol: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Enrol a recipient (group or person) in a decree, with head-counts per category.",
        discussion: """
        Without --count, the head-counts come from the group's counts and its members' households (each member as
        --member-category, each dependant by category), or from a person's own household.

        Example:
          petitions enrol --decree decree-1918-08-15 --recipient dmitrov-post --count employee=125 --count incapacitated=140 --from 1919-09-01
        """)
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var output: FormatOptions
    @Option(help: "The decree (handle or id).") var decree: String
    @Option(help: "The recipient: a group or person.") var recipient: String
    @Option(help: "A head-count, CATEGORY=N (repeatable).") var count: [String] = []
    @Option(help: "First day enrolled (default: the decree's start).") var from: String?
    @Option(help: "Last day enrolled.") var to: String?
    @Option(name: .customLong("member-category"), help: "The category each member person counts as (default employee).") var memberCategory = "employee"

    func run() throws {
        let counts = try count.map { try HeadCount(parsing: $0) }
        let from = try day(from, "--from")
        let to = try day(to, "--to")
        let e = try ledger.run(EnrolRecipient(decree: decree, recipient: recipient, counts: counts, from: from, to: to, memberCategory: memberCategory))
        if output.format == .json { return try Output.json(e) }
        print("Enrolled \(e.recipient) in \(e.decree) from \(e.from)\(e.to.map { " to \($0)" } ?? "") (enrolment \(e.id))")
        print("  counts: \(e.counts.map { "\($0.category)=\($0.count)" }.joined(separator: ", "))")
    }
}

struct DeliveryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delivery", abstract: "Schedule expected deliveries, record receipts, list them.",
                                                    subcommands: [Schedule.self, Receive.self, Cancel.self, List.self, Show.self])

    struct Schedule: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Schedule one expected delivery per recipient and period (idempotent: a period already scheduled is left alone).",
            discussion: "Example:\n  petitions delivery schedule --decree decree-1918-08-15 --from 1919-09 --to 1920-03")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Option(help: "The decree (handle or id).") var decree: String
        @Option(help: "Only this recipient.") var recipient: String?
        @Option(help: "First period (YYYY-MM).") var from: String
        @Option(help: "Last period (YYYY-MM).") var to: String
        @Option(help: "The day the schedule was recorded as of (default today).") var on: String?

        func run() throws {
            let from = try period(from, "--from")
            let to = try period(to, "--to")
            let on = try day(on, "--on")
            let r = try ledger.run(ScheduleDeliveries(decree: decree, recipient: recipient, from: from, to: to, on: on))
            if output.format == .json { return try Output.json(r) }
            print("Scheduled \(r.scheduled.count) deliver\(r.scheduled.count == 1 ? "y" : "ies")\(r.alreadyScheduled > 0 ? " (\(r.alreadyScheduled) already scheduled, left as they were)" : "").")
            if !r.scheduled.isEmpty { print(DeliveryOutput.table(r.scheduled)) }
        }
    }

    struct Receive: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record what came for a scheduled delivery (several receipts add up; partial is allowed).",
            discussion: "Example:\n  petitions delivery receive --decree decree-1918-08-15 --recipient dmitrov-post --period 1919-12 --on 1919-12-06 --quantity \"1700 funt wheat\"")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Option(help: "The decree (handle or id).") var decree: String
        @Option(help: "The recipient.") var recipient: String
        @Option(help: "The period (YYYY-MM).") var period: String
        @Option(help: "The day it came (YYYY-MM-DD).") var on: String
        @Option(help: "\"AMOUNT UNIT COMMODITY\" (repeatable).") var quantity: [String] = []
        @Option(help: "A note.") var note: String?

        func run() throws {
            let p = try Period(parsing: period, field: "--period")
            let on = try day(on, "--on")
            let d = try ledger.run(RecordReceipt(decree: decree, recipient: recipient, period: p, on: on, quantities: quantity, note: note))
            try DeliveryOutput.one(d, verb: "Recorded receipt for delivery", output.format)
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cancel a scheduled delivery as a recorded event.",
            discussion: "Example:\n  petitions delivery cancel --decree decree-1918-08-15 --recipient dmitrov-post --period 1919-09 --reason \"Scheduled in error\" --on 1920-03-04")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Option(help: "The decree (handle or id).") var decree: String
        @Option(help: "The recipient.") var recipient: String
        @Option(help: "The period (YYYY-MM).") var period: String
        @Option(help: "Why.") var reason: String
        @Option(help: "The day of the cancellation (default today).") var on: String?

        func run() throws {
            let p = try Period(parsing: period, field: "--period")
            let on = try day(on, "--on") ?? Clock.today()
            let d = try ledger.run(CancelDelivery(decree: decree, recipient: recipient, period: p, on: on, reason: reason))
            try DeliveryOutput.one(d, verb: "Cancelled delivery", output.format)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List deliveries by period.", discussion: "Example:\n  petitions delivery list --status pending")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Option(help: "Only this period (YYYY-MM).") var period: String?
        @Option(help: "Only this status: pending, partial, complete or cancelled.") var status: String?
        @Option(help: "Only this decree.") var decree: String?
        @Option(help: "Only this recipient.") var recipient: String?

        func run() throws {
            let p = try period.map { try Period(parsing: $0, field: "--period") }
            let s = try status.map { try DeliveryStatus(parsing: $0) }
            let list = try ledger.run(ListDeliveries(period: p, status: s, decree: decree, recipient: recipient))
            if output.format == .json { return try Output.json(list) }
            print(DeliveryOutput.table(list))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a delivery with its receipts.", discussion: "Example:\n  petitions delivery show 5")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Argument(help: "The delivery's id.") var delivery: String
        func run() throws {
            let d = try ledger.run(ShowDelivery(delivery: try id(delivery, "delivery")))
            try DeliveryOutput.one(d, verb: "Delivery", output.format)
        }
    }
}

enum DeliveryOutput {
    static func one(_ d: Delivery, verb: String, _ format: OutputFormat) throws {
        if format == .json { return try Output.json(d) }
        print("\(verb) \(d.id): \(d.decree) to \(d.recipient), \(d.period) (due \(d.due)): \(d.status.rawValue)")
        for l in d.lines {
            print("  \(l.commodity): expected \(l.expected.text.dropLastWord), received \(l.received.text.dropLastWord), short \(l.shortfall.text.dropLastWord)")
        }
        for r in d.receipts ?? [] {
            print("  receipt \(r.id) on \(r.on): \(r.quantities.map(\.text).joined(separator: ", "))\(r.note.map { " (\($0))" } ?? "")")
        }
    }

    static func table(_ list: [Delivery]) -> String {
        var t = TextTable(["ID", "PERIOD", "DUE", "RECIPIENT", "DECREE", "STATUS", "EXPECTED", "RECEIVED"])
        for d in list {
            t.add([String(d.id), d.period.description, d.due.description, d.recipient, d.decree, d.status.rawValue,
                   d.lines.map(\.expected.text).joined(separator: ", "), d.lines.map { $0.received.text }.joined(separator: ", ")])
        }
        return t.render()
    }
}

extension String {
    /// "8 funt wheat" → "8 funt" (the commodity is already named).
    var dropLastWord: String {
        let parts = split(separator: " ")
        return parts.count > 2 ? parts.prefix(2).joined(separator: " ") : self
    }
}
