import Foundation
import PetitionsDomain
import PetitionsReport
import PetitionsRules
import PetitionsStore

/// The use cases of letter drafts: what a reminder, an escalation or a digest says as of a day, from the ledger
/// and the rules. Drafting only reads: it records nothing.
public enum Drafts {
    // MARK: - Reminder

    /// A reminder of one letter still waiting for a reply, to the authority it was sent to.
    public static func reminder(ledger: Ledger, context: RuleContext, letter id: Int64, asOf: Day) throws -> DraftContext {
        // What the letter alone refuses is refused before any fact is gathered, and only the facts of this letter are
        // gathered (its parties, the deliveries of its addressee's decrees): at a million letters, gathering the
        // whole ledger took 5 s of CPU and 500 MB.
        if let refusal = try refusalOfLetter(ledger, id, asOf: asOf) { throw refusal }
        let facts = try Gathered(ledger: ledger, context: context, asOf: asOf, scope: .letter(id))
        return try reminder(ledger: ledger, letter: id, asOf: asOf, facts: facts)
    }

    /// The reminder of letter `id` from `facts`: those of the letter alone, or (in a test) those of the whole ledger.
    static func reminder(ledger: Ledger, letter id: Int64, asOf: Day, facts: Gathered) throws -> DraftContext {
        guard let u = facts.waiting.first(where: { $0.letter == id }) else { throw try notWaiting(ledger, id, asOf: asOf) }
        // A reminder says a reply is late: a letter whose reply is not yet due is refused, as an escalation with
        // nothing late is.
        guard u.daysOverdue > 0 else {
            throw PetitionsError.invalid(
                "--letter", String(id),
                "is not yet late as of \(asOf.longDescription): its reply is due by \(u.due.longDescription); a reminder follows up a late reply")
        }
        let petition = try u.petition.map { try ledger.petition($0) }
        let (sender, via) = facts.signatories(petition: petition, writer: u.from)
        let addressee = facts.party(u.to)
        let late = facts.late.filter { $0.0.supplier == u.to && $0.0.recipient == sender.handle }
        let letter = facts.letter(u)
        return facts.draft(
            .reminder, sender: sender, via: via, addressee: addressee, below: nil,
            subject: "Reminder: our letter of \(letter.date) (\(u.subject)), unanswered for \(letter.waited)",
            petition: petition.map(facts.petition), letters: [u], late: late)
    }

    /// Why letter `id` cannot be reminded of, when the letter alone says it (missing, void, received, expecting no
    /// reply, sent after the day); nil when only the letters waiting as of the day can tell.
    static func refusalOfLetter(_ ledger: Ledger, _ id: Int64, asOf: Day) throws -> PetitionsError? {
        guard let l = try? ledger.letter(id) else { return try notWaiting(ledger, id, asOf: asOf) }
        guard l.voided || l.direction == .received || !l.expectsReply || l.on > asOf else { return nil }
        return try notWaiting(ledger, id, asOf: asOf)
    }

    static func notWaiting(_ ledger: Ledger, _ id: Int64, asOf: Day) throws -> PetitionsError {
        let l: Letter
        do {
            l = try ledger.letter(id)
        } catch let e as PetitionsError where e.message.hasPrefix("letter: no letter with id") {
            // Only a missing letter; a damaged one says what is damaged.
            return PetitionsError("--letter" + e.message.dropFirst("letter".count))
        }
        let why: String
        if l.voided {
            why = "is void"
        } else if l.direction == .received {
            why = "was received from \(l.from); a reminder follows up a letter sent"
        } else if !l.expectsReply {
            why = "expects no reply"
        } else if l.on > asOf {
            why = "was sent on \(l.on.longDescription), after \(asOf.longDescription)"
        } else {
            why = "was answered\(l.answeredBy.map { " by letter \($0)" } ?? ""); there is nothing to remind"
        }
        return PetitionsError.invalid("--letter", String(id), why)
    }

    // MARK: - Escalation

    /// A petition taken above: to `to` (an authority's handle or id), else to the authority above the petition's,
    /// citing the petition's unanswered letters and the late deliveries and arrears of its petitioner.
    public static func escalation(ledger: Ledger, context: RuleContext, petition id: Int64, to: String?, asOf: Day) throws -> DraftContext {
        try escalation(ledger: ledger, context: context, petition: id, to: to, asOf: asOf, whole: false)
    }

