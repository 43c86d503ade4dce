import Foundation
import PetitionsDomain

/// The kinds of letter petitions drafts.
public enum DraftKind: String, Codable, Sendable, CaseIterable {
    /// A reminder of one unanswered letter, to its addressee.
    case reminder
    /// A petition taken to the authority above the one that does not answer.
    case escalation
    /// One letter to an authority covering everything it owes.
    case digest
}

/// What a letter draft says, ready for a Mustache template: every day written out in full ("4 March 1920"),
/// every quantity in its decree's unit with thousands separated ("3,400 funt of wheat").
/// Built from the ledger and the rules as of a day; drafting records nothing.
public struct DraftContext: Codable, Sendable {
    public var kind: DraftKind
    /// The day of the letter, in full: "4 March 1920".
    public var date: String
    public var asOf: Day
    /// Where it is written from (the sender's district), for the date line: "Dmitrov".
    public var place: String?
    /// The office that keeps the ledger (its name, as `office set` leaves it).
    public var office: String
    /// What the office signs with (`office set --signature`); without it, drafts keep a `[signature]` to fill in.
    public var signature: String?
    /// On whose behalf the letter is written.
    public var sender: DraftParty
    /// The intermediary who writes for the sender, when the petition has one.
    public var via: DraftParty?
    /// The authority written to.
    public var addressee: DraftParty
    /// For an escalation: the authority that does not answer.
    public var below: DraftParty?
    /// For an escalation: whether the addressee stands above `below` in the chain (it may be any authority named with --to).
    public var addresseeIsAbove: Bool
    /// The subject line.
    public var subject: String
    public var petition: DraftPetition?
    /// Letters still waiting for a reply, oldest first.
    public var letters: [DraftLetter]
    /// Deliveries late beyond their grace, by period.
    public var deliveries: [DraftDelivery]
    /// What is owed, per decree and commodity.
    public var arrears: [DraftArrears]
    /// The periods not delivered, in words: "January and February 1920".
    public var periods: String?
    /// The decrees the deliveries fall under, in words: "Decree of 15 August 1918".
    public var decrees: String?
    /// Whether any letter cited is past its due day.
    public var lettersOverdue: Bool
    /// Whether anything is owed under a decree.
    public var owesSupply: Bool
    /// Whether any letter is cited.
    public var hasLetters: Bool
    /// Whether exactly one letter is cited (for "our letter" rather than "our letters").
    public var oneLetter: Bool
    /// Everything owed, in words: "3,400 funt of wheat (1,392.342 kg)".
    public var owed: String?

    public init(
        kind: DraftKind, date: String, asOf: Day, place: String?, office: String, sender: DraftParty, via: DraftParty?,
        addressee: DraftParty, below: DraftParty?, addresseeIsAbove: Bool = false, subject: String, petition: DraftPetition?, letters: [DraftLetter],
        deliveries: [DraftDelivery], arrears: [DraftArrears], periods: String?, decrees: String?
    ) {
        self.kind = kind
        self.date = date
        self.asOf = asOf
        self.place = place
        self.office = office
        self.sender = sender
        self.via = via
        self.addressee = addressee
        self.below = below
        self.addresseeIsAbove = addresseeIsAbove
        self.subject = subject
        self.petition = petition
        self.letters = letters
        self.deliveries = deliveries
        self.arrears = arrears
        self.periods = periods
        self.decrees = decrees
        self.lettersOverdue = letters.contains { $0.overdue }
        self.owesSupply = !deliveries.isEmpty || !arrears.isEmpty
        self.hasLetters = !letters.isEmpty
        self.oneLetter = letters.count == 1
        if !letters.isEmpty { self.letters[letters.count - 1].last = true }
        self.owed = arrears.isEmpty ? nil : DraftContext.listInWords(arrears.map(\.amount))
    }

    /// Months in words, the year written once per run of the same year: "December 1919, January and February 1920".
    public static func periodsInWords(_ periods: [Period]) -> String {
        let sorted = Array(Set(periods)).sorted()
        let words = sorted.enumerated().map { i, p in
            i + 1 < sorted.count && sorted[i + 1].year == p.year ? Day.monthNames[p.month - 1] : p.longDescription
        }
        return listInWords(words)
    }

    /// "1 day", "44 days", "1,200 working days", "2 deliveries".
    public static func count(_ n: Int, _ noun: String, plural: String? = nil) -> String {
        "\(Thousands.format(n)) \(n == 1 ? noun : plural ?? noun + "s")"
    }

    /// "a", "a and b", "a, b and c".
    public static func listInWords(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
        }
    }
}

/// A party named in a draft.
public struct DraftParty: Codable, Sendable, Hashable {
    public var handle: String
    public var name: String
    public init(handle: String, name: String) {
        self.handle = handle
        self.name = name
    }
}

/// The petition a draft is about.
public struct DraftPetition: Codable, Sendable, Hashable {
    public var id: Int64
    public var subject: String
    /// The day it was opened, in full.
    public var opened: String
    public var petitioner: String
    /// The authority it was addressed to.
    public var authority: String
    public init(id: Int64, subject: String, opened: String, petitioner: String, authority: String) {
        self.id = id
        self.subject = subject
        self.opened = opened
        self.petitioner = petitioner
        self.authority = authority
    }
}

