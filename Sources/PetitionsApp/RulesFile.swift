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
    static let commonKeys = RuleCommon.keys

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
                throw fail(lines.line(ofKey: "version"), TOMLFile.versionRefusal(version))
            }
        }
        guard let value = table["rule"] else { return .defaults }
        guard let array = value.array else {
            throw fail(lines.line(ofKey: "rule"), "rule must be a list of [[rule]] tables, each with an id and a kind.")
        }

        let headers = lines.headers("rule")
        let fallbackStart = (lines.line(ofKey: "rule") ?? 1) - 1
        var rules: [any Rule] = []
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
        for rule in rules.enabled(SQLRule.self) {
            do {
                _ = try ledger.runSQLRule(rule.query, asOf: asOf)
            } catch let e as PetitionsError {
                let line = text.flatMap { RulesFile.line(ofRule: rule.id, in: $0) }.map { ", line \($0)" } ?? ""
                throw PetitionsError("\(source)\(line): rule \(quoted(rule.id)): the query \(e.message).", code: e.code)
            }
        }
    }

    /// Checks that each enabled rule's scope names parties and decrees the ledger has, by their handles: a scope with
    /// a typo in a handle would take nothing, and the rule would fall silent. `text` is the file's text, for the line.
    public static func checkScopes(_ rules: RuleSet, text: String?, source: String, on ledger: Ledger) throws {
        for rule in rules.rules where rule.enabled {
            let scope = rule.scope
            let checks: [(key: String, value: String?, handle: (String, String) throws -> String)] = [
                ("authority", scope.authority, { try ledger.partyHandle($0, kinds: [.authority], field: $1) }),
                ("recipient", scope.recipient, { try ledger.partyHandle($0, kinds: [.person, .group], field: $1) }),
                ("decree", scope.decree, { try ledger.decreeHandle($0, field: $1) }),
            ]
            for check in checks {
                guard let value = check.value else { continue }
                // The line of the scope's key, as a rules file's other errors name the line of what is wrong.
                let line = text.flatMap { RulesFile.line(ofScope: check.key, rule: rule.id, in: $0) }.map { ", line \($0)" } ?? ""
                let field = "\(source)\(line): rule \(quoted(rule.id)): scope \(check.key)"
                let handle: String
                do {
                    handle = try check.handle(value, field)
                } catch let e as PetitionsError {
                    throw PetitionsError(e.message.hasSuffix(".") || e.message.hasSuffix("?") ? e.message : e.message + ".", code: .dataError)
                }
                guard handle == value else {
                    throw PetitionsError("\(field): \(quoted(value)) is not written as its handle is; give \(quoted(handle)).", code: .dataError)
                }
            }
        }
    }

    /// The 1-based line of `text` where the rule `id` gives its scope's `key` (`decree = "…"`, in a `[rule.scope]` table,
    /// an inline `scope = { … }` or as `scope.decree`), else the line of the rule's id.
    public static func line(ofScope key: String, rule id: String, in text: String) -> Int? {
        guard let idLine = line(ofRule: id, in: text) else { return nil }
        let lines = codeOnly(text).split(separator: "\n", omittingEmptySubsequences: false).map { String($0.filter { !$0.isWhitespace }) }
        // From the rule's [[rule]] header (its keys may come before its id) to the next one.
        var first = idLine - 1
        while first > 0, !lines[first].hasPrefix("[[") { first -= 1 }
        var i = first
        while i < lines.count {
            if i > first, lines[i].hasPrefix("[[") { break }
            for form in ["\(key)=", "\"\(key)\"=", "'\(key)'="] {
                var from = lines[i].startIndex
                while let r = lines[i].range(of: form, range: from..<lines[i].endIndex) {
                    if r.lowerBound == lines[i].startIndex || ".{,".contains(lines[i][lines[i].index(before: r.lowerBound)]) { return i + 1 }
                    from = r.upperBound
                }
            }
            i += 1
        }
        return idLine
    }

    /// Loads the rules file at `path`.
    public static func load(path: String) throws -> RuleSet {
        let data = try InputFile.contents(path, field: "rules")
        return try parse(try TOMLFile.text(data, source: path), source: path)
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
struct RuleReader {
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
        if let value, let l = lines.line(ofKey: key, value: value, from: start, to: end) { return l }
        if let l = lines.line(ofKey: key, from: start, to: end) { return l }
        return header
    }

    func fail(_ line: Int, _ message: String) -> PetitionsError {
        PetitionsError("\(source), line \(line): \(message)")
    }

    /// The rule: its id and kind checked here, then every key checked against what its kind takes, then the rule
    /// decoded by its kind's type from the table, each value's error worded with its line.
    func rule() throws -> any Rule {
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

        let decoder = RuleTableDecoder(reader: self, entry: entry, name: name)
        do {
            return try RuleRegistry.type(of: kind).init(from: decoder)
        } catch let e as DecodingError {
            throw sentence(for: e, entry: entry, name: name)
        }
    }

    /// The sentence for what a kind refused while decoding (`RuleParameter`).
    private func sentence(for error: DecodingError, entry: TOMLTable, name: String) -> PetitionsError {
        switch error {
        case .keyNotFound(_, let context):
            return fail(header, "\(name) \(context.debugDescription)")
        case .valueNotFound(_, let context):
            return fail(context.codingPath.last.map { line($0.stringValue) } ?? header, "\(name) \(context.debugDescription)")
        case .dataCorrupted(let context), .typeMismatch(_, let context):
            guard let key = context.codingPath.last?.stringValue, let value = entry[key] else {
                return fail(header, "\(name) \(context.debugDescription)")
            }
            return fail(line(key), "\(name) \(key) \(RulesFile.shown(value)) \(context.debugDescription).")
        @unknown default:
            return fail(header, "\(name) cannot be read.")
        }
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

    func scope(_ entry: TOMLTable, name: String) throws -> RuleScope {
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
            // Handles are looked up whatever their case (`D18` as `d18`), as on the command line.
            guard let item = table[key], let handle = item.string?.lowercased(), Handle.isValid(handle) else {
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
