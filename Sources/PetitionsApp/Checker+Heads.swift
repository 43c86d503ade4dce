import PetitionsDomain
import PetitionsRules
import PetitionsStore

extension Checker {
    /// The first `limit` entries of the overdue listing as of `asOf` and how many it holds: the same entries, in the
    /// same order, as the first of `overdue(ledger:context:asOf:)`. With one unscoped overdue_delivery rule (the
    /// defaults) SQLite counts the late deliveries and hands over only the first ones, so that the rules judge `limit`
    /// deliveries however many are late; other rules judge the whole set, as the listing does.
    public static func overdueHead(ledger: Ledger, context: RuleContext, asOf: Day, limit: Int) throws -> ListingHead<OverdueDelivery> {
        guard var stream = context.engine.overdueStream(asOf: asOf) else {
            let late = try ledger.lateDeliveries(asOf: asOf)
            let listing = context.engine.overdue(late, asOf: asOf)
            let rows = Array(listing.prefix(limit))
            let shown = Set(rows.map(\.recipient))
            var names: [String: String] = [:]
            for d in late where shown.contains(d.recipient.handle) { names[d.recipient.handle] = d.recipient.name }
            return ListingHead(rows: rows, total: listing.count, names: names)
        }
        let head = try ledger.lateHead(asOf: asOf, lastDue: stream.lastDue, limit: limit)
        var rows: [OverdueDelivery] = []
        var names: [String: String] = [:]
        for (d, run) in head.rows {
            guard let o = stream.judge(d, run: run) else { continue }
            rows.append(o)
            names[d.recipient.handle] = d.recipient.name
        }
        return ListingHead(rows: rows, total: head.total, names: names)
    }

    /// The first `limit` entries of the unanswered listing as of `asOf` (with letters not yet due, as the listing has
    /// them) and how many it holds: SQLite counts the waiting letters and reads only the first ones, which the rules
    /// then judge.
    public static func unansweredHead(ledger: Ledger, context: RuleContext, asOf: Day, limit: Int) throws -> ListingHead<UnansweredLetter> {
        let head = try ledger.waitingHead(asOf: asOf, limit: limit)
        return ListingHead(rows: context.engine.unanswered(head.rows, asOf: asOf, all: true), total: head.total)
    }
}
