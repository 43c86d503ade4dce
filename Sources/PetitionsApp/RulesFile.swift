import Foundation
import PetitionsDomain
import PetitionsRules
import PetitionsStore
import TOMLKit

/// Rules files: the rules in force, one `[[rule]]` table each, read through TOMLKit.
///
/// ```toml
/// version = 1
/// [[rule]]
/// id = "unanswered-letter"        # a handle, unique in the file
/// kind = "unanswered_letter"      # a RuleKind raw value
/// enabled = true                  # optional
/// within = "20 working days"      # the parameters its kind takes (RuleKind.parameters)
/// [rule.scope]                    # optional: authority, decree, recipient, category
/// authority = "moscow-supply"
/// ```
/// A file without a `rule` key (an empty file too) means `RuleSet.defaults`; a file with rules means exactly those.
/// Errors name the file, the line and the offending id, kind, key or value. The text of a sql rule's query is
/// checked against the ledger elsewhere; here only an empty one is refused.
public enum RulesFile {
    static let keys = ["version", "rule"]
    /// The keys every rule takes, whatever its kind.
    static let commonKeys = ["id", "kind", "enabled", "scope"]

    /// Parses a rules file's text; `source` names it in errors.
    public static func parse(_ text: String, source: String) throws -> RuleSet {
        let table = try TOMLFile.table(text, source: source)
        let lines = SourceLines(codeOnly(text))
        func fail(_ line: Int?, _ message: String) -> PetitionsError {
            PetitionsError("\(source)\(line.map { ", line \($0)" } ?? ""): \(message)")
        }

        for key in inFileOrder(table.keys, lines: { lines.line(ofKey: $0) }) where !keys.contains(key) {
            let hint = key.lowercased().hasPrefix("rule") ? " (did you mean [[rule]]?)" : ""
            throw fail(lines.line(ofKey: key), "unknown key \(quoted(key)); a rules file has `version` and `[[rule]]` tables\(hint).")
        }
        if let version = table["version"] {
            guard version.int == 1 else {
                throw fail(lines.line(ofKey: "version"), "version \(shown(version)) is not one this program understands (1).")
            }
        }
        guard let value = table["rule"] else { return .defaults }
        guard let array = value.array else {
            throw fail(lines.line(ofKey: "rule"), "rule must be a list of [[rule]] tables, each with an id and a kind.")
        }

        let headers = lines.headers("rule")
        let fallbackStart = (lines.line(ofKey: "rule") ?? 1) - 1
        var rules: [Rule] = []
        var firstLine: [String: Int] = [:]
        for (i, item) in array.enumerated() {
            let start = i < headers.count ? headers[i] : fallbackStart
            let end = i + 1 < headers.count ? headers[i + 1] : lines.lines.count
            let reader = RuleReader(number: i + 1, value: item, lines: lines, start: start, end: end, source: source)
            let rule = try reader.rule()
            let idLine = reader.line("id", value: rule.id)
            if let first = firstLine[rule.id] {
                throw fail(idLine, "rule id \(quoted(rule.id)) is used twice, first at line \(first); give each rule its own id.")
            }
            firstLine[rule.id] = idLine
            rules.append(rule)
        }
        return RuleSet(rules)
    }

    /// Runs each enabled sql rule of `rules` once on `ledger` as of `asOf`, within its budget, so that a rule that
    /// would hang, exhaust memory or fail every check is refused before it is stored. `text` is the file's text, for
    /// the line of the rule in the sentence.
    public static func trySQLRules(_ rules: RuleSet, text: String?, source: String, on ledger: Ledger, asOf: Day) throws {
        for rule in rules.rules where rule.kind == .sql && rule.enabled {
            do {
                _ = try ledger.runSQLRule(rule.query ?? "", asOf: asOf)
            } catch let e as PetitionsError {
                let line = text.flatMap { RulesFile.line(ofRule: rule.id, in: $0) }.map { ", line \($0)" } ?? ""
                throw PetitionsError("\(source)\(line): rule \(quoted(rule.id)): the query \(e.message).", code: e.code)
            }
        }
    }

    /// Loads the rules file at `path`.
    public static func load(path: String) throws -> RuleSet {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PetitionsError("rules: the rules file \(path) does not exist or cannot be read.", code: .noInput)
        }
        return try parse(String(decoding: data, as: UTF8.self), source: path)
    }

    /// The 1-based line of `text` where the rule `id` is named (its `id = "…"`), for errors found after parsing,
    /// such as a sql rule whose query the ledger refuses; nil when no rule has that id.
    public static func line(ofRule id: String, in text: String) -> Int? {
        let forms = ["id=\"\(id)\"", "id='\(id)'", "\"id\"=\"\(id)\"", "\"id\"='\(id)'"]
        for (i, line) in codeOnly(text).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let compact = String(line.filter { !$0.isWhitespace })
            for form in forms {
                var from = compact.startIndex
                while let r = compact.range(of: form, range: from..<compact.endIndex) {
                    if r.lowerBound == compact.startIndex || "{,".contains(compact[compact.index(before: r.lowerBound)]) { return i + 1 }
                    from = r.upperBound
                }
            }
        }
        return nil
    }

}