    /// `whole`: from the facts of the whole ledger (a test's measure), not those of the petition only.
    static func escalation(ledger: Ledger, context: RuleContext, petition id: Int64, to: String?, asOf: Day, whole: Bool) throws -> DraftContext {
        let p: Petition
        do { p = try ledger.petition(id) } catch let e as PetitionsError where e.code == .dataError {
            throw PetitionsError("--petition: no petition with id \(id).")
        }
        // A draft states only what the ledger holds as of its day.
        guard asOf >= p.opened else {
            throw PetitionsError.invalid(
                "--as-of", asOf.description, "is before petition \(id) was logged on \(p.opened); a draft states what the ledger holds as of its day")
        }
        // Its status on the draft's day, not today's: a petition resolved since was still open then.
        let status = try ledger.petitionStatus(id, asOf: asOf)
        if [.resolved, .rejected, .withdrawn].contains(status) {
            throw PetitionsError.invalid(
                "--petition", String(id),
                "was \(status.rawValue) as of \(asOf); an escalation is for a petition still open (petition status \(id) open reopens it)")
        }
        let facts = try Gathered(ledger: ledger, context: context, asOf: asOf, scope: whole ? .whole : .petition(p))
        let below = try facts.authority(p.authority, field: "--petition")
        let target: Party
        if let to {
            target = try facts.authority(to, field: "--to")
            // An escalation goes over the head of the authority that is silent, never back to it.
            guard target.handle != below.handle else {
                throw PetitionsError.invalid(
                    "--to", to,
                    "is the authority petition \(id) is addressed to (\(below.name)); an escalation goes to an authority above it"
                        + (below.parent.map { " (its parent is \($0))" } ?? " or elsewhere"))
            }
        } else if let parent = below.parent {
            target = try facts.authority(parent, field: "--petition")
        } else {
            throw PetitionsError(
                "--petition \(id) is addressed to \(below.name) (\(below.handle)), which has no authority above it; name the one to write to with --to."
            )
        }
        // The grounds are letters whose reply is overdue, to an authority other than the one now written to: a letter
        // sent today, not yet due, is no sign of silence, and one to the addressee itself is no complaint about the one below.
        let letters = facts.waiting.filter { $0.petition == id && $0.daysOverdue > 0 && $0.to != target.handle }
        // Deliveries owed to the petitioner by the petition's authority or one below it.
        let late = facts.late.filter { o, _ in
            o.recipient == p.petitioner && (o.supplier == below.handle || (facts.parties[o.supplier]?.chain ?? []).contains(below.handle))
        }
        guard !letters.isEmpty || !late.isEmpty else {
            throw PetitionsError.invalid(
                "--petition", String(id),
                "has nothing to escalate as of \(asOf): no letter of it is waiting for a reply and no delivery to \(p.petitioner) is late")
        }
        let (sender, via) = facts.signatories(petition: p, writer: p.petitioner)
        // The subject says what the body does: an answer missing, supply missing, or both.
        let why = letters.isEmpty ? "supply owed by \(below.name)" : "no answer from \(below.name)"
        return facts.draft(
            .escalation, sender: sender, via: via, addressee: facts.party(target.handle),
            below: facts.party(below.handle), addresseeIsAbove: (below.chain ?? []).contains(target.handle),
            subject: "\(p.subject): \(why)",
            petition: facts.petition(p), letters: letters, late: late)
    }

    // MARK: - Digest

    /// One letter to an authority covering every overdue item of it: letters past their due day and deliveries
    /// late beyond their grace, with what is owed.
    public static func digest(ledger: Ledger, context: RuleContext, authority: String, asOf: Day) throws -> DraftContext {
        try digest(ledger: ledger, context: context, authority: authority, asOf: asOf, whole: false)
    }

    /// `whole`: from the facts of the whole ledger (a test's measure), not those of the authority only.
    static func digest(ledger: Ledger, context: RuleContext, authority: String, asOf: Day, whole: Bool) throws -> DraftContext {
        let a: Party
        let facts: Gathered
        if whole {
            facts = try Gathered(ledger: ledger, context: context, asOf: asOf)
            a = try facts.authority(authority, field: "--authority")
        } else {
            a = try Gathered.authority(authority, field: "--authority", among: Gathered.authoritiesAndOffices(ledger), ledger: ledger)
            facts = try Gathered(ledger: ledger, context: context, asOf: asOf, scope: .supplier(a.handle))
        }
        let letters = facts.waiting.filter { $0.to == a.handle && $0.daysOverdue > 0 }
        let late = facts.late.filter { $0.0.supplier == a.handle }
        guard !letters.isEmpty || !late.isEmpty else {
            throw PetitionsError.invalid(
                "--authority", authority, "(\(a.name)) has nothing overdue as of \(asOf.longDescription); there is nothing to write")
        }
        // The office writes the digest, in its own name, whoever the items concern: it dates it from the district
        // the parties concerned share, when they share one.
        let concerned = Set(letters.map { facts.petitioners[$0.letter] ?? $0.from } + late.map(\.0.recipient))
        let districts = Set(concerned.map { facts.parties[$0]?.district })
        let sender = DraftParty(handle: facts.officeHandle, name: facts.office)
        var items: [String] = []
        if !letters.isEmpty { items.append(DraftContext.count(letters.count, "letter") + " unanswered") }
        if !late.isEmpty {
            let partly = late.filter { $0.1.receivedBase.values.contains { $0 > 0 } }.count
            items.append(DeliveryState.counted(notDelivered: late.count - partly, partlyDelivered: partly))
        }
        return facts.draft(
            .digest, sender: sender, via: nil, addressee: facts.party(a.handle), below: nil,
            place: districts.count == 1 ? districts.first ?? nil : nil,
            subject: "Overdue as of \(asOf.longDescription): \(DraftContext.listInWords(items))",
            petition: nil, letters: letters, late: late)
    }

    // MARK: - Rendering

    /// The letter text of a draft through `templatePath` (`--template`), else the built-in template of its kind.
    public static func render(_ draft: DraftContext, templatePath: String?) throws -> String {
        guard let templatePath else { return try DraftRenderer.render(draft) }
        let data = try InputFile.contents(templatePath, field: "--template")
        // A template is text, as a draft sent with --from-draft is: a binary file's bytes went into the letter.
        guard let template = InputFile.utf8Text(data) else {
            throw PetitionsError("--template: \(templatePath) is not a text file (UTF-8, as a Mustache template is); nothing was written.")
        }
        return try DraftRenderer.render(draft, template: template, source: "--template \(templatePath)")
    }
}
