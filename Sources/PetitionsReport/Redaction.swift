import Foundation
import PetitionsRules

/// Replaces the names of persons (petitioners, intermediaries, dependants) by initials and ids, and their handles
/// by `person-ID`, so that a report can leave the office. Groups and authorities keep their names.
public struct Redaction {
    /// A person the ledger knows, with the names of their dependants.
    public struct Person: Sendable {
        public var id: Int64
        public var handle: String
        public var name: String
        public var dependants: [String]
        public init(id: Int64, handle: String, name: String, dependants: [String] = []) {
            self.id = id
            self.handle = handle
            self.name = name
            self.dependants = dependants
        }
    }

    /// Handle → `person-ID`.
    let handles: [String: String]
    /// Handle → the label of that very person: initials and their own id.
    let labels: [String: String]
    /// Lower-cased name → its replacement (initials alone when two persons share the name: free text cannot say which).
    let names: [String: String]
    /// Every name, longest first, as one pattern that matches whole words only.
    let pattern: NSRegularExpression?

    public init(persons: [Person]) {
        var handles: [String: String] = [:]
        var labels: [String: String] = [:]
        var names: [String: String] = [:]
        let shared = Dictionary(grouping: persons, by: { $0.name.lowercased() }).filter { $0.value.count > 1 }
        for p in persons {
            handles[p.handle] = "person-\(p.id)"
            labels[p.handle] = "\(Redaction.initials(p.name)) (#\(p.id))"
            names[p.name.lowercased()] = shared[p.name.lowercased()] == nil ? labels[p.handle] : Redaction.initials(p.name)
            for d in p.dependants where names[d.lowercased()] == nil { names[d.lowercased()] = Redaction.initials(d) }
        }
        names = names.filter { !$0.key.trimmingCharacters(in: .whitespaces).isEmpty }
        self.handles = handles
        self.labels = labels
        self.names = names
        let alternatives = names.keys.sorted { ($0.count, $0) > ($1.count, $1) }.map { NSRegularExpression.escapedPattern(for: $0) }
        pattern =
            alternatives.isEmpty
            ? nil
            : try? NSRegularExpression(
                pattern: "(?<![\\p{L}\\p{N}])(?:" + alternatives.joined(separator: "|") + ")(?![\\p{L}\\p{N}])",
                options: [.caseInsensitive])
    }

    /// "Pëtr Kropotkin" → "P. K.".
    public static func initials(_ name: String) -> String {
        let words = name.split(whereSeparator: { $0.isWhitespace || $0 == "-" })
        let letters = words.compactMap { $0.first(where: { $0.isLetter }).map { String($0).uppercased() + "." } }
        return letters.isEmpty ? "?" : letters.joined(separator: " ")
    }

    /// A handle of a person as `person-ID`; any other handle as it is.
    public func handle(_ h: String) -> String { handles[h] ?? h }

    /// The name of the party with handle `h`: its replacement when a person, else the name (with persons' names inside it replaced).
    public func name(_ name: String, handle h: String) -> String {
        if let label = labels[h] { return label }
        return text(name)
    }

    /// Free text with every person's or dependant's name, as a whole word in any case, replaced.
    public func text(_ s: String) -> String {
        guard let pattern, !s.isEmpty else { return s }
        let ns = s as NSString
        var out = ""
        var last = 0
        for m in pattern.matches(in: s, range: NSRange(location: 0, length: ns.length)) {
            out += ns.substring(with: NSRange(location: last, length: m.range.location - last))
            let found = ns.substring(with: m.range)
            out += names[found.lowercased()] ?? found
            last = m.range.location + m.range.length
        }
        return out + ns.substring(from: last)
    }
}

extension StatusReport {
    /// The same report with persons' names replaced by initials and ids and their handles by `person-ID`.
    public func redacted(_ r: Redaction) -> StatusReport {
        var out = self
        out.summary.mostUrgent = summary.mostUrgent.map(r.text)
        out.overdueDeliveries = OverdueSection(
            overdueDeliveries.map { o in
                var o = o
                o.recipient = r.handle(o.recipient)
                o.message = r.text(o.message)
                o.action = r.text(o.action)
                return o
            })
        out.arrears = arrears.map { a in
            var a = a
            a.recipientName = r.name(a.recipientName, handle: a.recipient)
            a.recipient = r.handle(a.recipient)
            a.decreeName = r.text(a.decreeName)
            return a
        }
        out.unansweredLetters = unansweredLetters.map { u in
            var u = u
            u.fromName = r.name(u.fromName, handle: u.from)
            u.from = r.handle(u.from)
            u.subject = r.text(u.subject)
            u.message = r.text(u.message)
            u.action = r.text(u.action)
            return u
        }
        out.petitions = petitions.map { p in
            var p = p
            p.petitionerName = r.name(p.petitionerName, handle: p.petitioner)
            p.petitioner = r.handle(p.petitioner)
            p.via = p.via.map(r.handle)
            p.subject = r.text(p.subject)
            return p
        }
        out.redacted = true
        return out
    }
}
