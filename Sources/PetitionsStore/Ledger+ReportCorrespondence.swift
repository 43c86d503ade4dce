import Foundation
import GRDB
import PetitionsDomain

extension Ledger {
    // MARK: - Petitions

    /// Petitions opened on or before `asOf`, in scope, each with its status as of that day (the last status change
    /// recorded for a day on or before it, else open); by id.
    public func petitionRows(_ scope: ResolvedReportScope, asOf: Day) throws -> [PetitionRow] {
        try read { db in
            let (sql, args) = Ledger.petitionRowsQuery(scope, asOf: asOf)
            let cursor = try Row.fetchCursor(db, sql: sql, arguments: args)
            var out: [PetitionRow] = []
            while let r = try cursor.next() {
                let via: Int64? = r["vid"]
                out.append(
                    PetitionRow(
                        id: r["id"], petitioner: PartyName(id: r["fid"], handle: r["fh"], name: r["fn"]),
                        authority: PartyName(id: r["aid"], handle: r["ah"], name: r["an"]),
                        via: via.map { PartyName(id: $0, handle: r["vh"], name: r["vn"]) }, subject: r["subject"], category: r["category"],
                        opened: try r.day("opened"), status: try r.stored(PetitionStatus.self, "status_as_of")))
            }
            return out
        }
    }

    // MARK: - Authorities

    /// Per authority written to: letters sent to it on or before `asOf` that expected a reply (not void), how many were
    /// answered by then, how many by their stored due day, the median days to answer, and how many still wait.
    // Longer than 60 lines on purpose: one pass over the letters counting and taking medians per authority (BENCHMARKS.md).
    public func authorityRows(_ scope: ResolvedReportScope, asOf: Day) throws -> [AuthorityRow] {
        try read { db in
            // One pass over the letters in Swift: the same counts and medians as window functions over them, which
            // made SQLite sort half a million letters twice (a fifth of the report at a million letters).
            let (sql, args) = Ledger.authorityRowsQuery(scope, asOf: asOf)
            let cursor = try Row.fetchCursor(db, sql: sql, arguments: args)
            struct Tally {
                var letters = 0, answered = 0, within = 0, open = 0
                var days: [Int] = []
            }
            var tallies: [Int64: Tally] = [:]
            var days: [String: Day] = [:]
            func day(_ text: String) -> Day? {
                if let d = days[text] { return d }
                let d = try? Day(parsing: text)
                days[text] = d
                return d
            }
            while let r = try cursor.next() {
                let to: Int64 = r[0]
                let sent: String = r[1]
                let due: String? = r[2]
                let reply: String? = r[3]
                // Counted in place: a copy taken out of the dictionary and stored back copied each authority's
                // array of days at every letter answered (quadratic in an authority's letters).
                func count(_ t: inout Tally) {
                    t.letters += 1
                    if let reply {
                        t.answered += 1
                        if let due, reply <= due { t.within += 1 }
                        if let a = day(sent), let b = day(reply) { t.days.append(a.days(until: b)) }
                    } else {
                        t.open += 1
                    }
                }
                count(&tallies[to, default: Tally()])
            }
            var out: [AuthorityRow] = []
            for (id, t) in tallies {
                let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT handle, name FROM party WHERE id = ?"), arguments: [id])
                let sorted = t.days.sorted()
                let c = sorted.count
                let median: Double? = c == 0 ? nil : c % 2 == 1 ? Double(sorted[c / 2]) : (Double(sorted[c / 2 - 1]) + Double(sorted[c / 2])) / 2
                out.append(
                    AuthorityRow(
                        authority: PartyName(id: id, handle: row?[0] ?? "", name: row?[1] ?? ""), chain: [],
                        letters: t.letters, answered: t.answered, answeredWithinDeadline: t.within,
                        medianDaysToAnswer: median, open: t.open))
            }
            // By handle, as SQLite orders text (by bytes).
            out.sort { $0.authority.handle.utf8.lexicographicallyPrecedes($1.authority.handle.utf8) }
            for i in out.indices { out[i].chain = try chain(db, above: out[i].authority.id).map(\.handle) }
            return out
        }
    }
}

extension Ledger {
    /// The petitions' query for a report scope (plans in `Ledger+HotQueries.swift`).
    static func petitionRowsQuery(_ scope: ResolvedReportScope, asOf: Day) -> (String, StatementArguments) {
        var clauses = ["p.opened <= :asOf"]
        var args: [String: DatabaseValueConvertible?] = ["asOf": asOf.description]
        if let a = scope.authority {
            clauses.append("p.authority_id = :authority")
            args["authority"] = a.id
        }
        if let r = scope.recipient {
            clauses.append("(\(Ledger.inRecipient("p.petitioner_id")) OR p.via_id = :recipient)")
            args["recipient"] = r.id
        }
        if let s = scope.since {
            clauses.append("p.opened >= :since")
            args["since"] = s.description
        }
        let sql = """
            SELECT p.id, p.subject, p.category, p.opened, f.id AS fid, f.handle AS fh, f.name AS fn, a.id AS aid, a.handle AS ah, a.name AS an,
                   v.id AS vid, v.handle AS vh, v.name AS vn,
                   \(Ledger.statusAsOf) AS status_as_of
            FROM petition p JOIN party f ON f.id = p.petitioner_id JOIN party a ON a.id = p.authority_id LEFT JOIN party v ON v.id = p.via_id
            WHERE \(clauses.joined(separator: " AND ")) ORDER BY p.id
            """
        return (sql, StatementArguments(args))
    }

    /// The sent letters' query of the authority table for a report scope (plans in `Ledger+HotQueries.swift`).
    static func authorityRowsQuery(_ scope: ResolvedReportScope, asOf: Day) -> (String, StatementArguments) {
        // The whole ledger reads every letter sent up to the day: in table order (`+l.day` keeps SQLite off `letter_day`,
        // whose every entry then costs a second search into the table), 28% fewer instructions for the query alone.
        var clauses = ["l.direction = 'sent'", "l.expects_reply = 1", "l.voided = 0", scope.isEmpty ? "+l.day <= :asOf" : "l.day <= :asOf"]
        var args: [String: DatabaseValueConvertible?] = ["asOf": asOf.description]
        if let a = scope.authority {
            clauses.append("l.to_id = :authority")
            args["authority"] = a.id
        }
        if let r = scope.recipient {
            clauses.append(
                "(\(Ledger.inRecipient("l.from_id")) OR l.petition_id IN (SELECT id FROM petition p WHERE \(Ledger.inRecipient("p.petitioner_id"))))")
            args["recipient"] = r.id
        }
        if let s = scope.since {
            clauses.append("l.day >= :since")
            args["since"] = s.description
        }
        let sql = """
            SELECT l.to_id, l.day, l.reply_due, r.day
            FROM letter l LEFT JOIN letter r ON r.id = l.answered_by AND r.day <= :asOf
            WHERE \(clauses.joined(separator: " AND "))
            """
        return (sql, StatementArguments(args))
    }
}
