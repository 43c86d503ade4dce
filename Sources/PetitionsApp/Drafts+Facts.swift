import Foundation
import PetitionsDomain
import PetitionsReport
import PetitionsRules
import PetitionsStore

extension Drafts {
    // MARK: - Facts

    /// What every draft reads, once: waiting letters, late deliveries with their ledger facts, and the parties.
    struct Gathered {
        let asOf: Day
        let office: String
        let officeHandle: String
        let signature: String?
        let waiting: [UnansweredLetter]
        let late: [(OverdueDelivery, LateDelivery)]
        let parties: [String: Party]
        /// The petitioner of each waiting letter's petition.
        let petitioners: [Int64: String]
        let kilogram: MeasureUnit
        /// Asked for a party the scope did not gather (an authority named that is a person).
        let ledger: Ledger

        /// Which facts a draft gathers: the whole ledger's, or those of one letter, one petition or one supplier
        /// (the waiting letters concerned, the late deliveries of the petitioner or of the supplier's decrees, the
        /// authorities and offices, and the other parties these name).
        enum Scope {
            case whole
            case letter(Int64)
            case petition(Petition)
            case supplier(String)
        }

        // Longer than 60 lines on purpose: one gathering, each scope's part of it side by side.
        init(ledger: Ledger, context: RuleContext, asOf: Day, scope: Scope = .whole) throws {
            self.asOf = asOf
            self.ledger = ledger
            let officeParty = try ledger.officeParty()
            office = officeParty?.name ?? ledger.context.office
            officeHandle = officeParty?.handle ?? ledger.context.office
            signature = try ledger.setting("signature")
            switch scope {
            case .whole: waiting = try Checker.unanswered(ledger: ledger, context: context, asOf: asOf)
            case .letter(let id):
                waiting = context.engine.unanswered(try ledger.waitingLetters(asOf: asOf, only: [id]), asOf: asOf, all: true)
            case .petition(let p):
                let ids = try ledger.letters(petition: p.id).map(\.id)
                waiting = context.engine.unanswered(try ledger.waitingLetters(asOf: asOf, only: ids), asOf: asOf, all: true)
            case .supplier(let handle):
                waiting = try Checker.unanswered(ledger: ledger, context: context, asOf: asOf).filter { $0.to == handle }
            }
            let lateDeliveries: [LateDelivery]
            switch scope {
            case .whole: lateDeliveries = try ledger.lateDeliveries(asOf: asOf)
            case .letter: lateDeliveries = try waiting.first.map { try ledger.lateDeliveries(asOf: asOf, supplier: $0.to) } ?? []
            case .petition(let p): lateDeliveries = try ledger.lateDeliveries(asOf: asOf, recipient: p.petitioner)
            case .supplier(let handle): lateDeliveries = try ledger.lateDeliveries(asOf: asOf, supplier: handle)
            }
            let byID = Dictionary(lateDeliveries.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            late = context.engine.overdue(lateDeliveries, asOf: asOf).compactMap { o in byID[o.delivery].map { (o, $0) } }
            var parties: [String: Party] = [:]
            var petitioners: [Int64: String] = [:]
            if case .whole = scope {
                // Offices too (this one and those whose events were merged): one named where an authority is needed
                // is said to be an office, not unknown.
                for kind in [PartyKind.authority, .group, .person, .office] {
                    for p in try ledger.parties(kind: kind) { parties[p.handle] = p }
                }
                let petitions = Dictionary(try ledger.petitions().map { ($0.id, $0.petitioner) }, uniquingKeysWith: { a, _ in a })
                for u in waiting { if let p = u.petition { petitioners[u.letter] = petitions[p] } }
            } else {
                parties = try Self.authoritiesAndOffices(ledger)
                var named: [String?] = late.flatMap { [$0.0.recipient, $0.0.supplier] }
                var petitions: [Int64: Petition] = [:]
                if case .petition(let p) = scope { petitions[p.id] = p }
                for u in waiting {
                    if let id = u.petition, petitions[id] == nil { petitions[id] = try ledger.petition(id) }
                    let petition = u.petition.flatMap { petitions[$0] }
                    petitioners[u.letter] = petition?.petitioner
                    named += [u.from, u.to]
                }
                for p in petitions.values { named += [p.petitioner, p.via, p.authority] }
                for handle in named.compactMap({ $0 }) where parties[handle] == nil { parties[handle] = try ledger.party(handle) }
            }
            self.parties = parties
            self.petitioners = petitioners
            kilogram = ledger.units.kilogram ?? MeasureUnit(name: "kg", dimension: "mass", base: 1_000_000_000)
        }

        func party(_ handle: String) -> DraftParty {
            DraftParty(handle: handle, name: parties[handle]?.name ?? handle)
        }

        /// Who a draft about a letter by `writer` is from, for every draft that speaks for a petition: the petitioner,
        /// `through` the petition's intermediary when it has one, whenever the writer is either of them; the writer
        /// in their own name otherwise (no petition, or someone the ledger holds no petition of).
        func signatories(petition: Petition?, writer: String) -> (sender: DraftParty, via: DraftParty?) {
            guard let petition, writer == petition.petitioner || writer == petition.via else { return (party(writer), nil) }
            return (party(petition.petitioner), petition.via.map(party))
        }

        /// An authority by handle or id; an unknown one is an error naming the field and the value.
        func authority(_ ref: String, field: String) throws -> Party {
            try Self.authority(ref, field: field, among: parties, ledger: ledger)
        }

        /// The authorities and offices, by handle: every gathering holds them (an escalation goes up their chain).
        static func authoritiesAndOffices(_ ledger: Ledger) throws -> [String: Party] {
            var parties: [String: Party] = [:]
            for kind in [PartyKind.authority, .office] {
                for p in try ledger.parties(kind: kind) { parties[p.handle] = p }
            }
            return parties
        }

        /// `ref` among `parties`, which hold every authority; another party it names is looked up in `ledger` to say
        /// what it is instead.
        static func authority(_ ref: String, field: String, among parties: [String: Party], ledger: Ledger) throws -> Party {
            let t = ref.trimmingCharacters(in: .whitespaces)
            let authorities = parties.values.filter { $0.kind == .authority }
            if let a = authorities.first(where: { $0.handle == t.lowercased() || String($0.id) == t }) { return a }
            // A petitioner or group named where an authority is needed is said as the store says it elsewhere.
            if let other = parties.values.first(where: { $0.handle == t.lowercased() || String($0.id) == t })
                ?? (try? ledger.party(t)).flatMap({ $0.handle == t.lowercased() || String($0.id) == t ? $0 : nil })
            {
                let kind = other.kind == .person ? "person" : other.kind.rawValue
                throw PetitionsError(
                    "\(field): \(quoted(ref)) is \(Wording.a(kind)) (\(other.name)), but an authority is needed here.", field: field, kind: .invalid)
            }
            throw PetitionsError.unknown("authority", field, ref, closest: closest(to: t, among: authorities.map(\.handle)))
        }

        func petition(_ p: Petition) -> DraftPetition {
            DraftPetition(
                id: p.id, subject: p.subject, opened: p.opened.longDescription, petitioner: party(p.petitioner).name,
                authority: party(p.authority).name)
        }

        func letter(_ u: UnansweredLetter) -> DraftLetter {
            DraftLetter(
                id: u.letter, date: u.sent.longDescription, subject: u.subject, from: party(u.from).name, to: u.toName,
                due: u.due.longDescription, daysWaiting: u.daysWaiting, daysOverdue: u.daysOverdue, workingDaysOverdue: u.workingDaysOverdue)
        }

        func draft(
            _ kind: DraftKind, sender: DraftParty, via: DraftParty?, addressee: DraftParty, below: DraftParty?,
            addresseeIsAbove: Bool = false, place: String? = nil, subject: String,
            petition: DraftPetition?, letters: [UnansweredLetter], late: [(OverdueDelivery, LateDelivery)]
        ) -> DraftContext {
            let deliveries = late.map { o, d in
                let short = d.expectedBase.keys.sorted().compactMap { c -> String? in
                    let owed = (d.expectedBase[c] ?? 0) - min(d.expectedBase[c] ?? 0, d.receivedBase[c] ?? 0)
                    guard owed > 0, let unit = d.unitOf[c] else { return nil }
                    return "\(Thousands.format(Quantity.amount(owed, in: unit))) \(unit.name) of \(c)"
                }
                return DraftDelivery(
                    id: o.delivery, period: o.period.longDescription, decree: d.decree.name, supplier: d.supplier.name,
                    recipient: d.recipient.name, due: o.due.longDescription, daysOverdue: o.daysOverdue,
                    daysSinceDue: o.due.days(until: asOf),
                    shortfall: DraftContext.listInWords(short),
                    owing: DeliveryState(anyReceived: d.receivedBase.values.contains { $0 > 0 })
                        .owing(DraftContext.listInWords(short), separator: ", "))
            }
            var context = DraftContext(
                kind: kind, date: asOf.longDescription, asOf: asOf, place: place ?? parties[sender.handle]?.district, office: office,
                sender: sender, via: via, addressee: addressee, below: below, addresseeIsAbove: addresseeIsAbove,
                subject: subject, petition: petition,
                letters: letters.map(letter), deliveries: deliveries, arrears: arrears(late),
                periods: late.isEmpty ? nil : DraftContext.periodsInWords(late.map(\.0.period)),
                decrees: late.isEmpty ? nil : DraftContext.listInWords(unique(late.map(\.1.decree.name))))
            // The office's signature signs what the office sends: under a letter from a petitioner it read "For the
            // office: A. Yusuf, clerk" above the petitioner's name, as if the clerk had written it.
            context.signature = sender.handle == officeHandle ? signature : nil
            return context
        }

        /// What is owed per decree, recipient and commodity, summed exactly in base units, shown in the decree's unit.
        func arrears(_ late: [(OverdueDelivery, LateDelivery)]) -> [DraftArrears] {
            // `uncountable`: the sum ran past Int64 (amounts stored before they were bounded); `base` then stays at its largest.
            struct Owed {
                var base: Int64 = 0
                var uncountable = false
                var unit: MeasureUnit
                var periods: [Period] = []
                var decree: String
                var recipient: String
                var commodity: String
            }
            var byKey: [String: Owed] = [:]
            var order: [String] = []
            for (o, d) in late {
                for c in d.expectedBase.keys.sorted() {
                    let owed = (d.expectedBase[c] ?? 0) - min(d.expectedBase[c] ?? 0, d.receivedBase[c] ?? 0)
                    guard owed > 0, let unit = d.unitOf[c] else { continue }
                    let key = "\(d.decree.id)/\(d.recipient.id)/\(c)"
                    if byKey[key] == nil {
                        order.append(key)
                        byKey[key] = Owed(unit: unit, decree: d.decree.name, recipient: d.recipient.name, commodity: c)
                    }
                    if let sum = byKey[key]?.base.addingReportingOverflow(owed) {
                        if sum.overflow {
                            byKey[key]?.uncountable = true
                            byKey[key]?.base = Int64.max
                        } else {
                            byKey[key]?.base = sum.partialValue
                        }
                    }
                    byKey[key]?.periods.append(o.period)
                }
            }
            return order.compactMap { byKey[$0] }.map { o in
                let more = o.uncountable ? "more than " : ""
                let kg =
                    o.unit.dimension == kilogram.dimension && o.unit.name != kilogram.name
                    ? more + Thousands.format(Quantity.amount(o.base, in: kilogram)) : nil
                return DraftArrears(
                    decree: o.decree, recipient: o.recipient, commodity: o.commodity, unit: o.unit.name,
                    owed: more + Thousands.format(Quantity.amount(o.base, in: o.unit)), owedKg: kg,
                    periods: DraftContext.periodsInWords(o.periods))
            }
        }

        func unique(_ list: [String]) -> [String] {
            var seen = Set<String>()
            return list.filter { seen.insert($0).inserted }
        }
    }
}
