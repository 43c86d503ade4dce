import Foundation
import GRDB
import PetitionsDomain

extension Ledger {
    // MARK: - Who letters go between

    /// A letter goes between two different parties, one of them an authority or the office: petitioner to authority,
    /// authority to petitioner, petitioner to office, office to petitioner or authority. Between two petitioners it is
    /// not the office's correspondence.
    static func requireLetterEnds(_ f: PartyRef, _ t: PartyRef) throws {
        guard f.id != t.id else { throw PetitionsError.invalid("--to", t.handle, "is also the sender; a letter goes to another party") }
        let official: Set<PartyKind> = [.authority, .office]
        guard official.contains(f.kind) || official.contains(t.kind) else {
            func kind(_ p: PartyRef) -> String { p.kind == .person ? "a person" : "a group" }
            let same = f.kind == t.kind ? ", and so is the sender" : ", and --from \(quoted(f.handle)) is \(kind(f)) (\(f.name))"
            throw PetitionsError(
                "--to: \(quoted(t.handle)) is \(kind(t)) (\(t.name))\(same); a letter goes to or from an authority or the office.")
        }
    }

    /// What is unusual about a letter about to be recorded, each a sentence: a reply from another party than the one
    /// written to (or one in its chain of authorities), a reply on another petition than the letter it answers (or on
    /// one while that letter is on none), and a letter on a petition written by a party that is neither its
    /// petitioner, its intermediary, its authority (or one above or below it) nor the office. All are recorded all the
    /// same: forwarded answers happen.
    public func letterWarnings(from: String, to: String, inReplyTo: Int64?, petition: Int64?) throws -> [String] {
        try read { db in
            let all: Set<PartyKind> = [.authority, .person, .group, .office]
            guard let f = try? resolveParty(db, from, kinds: all, field: "--from"), let t = try? resolveParty(db, to, kinds: all, field: "--to")
            else { return [] }
            var out: [String] = []
            var petitionID = petition
            if let r = inReplyTo, let orig = try Row.fetchOne(db, sql: "SELECT to_id, petition_id FROM letter WHERE id = ?", arguments: [r]) {
                let addressee: Int64 = orig["to_id"]
                let answered: Int64? = orig["petition_id"]
                if petitionID == nil { petitionID = answered }
                // A reply recorded on another petition than the letter it answers: a slip of the id as often as a
                // letter that answers two cases, so said, naming both, and kept.
                if let answered, let pid = petitionID, pid != answered {
                    out.append("letter \(r) is on petition \(answered), but this reply is on petition \(pid); recorded all the same.")
                } else if answered == nil, let pid = petitionID {
                    // A reply put on a petition while the letter it answers is on none: the same slip, or the case
                    // found only now, so said too.
                    out.append("letter \(r) is on no petition, but this reply is on petition \(pid); recorded all the same.")
                }
                let related = try Set(chain(db, above: addressee).map(\.id)).union(chain(db, above: f.id).map(\.id))
                if addressee != f.id && !related.contains(f.id) && !related.contains(addressee) {
                    let name = try String.fetchOne(db, sql: "SELECT handle FROM party WHERE id = ?", arguments: [addressee]) ?? "?"
                    out.append(
                        "letter \(r) was written to \(name), but this reply comes from \(f.handle); recorded all the same (a forwarded answer).")
                }
            }
            if let pid = petitionID,
                let p = try Row.fetchOne(db, sql: "SELECT petitioner_id, authority_id, via_id FROM petition WHERE id = ?", arguments: [pid])
            {
                let authority: Int64 = p["authority_id"]
                var concerned: Set<Int64> = [p["petitioner_id"], authority]
                if let via = p["via_id"] as Int64? { concerned.insert(via) }
                concerned.formUnion(try chain(db, above: authority).map(\.id))
                let below = try Int64.fetchAll(
                    db,
                    sql: """
                        WITH RECURSIVE down(id, depth) AS (SELECT id, 1 FROM party WHERE parent_id = ?
                          UNION SELECT p.id, down.depth + 1 FROM party p JOIN down ON p.parent_id = down.id WHERE down.depth < 50)
                        SELECT id FROM down
                        """, arguments: [authority])
                concerned.formUnion(below)
                if !concerned.contains(f.id) && f.kind != .office {
                    out.append(
                        "\(f.handle) is neither the petitioner, the intermediary nor the authority of petition \(pid); the letter is recorded on it all the same."
                    )
                }
            }
            return out
        }
    }
}
