import Foundation
import Mustache
import PetitionsDomain

/// Renders a letter draft through a Mustache template, as plain text: nothing is HTML-escaped.
public enum DraftRenderer {
    /// The letter for `draft` through `template` (the built-in one of its kind when nil).
    /// `source` names the template in errors, e.g. "--template letters/reminder.mustache".
    public static func render(_ draft: DraftContext, template: String? = nil, source: String = "the built-in template") throws -> String {
        let text = template ?? DraftTemplates.text(for: draft.kind)
        // The parser's time grows with the square of a template's tags (4 s at 70 KB, minutes at 1 MB): a letter's
        // template is a page or two (the built-in ones are under 2 KB).
        guard text.utf8.count <= DraftRenderer.maximumBytes else {
            throw PetitionsError(
                "\(source) is \(Thousands.format(text.utf8.count)) bytes long; a letter template may be at most \(DraftRenderer.maximumBytes / 1024) KB."
            )
        }
        // The parser recurses once per nested section: thousands of them overflow the stack before it can say so.
        if let line = DraftRenderer.lineWhereNestingExceeds(DraftRenderer.maximumNesting, in: text) {
            throw PetitionsError(
                "\(source): sections are nested more than \(DraftRenderer.maximumNesting) deep at line \(line); a letter template needs far fewer.")
        }
        // A partial ({{> name}}) or a parent template ({{< name}}) names another template, which a draft has none of:
        // Mustache would put nothing in its place and the letter would come out short without a word.
        if let (line, tag) = DraftRenderer.firstPartial(in: text) {
            throw PetitionsError(
                "\(source): line \(line) uses another template (\(quoted(tag))), which letter templates cannot; write its text into this template.")
        }
        if let u = DraftRenderer.unknownName(in: text) {
            throw PetitionsError(
                "\(source): line \(u.line) uses {{\(u.tag)}}\(u.tag.hasPrefix("{") ? "}" : ""), which is not a name a draft has\(u.closest.map { "; did you mean \(quoted($0))?" } ?? ".")"
                    + " Mustache would leave a gap in the letter.")
        }
        if let r = DraftRenderer.runaway(in: text, for: draft, limit: DraftRenderer.maximumRepetitions) {
            let times = r.times == Int.max ? "more times than can be counted" : "\(Thousands.format(r.times)) times"
            throw PetitionsError(
                "\(source): line \(r.line) nests the sections \(r.lists.joined(separator: " inside ")), which would repeat their text \(times) for "
                    + "this draft; a letter template may repeat at most \(Thousands.format(DraftRenderer.maximumRepetitions)) (inside a list's "
                    + "section, use the item's own fields).")
        }
        let parsed: MustacheTemplate
        let pragma = "{{% CONTENT_TYPE: TEXT}}"
        do {
            // Letters are plain text: the pragma keeps Mustache from HTML-escaping names such as "People's".
            parsed = try MustacheTemplate(string: pragma + text)
        } catch let e as MustacheTemplate.ParserError {
            // The pragma is ours: the line quoted is the user's own.
            var line = Substring(e.context.line)
            if e.context.lineNumber == 1, line.hasPrefix(pragma) { line = line.dropFirst(pragma.count) }
            throw PetitionsError(
                "\(source): not a valid Mustache template at line \(e.context.lineNumber) (\(quoted(line.trimmingCharacters(in: .whitespaces)))): "
                    + "\(DraftRenderer.describe(e.error)).")
        } catch {
            throw PetitionsError("\(source): not a valid Mustache template.")
        }
        return parsed.render(draft)
    }

