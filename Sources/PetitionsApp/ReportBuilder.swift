import Foundation
import PetitionsDomain
import PetitionsReport
import PetitionsRules
import PetitionsStore

/// The use case "report": the status of everything as of a day, gathered from the ledger's aggregate queries and
/// the rule engine, narrowed by a scope, and with persons' names redacted when the report leaves the office.
public enum ReportBuilder {
    /// Builds the report as of `asOf`. Nothing in it depends on the day it is run.
    /// With `section` (one of `ReportCSV.sections`, for `--format csv --section`), only what that table prints is
    /// worked out; the other sections are left empty. The sections worked out are the same whatever `section` is.
    // Longer than 60 lines on purpose: the sections share the engine run, the late deliveries and the waiting letters, worked out once in order.
    public static func build(
        ledger: Ledger, context: RuleContext, asOf: Day, scope: ReportScope = ReportScope(),
        redact: Bool = false, section: String? = nil
    ) throws -> StatusReport {
        let s = try ledger.resolve(scope)
        let engine = context.engine
        func wants(_ names: String...) -> Bool { section.map { names.contains($0) } ?? true }
        let summaryWanted = wants("summary")

        // The late deliveries and waiting letters, judged, and the findings in scope as far as the listings decide it;
        // the facts and every finding are let go before the other sections are read (`Judged`).
        let judged = try judge(
            ledger: ledger, context: context, asOf: asOf, scope: s, overdue: wants("overdue_deliveries") || (summaryWanted && !s.isEmpty),
            unanswered: wants("unanswered_letters", "authorities", "summary"), findings: summaryWanted)
        let overdue = judged.overdue
        let unanswered = judged.unanswered

        let kilogram = ledger.units.kilogram ?? MeasureUnit(name: "kg", dimension: "mass", base: 1_000_000_000)
        // Arrears count what is late (past its grace), as the overdue list and the arrears rule do.
        // The arrears ledger and the trend come from one pass over the deliveries due. The headline needs the arrears
        // only to tell which findings about arrears are in a scope.
        let supply =
            wants("arrears", "trend.deliveries") || (summaryWanted && !s.isEmpty)
            ? try ledger.supply(s, asOf: asOf, arrearsDueBy: engine.latestLateDue(asOf: asOf)) : (arrears: [], trend: [])
        let arrears = supply.arrears.map { a in
            ArrearsLine(
                recipient: a.recipient.handle, recipientName: a.recipient.name, decree: a.decree.handle, decreeName: a.decree.name,
                supplier: a.supplier.handle, commodity: a.commodity, unit: a.unit.name,
                promised: Quantity.amount(a.promised, in: a.unit), received: Quantity.amount(a.received, in: a.unit),
                owed: Quantity.amount(a.owed, in: a.unit),
                owedKg: a.unit.dimension == kilogram.dimension ? Quantity.amount(a.owed, in: kilogram) : nil,
                periodsMissed: a.periods.count, since: a.periods.first?.period,
                periods: a.periods.map { p in
                    ArrearsPeriod(
                        period: p.period, expected: Quantity.amount(p.expected, in: a.unit),
                        received: Quantity.amount(p.received, in: a.unit),
                        owed: Quantity.amount(max(0, p.expected - p.received), in: a.unit))
                })
        }

        // Petitions with their status as of the day; open ones first, oldest first.
        let petitions = try (wants("petitions", "summary") ? ledger.petitionRows(s, asOf: asOf) : []).map { p in
            PetitionLine(
                id: p.id, petitioner: p.petitioner.handle, petitionerName: p.petitioner.name, authority: p.authority.handle,
                via: p.via?.handle, subject: p.subject, category: p.category, opened: p.opened, status: p.status,
                ageDays: isOpen(p.status) ? p.opened.days(until: asOf) : nil)
        }.sorted { a, b in
            let (x, y) = (statusRank(a.status), statusRank(b.status))
            return x != y ? x < y : (a.opened, a.id) < (b.opened, b.id)
        }

        // Authorities, worst first: most overdue now, most open, least often answered in time, slowest.
        var overdueNow: [String: Int] = [:]
        for u in unanswered where u.daysOverdue > 0 { overdueNow[u.to, default: 0] += 1 }
        let authorities = try (wants("authorities") ? ledger.authorityRows(s, asOf: asOf) : []).map { a in
            AuthorityLine(
                handle: a.authority.handle, name: a.authority.name, chain: a.chain, lettersReceived: a.letters, answered: a.answered,
                answeredWithinDeadline: a.answeredWithinDeadline, medianDaysToAnswer: a.medianDaysToAnswer, openNow: a.open,
                overdueNow: overdueNow[a.authority.handle] ?? 0)
        }.sorted(by: worseFirst)

        let trend = Trend(
            findings: try (wants("trend.findings") ? ledger.findingTrend(asOf: asOf, since: s.since) : []).map {
                TrendMonth(month: $0.month, raised: $0.raised, cleared: $0.cleared)
            },
            deliveries: supply.trend.map { p in
                TrendPeriod(
                    period: p.period, due: p.due, complete: p.complete, partial: p.partial,
                    quantities: p.amounts.map { q in
                        TrendQuantity(
                            commodity: q.commodity, unit: q.unit.name, expected: Quantity.amount(q.expected, in: q.unit),
                            received: Quantity.amount(q.received, in: q.unit))
                    })
            })

        // The headline: what is counted, the findings in scope by severity, and the most urgent one.
        var bySeverity = Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0.rawValue, 0) })
        var mostUrgent: String?
        switch judged.findings {
        case .counted(let counts, let first):
            for (k, n) in counts { bySeverity[k, default: 0] += n }
            mostUrgent = first
        case .scoped(var findings, let letters, let deliveries):
            // Letters and deliveries in scope were decided by `judge`; petitions and arrears are decided here.
            let petitionIDs = Set(petitions.map(\.id))
            let owed = Set(arrears.map { "\($0.recipient) \($0.commodity) \($0.decree)" })
            let headline = findings.headline(
                keepDelivery: { deliveries.contains($0) },
                keep: { f in
                    switch f.subject.type {
                    case .letter: return letters.contains(f.subject.id)
                    case .delivery: return deliveries.contains(f.subject.id)
                    case .petition: return petitionIDs.contains(f.subject.id)
                    case .arrears: return owed.contains(f.subject.name)
                    case .sql: return false
                    }
                })
            for (k, n) in headline.counts { bySeverity[k.rawValue, default: 0] += n }
            mostUrgent = headline.first
        }
        let counts = summaryWanted ? try ledger.reportCounts(s, asOf: asOf) : nil
        let summary = Summary(
            asOf: asOf, petitioners: counts?.persons ?? 0, groups: counts?.groups ?? 0, householdMembers: counts?.householdMembers ?? 0,
            openPetitions: petitions.filter { $0.status == .open }.count, findings: bySeverity, mostUrgent: mostUrgent)

        // Letters with documents: of the parties in scope (the recipient and its members, the authority) when there is one.
        let parties = s.isEmpty ? nil : s.recipientParties.union([s.authority?.id].compactMap { $0 })
        let documents = try (wants("documents") ? ledger.letterDocuments(asOf: asOf, parties: parties) : []).map {
            LetterDocuments(letter: $0.letter, on: $0.day, documents: $0.documents)
        }
        var report = StatusReport(
            asOf: asOf, summary: summary, overdueDeliveries: overdue, arrears: arrears, unansweredLetters: unanswered,
            petitions: petitions, authorities: authorities, trend: trend, documents: documents)
        // The office named by `office set` (its name no longer the handle init gave it) heads the report.
        if let office = try ledger.officeParty(), office.name != office.handle { report.office = office.name }
        guard redact else { return report }
        let persons = try ledger.personNames().map { Redaction.Person(id: $0.id, handle: $0.handle, name: $0.name, dependants: $0.dependants) }
        return report.redacted(Redaction(persons: persons))
    }

    /// The findings the headline needs: with no scope, only their counts by severity and the first one's message;
    /// with one, the findings (those of late deliveries held compactly where the check stream serves) with the letters
    /// and deliveries in scope; those about a petition or arrears are decided once those sections are read.
    enum HeadlineFindings {
        case counted([String: Int], first: String?)
        case scoped(CheckFindings, letters: Set<Int64>, deliveries: Set<Int64>)
    }

    /// The overdue and unanswered sections, and the findings for the headline.
    struct Judged {
        var overdue: OverdueSection = []
        var unanswered: [UnansweredLetter] = []
        var findings = HeadlineFindings.counted([:], first: nil)
    }

    /// Reads the late deliveries and the waiting letters once, judges them for their sections and runs the rules for
    /// the findings. What only this needs (the facts, the listings out of scope, every finding) is let go when it
    /// returns, before the report reads its other sections: the report's peak memory is this step's, not this step's
    /// and every section's. Where the check stream serves (one overdue_delivery rule without a scope, the defaults),
    /// the late deliveries are held compactly by it (`CheckStream`): the section holds those in scope, each worded as
    /// it is written (`OverdueSection`), and the headline counts the findings without wording more than the first.
    // Longer than 60 lines on purpose: the late deliveries, the waiting letters and the findings, in the order they depend on each other.
    static func judge(
        ledger: Ledger, context: RuleContext, asOf: Day, scope s: ResolvedReportScope, overdue wantsOverdue: Bool, unanswered wantsUnanswered: Bool,
        findings wantsFindings: Bool
    ) throws -> Judged {
        let engine = context.engine
        var out = Judged()
        let sincePeriod = s.since.map { Period(containing: $0) }
        func inScope(recipient: String, decree: String, supplier: String, period: Period) -> Bool {
            (s.recipient.map { $0.handle == recipient } ?? true) && (s.decree.map { $0.handle == decree } ?? true)
                && (s.authority.map { $0.handle == supplier } ?? true) && (sincePeriod.map { period >= $0 } ?? true)
        }
        // The deliveries in scope decide which findings a scoped headline keeps, so it needs the section.
        let listing = wantsOverdue || (wantsFindings && !s.isEmpty)
        var stream = listing || wantsFindings ? engine.checkStream(asOf: asOf) : nil
        var late: [LateDelivery] = []
        var overdueAll: [OverdueDelivery] = []
        if var st = stream {
            try ledger.scanLateDeliveries(asOf: asOf, lastDue: st.lastDue) { d, later in st.add(d, later: later) }
            stream = st
        } else {
            // Late deliveries are read once, for their section and for the findings.
            late = listing || wantsFindings ? try ledger.lateDeliveries(asOf: asOf) : []
            overdueAll = engine.overdue(late, asOf: asOf)
            // Without a scope the section is the whole listing: no copy of it is made.
            out.overdue = OverdueSection(
                s.isEmpty
                    ? overdueAll : overdueAll.filter { inScope(recipient: $0.recipient, decree: $0.decree, supplier: $0.supplier, period: $0.period) }
            )
        }
        // Waiting letters are read once too, and worked out once for every one: the section keeps those in scope, the
        // findings use them all.
        var allWaiting = wantsUnanswered || wantsFindings ? try ledger.waitingLetters(asOf: asOf) : []
        let unansweredAll = engine.unanswered(allWaiting, asOf: asOf, all: true)
        if s.isEmpty {
            out.unanswered = unansweredAll
        } else {
            // Letters waiting for a reply, in scope, oldest first, including those not yet due.
            var inScope = Set<Int64>()
            for l in allWaiting
            where (s.authority.map { $0.id == l.to.id } ?? true) && (s.since.map { l.sent >= $0 } ?? true)
                && (s.recipient == nil || s.recipientParties.contains(l.from.id) || l.petitioner.map { s.recipientParties.contains($0.id) } == true)
            {
                inScope.insert(l.id)
            }
            out.unanswered = unansweredAll.filter { inScope.contains($0.letter) }
        }
        // Without a scope the headline needs nothing of the sections: its findings are worked out, counted and let go
        // (with the waiting letters) before the overdue section is taken from the stream, so the two are never held at once.
        if wantsFindings, s.isEmpty, var st = stream {
            let letters = allWaiting
            allWaiting = []
            var findings = try Checker.findings(
                ledger: ledger, context: context, asOf: asOf, stream: &st, letters: letters, unanswered: unansweredAll)
            let headline = findings.headline(keepDelivery: { _ in true }, keep: { _ in true })
            out.findings = .counted(Dictionary(uniqueKeysWithValues: headline.counts.map { ($0.key.rawValue, $0.value) }), first: headline.first)
            stream = st
        }
        if listing, var st = stream { out.overdue = st.overdueSection(keep: inScope) }
        guard wantsFindings, !(s.isEmpty && stream != nil) else { return out }
        let letters = Set(out.unanswered.map(\.letter))
        let deliveries = Set(out.overdue.deliveryIDs)
        var findings: CheckFindings
        if var st = stream {
            findings = try Checker.findings(ledger: ledger, context: context, asOf: asOf, stream: &st, letters: allWaiting, unanswered: unansweredAll)
        } else {
            let all = try Checker.findings(
                ledger: ledger, context: context, asOf: asOf, letters: allWaiting, deliveries: late,
                unanswered: unansweredAll, overdue: overdueAll)
            // With a scope, those about letters and deliveries out of it are let go now.
            findings = CheckFindings(
                s.isEmpty
                    ? all
                    : all.filter { f in
                        switch f.subject.type {
                        case .letter: return letters.contains(f.subject.id)
                        case .delivery: return deliveries.contains(f.subject.id)
                        case .petition, .arrears: return true
                        case .sql: return false
                        }
                    })
        }
        if s.isEmpty {
            let headline = findings.headline(keepDelivery: { _ in true }, keep: { _ in true })
            out.findings = .counted(Dictionary(uniqueKeysWithValues: headline.counts.map { ($0.key.rawValue, $0.value) }), first: headline.first)
        } else {
            out.findings = .scoped(findings, letters: letters, deliveries: deliveries)
        }
        return out
    }

    /// Open and waiting on the petitioner: the petitions still running, whose age the report shows.
    static func isOpen(_ s: PetitionStatus) -> Bool { s == .open || s == .waitingOnPetitioner }

    static func statusRank(_ s: PetitionStatus) -> Int { PetitionStatus.allCases.firstIndex(of: s) ?? 0 }

    static func worseFirst(_ a: AuthorityLine, _ b: AuthorityLine) -> Bool {
        if a.overdueNow != b.overdueNow { return a.overdueNow > b.overdueNow }
        if a.openNow != b.openNow { return a.openNow > b.openNow }
        // Answered in time, as a share of letters received: compared without division.
        let x = a.answeredWithinDeadline * max(1, b.lettersReceived)
        let y = b.answeredWithinDeadline * max(1, a.lettersReceived)
        if x != y { return x < y }
        if a.medianDaysToAnswer != b.medianDaysToAnswer { return (a.medianDaysToAnswer ?? -1) > (b.medianDaysToAnswer ?? -1) }
        return a.handle < b.handle
    }
}