/// Reads one `[[rule]]` table, pointing errors at lines between its header and the next one.
private struct RuleReader {
    let number: Int
    let value: TOMLValueConvertible
    let lines: SourceLines
    /// 0-based index of the header line, and of the line after the rule.
    let start: Int
    let end: Int
    let source: String

    var header: Int { start + 1 }

    /// The 1-based line of `key` (holding `value`, when given) within this rule, else the header.
    func line(_ key: String, value: String? = nil) -> Int {
        if let value, let l = lines.line(ofKey: key, value: value, from: start), l - 1 < end { return l }
        if let l = lines.line(ofKey: key, from: start), l - 1 < end { return l }
        return header
    }

    func fail(_ line: Int, _ message: String) -> PetitionsError {
        PetitionsError("\(source), line \(line): \(message)")
    }

    // Longer than 60 lines on purpose: each key a rule may have is read in turn, each with its own sentence and line.
    func rule() throws -> Rule {
        guard let entry = value.table else {
            throw fail(header, "rule \(number) is not a table; write each rule as a [[rule]] table with an id and a kind.")
        }
        let id = try self.id(entry)
        let name = "rule \(quoted(id))"
        let kind = try self.kind(entry, name: name)

        let allowed = RulesFile.commonKeys + kind.parameters
        for key in RulesFile.inFileOrder(entry.keys, lines: { line($0) }) where !allowed.contains(key) {
            let others = RuleKind.allCases.filter { $0.parameters.contains(key) }.map(\.rawValue)
            let belongs = others.isEmpty ? "" : " (a parameter of \(RulesFile.list(others)) rules)"
            let hint = closest(to: key, among: allowed).map { "; did you mean \(quoted($0))?" } ?? "."
            throw fail(
                line(key),
                "\(name) has the key \(quoted(key))\(belongs), which \(kind.rawValue) rules do not take; they take "
                    + "\(RulesFile.list(kind.parameters)) besides \(RulesFile.list(RulesFile.commonKeys))\(hint)")
        }

        var rule = Rule(id: id, kind: kind)
        let p = Parameters(reader: self, entry: entry, name: name)
        if let v = try p.flag("enabled") { rule.enabled = v }
        rule.scope = try scope(entry, name: name)
        switch kind {
        case .unansweredLetter:
            if let v = try p.span("within") { rule.within = v }
            if let v = try p.span("critical_after") { rule.criticalAfter = v }
            if let v = try p.span("warning_before") { rule.warningBefore = v }
        case .overdueDelivery:
            if let v = try p.span("grace") { rule.grace = v }
            if let v = try p.whole("critical_consecutive", atLeast: 1) { rule.criticalConsecutive = v }
            if let v = try p.number("critical_shortfall", { $0 > 0 && $0 <= 1 }, "must be a fraction more than 0 and at most 1, e.g. 0.5") {
                rule.criticalShortfall = v
            }
        case .arrears:
            if let v = try p.number("threshold_periods", { $0 >= 0 }, "must be 0 or more periods") { rule.thresholdPeriods = v }
            if let v = try p.number("critical_periods", { $0 >= 0 }, "must be 0 or more periods") { rule.criticalPeriods = v }
        case .stalledPetition:
            if let v = try p.span("after") { rule.after = v }
            if let v = try p.span("critical_after") { rule.criticalAfter = v }
        case .escalation:
            if let v = try p.whole("letters", atLeast: 1) { rule.letters = v }
            if let v = try p.flag("with_critical_supply") { rule.withCriticalSupply = v }
        case .sql:
            guard let query = try p.text("query") else {
                throw fail(
                    header, "\(name) is a sql rule without a query; write query = \"\"\"SELECT … AS subject, … AS severity, … AS message …\"\"\".")
            }
            guard !query.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw fail(line("query"), "\(name) has an empty query; write the SELECT that returns subject, severity and message columns.")
            }
            rule.query = query
            if let text = try p.text("severity") {
                do {
                    rule.severity = try Severity(parsing: text, field: "\(name) severity")
                } catch let e as PetitionsError {
                    throw fail(line("severity", value: text), e.message)
                }
            }
        }
        return rule
    }

    private func id(_ entry: TOMLTable) throws -> String {
        guard let value = entry["id"] else {
            throw fail(header, "rule \(number) has no id; write e.g. id = \"late-supply\".")
        }
        guard let id = value.string else {
            throw fail(
                line("id"),
                "rule \(number) id \(RulesFile.shown(value)) is \(RulesFile.typeName(value)), not a handle; write e.g. id = \"late-supply\".")
        }
        guard Handle.isValid(id) else {
            throw fail(
                line("id", value: id),
                "rule id \(quoted(id)) is not a valid id; use lower-case letters, digits and hyphens, starting with a letter, e.g. 'late-supply'.")
        }
        return id
    }

    private func kind(_ entry: TOMLTable, name: String) throws -> RuleKind {
        let known = RulesFile.list(RuleKind.allCases.map(\.rawValue))
        guard let value = entry["kind"] else {
            throw fail(line("id"), "\(name) has no kind; write kind = one of \(known).")
        }
        guard let text = value.string else {
            throw fail(line("kind"), "\(name) kind \(RulesFile.shown(value)) is \(RulesFile.typeName(value)), not a kind; use one of \(known).")
        }
        guard let kind = RuleKind(rawValue: text) else {
            let hint = closest(to: text, among: RuleKind.allCases.map(\.rawValue)).map { " (did you mean \(quoted($0))?)" } ?? ""
            throw fail(line("kind", value: text), "\(name) has the unknown kind \(quoted(text))\(hint); the kinds are \(known).")
        }
        return kind
    }

    private func scope(_ entry: TOMLTable, name: String) throws -> RuleScope {
        guard let value = entry["scope"] else { return RuleScope() }
        guard let table = value.table else {
            throw fail(
                line("scope"),
                "\(name) scope \(RulesFile.shown(value)) is not a table; write [rule.scope] and then e.g. authority = \"moscow-supply\".")
        }
        let scopeLine = { (key: String) -> Int in
            let l = line(key, value: table[key]?.string)
            return l == header ? line("scope") : l
        }
        var scope = RuleScope()
        for key in RulesFile.inFileOrder(table.keys, lines: scopeLine) {
            guard RuleScope.keys.contains(key) else {
                let hint = closest(to: key, among: RuleScope.keys).map { "; did you mean \(quoted($0))?" } ?? "."
                throw fail(
                    scopeLine(key), "\(name) scope has the unknown key \(quoted(key)); a scope narrows by \(RulesFile.list(RuleScope.keys))\(hint)")
            }
            guard let item = table[key], let handle = item.string, Handle.isValid(handle) else {
                let shown = table[key].map(RulesFile.shown) ?? "''"
                throw fail(
                    scopeLine(key), "\(name) scope \(key) \(shown) is not a handle; use lower-case letters, digits and hyphens, e.g. 'moscow-supply'."
                )
            }
            switch key {
            case "authority": scope.authority = handle
            case "decree": scope.decree = handle
            case "recipient": scope.recipient = handle
            default: scope.category = handle
            }
        }
        return scope
    }
}