    /// What the parser found wrong, in words (its error's names are Swift's, not the user's).
    static func describe(_ error: any Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: return "a section is closed ({{/…}}) under another name than it was opened with"
        case .unfinishedName?: return "a tag is not closed, or its name is not one (write {{name}})"
        case .expectedSectionEnd?: return "a section opened with {{#…}} or {{^…}} is never closed with {{/…}}"
        case .invalidSetDelimiter?: return "a change of delimiters is not written as {{=<% %>=}}"
        case .transformAppliedToInheritanceSection?: return "a transform is applied to an inherited section"
        case .illegalTokenInsideInheritSection?, .textInsideInheritSection?: return "a partial's inherited section holds something other than blocks"
        case .invalidConfigVariableSyntax?, .unrecognisedConfigVariable?: return "a {{% … }} setting is not one Mustache knows"
        case nil: return "it cannot be read"
        }
    }

    /// The line and text of the first partial (`{{> …}}`) or parent (`{{< …}}`) tag in `text`, with the default
    /// delimiters or any set by `{{=… …=}}`.
    static func firstPartial(in text: String) -> (Int, String)? {
        var open = "{{"
        var close = "}}"
        var line = 1
        var rest = Substring(text)
        while let start = rest.range(of: open) {
            line += rest[..<start.lowerBound].reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
            let afterOpen = rest[start.upperBound...]
            guard let end = afterOpen.range(of: close) else { return nil }
            let inside = afterOpen[..<end.lowerBound]
            let body = inside.drop { $0 == " " || $0 == "\t" }
            if body.first == ">" || body.first == "<" { return (line, open + inside + close) }
            if body.first == "=", body.last == "=" {
                // {{=<% %>=}}: the new delimiters, separated by space.
                let parts = body.dropFirst().dropLast().split(whereSeparator: { $0 == " " || $0 == "\t" })
                if parts.count == 2 {
                    open = String(parts[0])
                    close = String(parts[1])
                }
            }
            line += inside.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
            rest = afterOpen[end.upperBound...]
        }
        return nil
    }

    /// How long a template may be, in bytes.
    public static let maximumBytes = 64 * 1024

    /// How deep sections (`{{#…}}`, `{{^…}}`, `{{$…}}`, `{{<…}}`) may nest in a template.
    public static let maximumNesting = 100

    /// The line on which sections first nest deeper than `limit`, or nil. Follows `{{=<% %>=}}` changes of
    /// delimiters, as the parser does, so that a template cannot hide its depth behind them.
    static func lineWhereNestingExceeds(_ limit: Int, in text: String) -> Int? {
        var depth = 0
        var found: Int?
        eachSectionTag(in: text) { tag, _, line in
            depth = tag == "/" ? max(0, depth - 1) : depth + 1
            if depth > limit { found = line }
            return found == nil
        }
        return found
    }

    /// How many times a template may repeat what is inside its innermost list section, over all the lists around it.
    public static let maximumRepetitions = 1_000_000

    /// Where sections over the draft's lists (`letters`, `deliveries`, `arrears`) nest so that their text would be
    /// repeated more than `limit` times for `draft`: inside a list's section, a list's name still finds the whole
    /// list, so `{{#letters}}{{#letters}}…` repeats as often as there are letters squared (10,000 letters: 10^8, an
    /// hour of work and gigabytes of text). The line, the lists in the order they nest, and the repetitions; or nil.
    static func runaway(in text: String, for draft: DraftContext, limit: Int) -> (line: Int, lists: [String], times: Int)? {
        let counts = ["letters": draft.letters.count, "deliveries": draft.deliveries.count, "arrears": draft.arrears.count]
        var stack: [(name: String, repeats: Bool, times: Int)] = []
        var found: (Int, [String], Int)?
        eachSectionTag(in: text) { tag, name, line in
            guard tag != "/" else {
                if !stack.isEmpty { stack.removeLast() }
                return true
            }
            let outer = stack.last?.times ?? 1
            // A list through a transform that keeps it a list (`reversed(letters)`) repeats as the list does.
            var name = Substring(name)
            while let paren = name.firstIndex(of: "("), name.hasSuffix(")"), listTransforms.contains(String(name[..<paren])) {
                name = name[name.index(after: paren)..<name.index(before: name.endIndex)]
            }
            let list = String(name.trimmingCharacters(in: .whitespaces))
            // Only `{{#list}}` repeats; `{{^list}}` shows its text at most once.
            let (times, overflow) = outer.multipliedReportingOverflow(by: tag == "#" ? max(1, counts[list] ?? 1) : 1)
            stack.append((list, tag == "#", overflow ? Int.max : times))
            if overflow || times > limit {
                found = (line, stack.filter { counts[$0.name] != nil && $0.repeats }.map(\.name), overflow ? Int.max : times)
            }
            return found == nil
        }
        return found
    }

    /// Calls `body` for each section tag of `text` in order: its sigil (`#`, `^`, `$` or `<` opening a section, `/`
    /// closing one), the section's name, and its line; `body` returns false to stop.
    static func eachSectionTag(in text: String, _ body: (_ tag: Character, _ name: String, _ line: Int) -> Bool) {
        eachTag(in: text) { content, line in
            guard let sigil = content.first, "#^$</".contains(sigil) else { return true }
            return body(sigil, content.dropFirst().trimmingCharacters(in: .whitespaces), line)
        }
    }

    /// Calls `body` with the content of each tag of `text` in order (trimmed; a triple mustache's begins with `{`) and
    /// its line; `body` returns false to stop. Follows `{{=<% %>=}}` changes of delimiters, as the parser does, so
    /// that a template cannot hide a tag behind them.
    // Longer than 60 lines on purpose: one scanner over the template, following Mustache's tags and changes of delimiters.
    static func eachTag(in text: String, _ body: (_ content: String, _ line: Int) -> Bool) {
        let bytes = Array(text.utf8)
        var open = Array("{{".utf8)
        var close = Array("}}".utf8)
        var line = 1
        var i = 0
        func matches(_ token: [UInt8], at j: Int) -> Bool {
            j + token.count <= bytes.count && bytes[j..<(j + token.count)].elementsEqual(token)
        }
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "\n") {
                line += 1
                i += 1
                continue
            }
            guard !open.isEmpty, matches(open, at: i) else {
                i += 1
                continue
            }
            var j = i + open.count
            // A triple mustache ends with one more brace than the closing delimiter.
            let triple = open == Array("{{".utf8) && j < bytes.count && bytes[j] == UInt8(ascii: "{")
            var end = j
            while end < bytes.count, !matches(close, at: end) { end += 1 }
            guard end < bytes.count else { return }  // Unclosed: the parser says so.
            let tag = bytes[j..<end]
            let startLine = line
            line += tag.filter { $0 == UInt8(ascii: "\n") }.count
            let content = String(decoding: tag, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if content.first == "=", content.count > 2, content.hasSuffix("=") {
                let parts = content.dropFirst().dropLast().split(whereSeparator: { $0 == " " || $0 == "\t" })
                if parts.count == 2 {
                    open = Array(parts[0].utf8)
                    close = Array(parts[1].utf8)
                }
            } else if !body(content, startLine) {
                return
            }
            j = end + close.count + (triple && end + close.count < bytes.count && bytes[end + close.count] == UInt8(ascii: "}") ? 1 : 0)
            i = j
        }
    }

    /// The transforms swift-mustache applies to a value (`{{uppercased(subject)}}`, `{{count(letters)}}`).
    static let transforms: Set<String> = [
        "capitalized", "count", "empty", "enumerated", "equalzero", "first", "last", "lowercased", "minusone", "plusone", "reversed",
        "sorted", "uppercased",
    ]

    /// The transforms that leave a list a list, repeated as often as it has items.
    static let listTransforms: Set<String> = ["reversed", "sorted", "enumerated"]

    /// What swift-mustache offers inside a list's section, written with empty parentheses: `{{index()}}`,
    /// `{{#first()}}…{{/first()}}`.
    static let sequenceHelpers: Set<String> = ["first", "last", "index", "even", "odd"]

    /// Every name a template may use besides the draft's own, for suggestions.
    static var mustacheNames: Set<String> { transforms.union(sequenceHelpers) }

    /// The first tag of `text` that names something a draft does not have (`{{adressee.name}}`): Mustache would print
    /// nothing in its place, and the letter would go out with a gap. Its line, the tag, and the closest known name.
    public static func unknownName(in text: String) -> (line: Int, tag: String, closest: String?)? {
        let known = DraftContext.names
        var found: (Int, String, String?)?
        eachTag(in: text) { content, line in
            var name = Substring(content)
            if let sigil = name.first, "#^&{".contains(sigil) {
                name = name.dropFirst()
            } else if let sigil = name.first, "/!%>$<".contains(sigil) {
                return true
            }
            if name.hasSuffix("}") { name = name.dropLast() }
            name = Substring(name.trimmingCharacters(in: .whitespaces))
            // A transform: `uppercased(name)`; a list's helper: `index()`.
            while let paren = name.firstIndex(of: "("), name.hasSuffix(")") {
                let transform = String(name[..<paren]).trimmingCharacters(in: .whitespaces)
                let inner = name[name.index(after: paren)..<name.index(before: name.endIndex)].trimmingCharacters(in: .whitespaces)
                if inner.isEmpty, sequenceHelpers.contains(transform) { return true }
                guard transforms.contains(transform), !inner.isEmpty else {
                    found = (line, content, closest(to: transform, among: Array(inner.isEmpty ? sequenceHelpers : transforms)))
                    return false
                }
                name = Substring(inner)
            }
            guard name != "." else { return true }
            for part in name.split(separator: ".", omittingEmptySubsequences: false) where !known.contains(String(part)) {
                // A name of one or two letters is near every short name: `{{office.name.x}}` was asked "did you mean 'to'?".
                found = (line, content, part.count < 3 ? nil : closest(to: String(part), among: Array(DraftContext.names)))
                return false
            }
            return true
        }
        return found
    }
}