/// An unanswered letter cited in a draft.
public struct DraftLetter: Codable, Sendable, Hashable {
    public var id: Int64
    /// The day it was sent, in full: "20 January 1920".
    public var date: String
    public var subject: String
    /// Who wrote it and to whom (names).
    public var from: String
    public var to: String
    /// The day a reply was due, in full.
    public var due: String
    public var daysWaiting: Int
    public var daysOverdue: Int
    public var workingDaysOverdue: Int
    public var overdue: Bool
    /// How long it has waited, in words: "44 days".
    public var waited: String
    /// How late the reply is, in words: "20 working days" (empty when not yet due).
    public var late: String
    /// The facts in one clause: "the letter of 20 January 1920 (Appeal), unanswered for 44 days, 20 working days past due".
    public var facts: String
    /// Whether it is the last letter cited (a list in a letter ends with a full stop).
    public var last = false

    public init(
        id: Int64, date: String, subject: String, from: String, to: String, due: String, daysWaiting: Int, daysOverdue: Int,
        workingDaysOverdue: Int
    ) {
        self.id = id
        self.date = date
        self.subject = subject
        self.from = from
        self.to = to
        self.due = due
        self.daysWaiting = daysWaiting
        self.daysOverdue = daysOverdue
        self.workingDaysOverdue = workingDaysOverdue
        self.overdue = daysOverdue > 0
        self.waited = DraftContext.count(daysWaiting, "day")
        self.late = overdue ? DraftContext.count(workingDaysOverdue, "working day") : ""
        self.facts =
            "the letter of \(date) (\(subject)), unanswered for \(waited), "
            + (overdue ? "\(late) past due (a reply was due on \(due))" : "a reply is due on \(due)")
    }
}

/// A late delivery cited in a draft.
public struct DraftDelivery: Codable, Sendable, Hashable {
    public var id: Int64
    /// The period in words: "January 1920".
    public var period: String
    public var decree: String
    public var supplier: String
    public var recipient: String
    /// The day it was due, in full.
    public var due: String
    /// Days late beyond the grace of the overdue_delivery rule.
    public var daysOverdue: Int
    /// Days since the due day.
    public var daysSinceDue: Int
    /// How late, in days since the due day: "63 days".
    public var late: String
    /// What did not come, in the decree's unit: "1,700 funt of wheat".
    public var shortfall: String
    /// Whether any of it came, with what did not: "not delivered, 1,700 funt of wheat owed" or "partly delivered,
    /// 811.614 funt of wheat still owed" (`DeliveryState`).
    public var owing: String
    public init(
        id: Int64, period: String, decree: String, supplier: String, recipient: String, due: String, daysOverdue: Int, daysSinceDue: Int,
        shortfall: String, owing: String
    ) {
        self.owing = owing
        self.id = id
        self.period = period
        self.decree = decree
        self.supplier = supplier
        self.recipient = recipient
        self.due = due
        self.daysOverdue = daysOverdue
        self.shortfall = shortfall
        self.daysSinceDue = daysSinceDue
        self.late = DraftContext.count(daysSinceDue, "day")
    }
}

/// What is owed under one decree of one commodity, in the decree's unit.
public struct DraftArrears: Codable, Sendable, Hashable {
    public var decree: String
    public var recipient: String
    public var commodity: String
    public var unit: String
    /// The amount with thousands separated: "3,400".
    public var owed: String
    /// The kilogram equivalent when the unit measures mass (and is not kg): "1,392.342".
    public var owedKg: String?
    /// The periods not delivered, in words.
    public var periods: String
    /// The amount in words: "3,400 funt of wheat (1,392.342 kg)".
    public var amount: String
    /// The whole in words: "3,400 funt of wheat owed (1,392.342 kg)".
    public var text: String
    public init(decree: String, recipient: String, commodity: String, unit: String, owed: String, owedKg: String?, periods: String) {
        self.decree = decree
        self.recipient = recipient
        self.commodity = commodity
        self.unit = unit
        self.owed = owed
        self.owedKg = owedKg
        self.periods = periods
        let kg = owedKg.map { " (\($0) kg)" } ?? ""
        self.amount = "\(owed) \(unit) of \(commodity)\(kg)"
        self.text = "\(owed) \(unit) of \(commodity) owed\(kg)"
    }
}

extension DraftContext {
    /// Every name a letter template may use: the fields of the draft and of its parties, petition, letters,
    /// deliveries and arrears (`DraftTemplateTests` holds this to what the types have).
    public static let names: Set<String> = [
        "kind", "date", "asOf", "place", "office", "signature", "sender", "via", "addressee", "below", "addresseeIsAbove", "subject",
        "petition", "letters", "deliveries", "arrears", "periods", "decrees", "lettersOverdue", "owesSupply", "hasLetters", "oneLetter",
        "owed",
        // DraftParty
        "handle", "name",
        // DraftPetition
        "id", "opened", "petitioner", "authority",
        // DraftLetter
        "from", "to", "due", "daysWaiting", "daysOverdue", "workingDaysOverdue", "overdue", "waited", "late", "facts", "last",
        // DraftDelivery
        "period", "decree", "supplier", "recipient", "daysSinceDue", "shortfall", "owing",
        // DraftArrears
        "commodity", "unit", "owedKg", "amount", "text",
    ]
}