/// Typed parameter values of one rule, each error naming the rule, the key and the value.
private struct Parameters {
    let reader: RuleReader
    let entry: TOMLTable
    let name: String

    private func wrongType(_ key: String, _ value: TOMLValueConvertible, _ wanted: String, _ example: String) -> PetitionsError {
        reader.fail(
            reader.line(key),
            "\(name) \(key) \(RulesFile.shown(value)) is \(RulesFile.typeName(value)), not \(wanted); write e.g. \(key) = \(example).")
    }

    func span(_ key: String) throws -> Span? {
        guard let value = entry[key] else { return nil }
        guard let text = value.string else { throw wrongType(key, value, "a span", "\"20 working days\"") }
        do {
            return try Span(parsing: text, field: "\(name) \(key)")
        } catch let e as PetitionsError {
            throw reader.fail(reader.line(key, value: text), e.message)
        }
    }

    func whole(_ key: String, atLeast minimum: Int) throws -> Int? {
        guard let value = entry[key] else { return nil }
        guard let n = value.int else { throw wrongType(key, value, "a whole number", "\(minimum + 1)") }
        guard n >= minimum else {
            throw reader.fail(reader.line(key), "\(name) \(key) \(RulesFile.shown(value)) must be at least \(minimum).")
        }
        return n
    }

    func number(_ key: String, _ valid: (Double) -> Bool, _ requirement: String) throws -> Double? {
        guard let value = entry[key] else { return nil }
        guard let x = value.int.map(Double.init) ?? value.double else { throw wrongType(key, value, "a number", "1") }
        guard x.isFinite, valid(x) else {
            throw reader.fail(reader.line(key), "\(name) \(key) \(RulesFile.shown(value)) \(requirement).")
        }
        return x
    }

    func flag(_ key: String) throws -> Bool? {
        guard let value = entry[key] else { return nil }
        guard let b = value.bool else { throw wrongType(key, value, "true or false", "true") }
        return b
    }

    func text(_ key: String) throws -> String? {
        guard let value = entry[key] else { return nil }
        guard let s = value.string else { throw wrongType(key, value, "text", key == "severity" ? "\"warning\"" : "\"\"\"SELECT …\"\"\"") }
        return s
    }
}