// MARK: - What `{{.}}` and a bare `{{party}}` print

/// A value of a draft's context: printed on its own (`{{.}}`, `{{sender}}`, `{{letters}}`), it shows what a letter
/// may show, never Swift's description of the struct.
public protocol DraftValue: MustacheCustomRenderable {}

extension DraftValue {
    /// Never null: a section over it renders (Mustache's own default is internal to its module).
    public var isNull: Bool { false }
}

extension DraftContext: DraftValue {
    public var renderText: String { "" }
}

extension DraftParty: DraftValue {
    /// A party printed on its own is its name.
    public var renderText: String { name }
}

extension DraftPetition: DraftValue {
    public var renderText: String { "" }
}

extension DraftLetter: DraftValue {
    public var renderText: String { "" }
}

extension DraftDelivery: DraftValue {
    public var renderText: String { "" }
}

extension DraftArrears: DraftValue {
    public var renderText: String { "" }
}

// Lists of the draft's own values only: swift-mustache would otherwise print a list used as a value as Swift's
// description of it (the internal structs), and a wrapper type would change what the templates iterate.
// swift-format-ignore: AvoidRetroactiveConformances
extension Array: @retroactive MustacheCustomRenderable where Element: DraftValue {
    /// A list printed on its own (not as a section) shows nothing.
    public var renderText: String { "" }
    /// Sections iterate a list before asking this.
    public var isNull: Bool { false }
}
