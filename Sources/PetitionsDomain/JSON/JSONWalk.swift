import Foundation

/// What a JSON text may not hold that Foundation's readers let through, found in one walk of its bytes: the one walk
/// for the server's request bodies and the store's imported event lines. Foundation's `JSONDecoder` and
/// `JSONSerialization` (swift-foundation, Swift 6.3, on Linux) keep one of two members with the same key without a
/// word (a line saying `"name":"A","name":"B"` is read as whichever they keep), accept a comma before `}` or `]`
/// although JSON5 is not allowed, and read `3.0` and `3e0` as the integer 3. The walk tracks only strings, object
/// keys, brackets and numbers; string contents are skipped with `memchr`, so an attachment's megabytes of base64
/// cost one search. It expects text a JSON reader has accepted (or one that is not UTF-8, to find where); on anything
/// else it finds what it can and never reads past the end.
public enum JSONWalk {
    /// The problems a walk looks for; it stops at the first of them in the text.
    public struct Checks: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// A key given twice in one object.
        public static let duplicateKeys = Checks(rawValue: 1)
        /// A comma before a closing bracket.
        public static let trailingCommas = Checks(rawValue: 2)
        /// A string (a key or a value) whose bytes are not UTF-8.
        public static let textNotUTF8 = Checks(rawValue: 4)
    }

    /// The first problem found. `path`: the keys of the objects it lies in, outermost first (`["payload"]` for a key of
    /// an event's payload); `within`: the key whose value holds it, a list's carried into its items (`d` for
    /// `{"d":[{"k":1,"k":2}]}`), nil at the top.
    public enum Problem: Equatable, Sendable {
        /// `key` given twice in one object.
        case duplicateKey(key: String, path: [String], within: String?)
        /// A comma after the last member of an object (`lastKey`) or the last item of a list (`lastKey` nil).
        case trailingComma(lastKey: String?, within: String?)
        /// A string whose bytes (without its quotes) are not UTF-8: an object's key (`field` nil), or the value of `field`.
        case textNotUTF8(bytes: [UInt8], field: String?)
    }

    /// What a walk found: the first problem of those it looked for, and how each number among the top object's members
    /// was written, by key (`"petition": 3.0` is `["petition": "3.0"]`).
    public struct Findings: Sendable {
        public var problem: Problem?
        public var numerals: [String: String] = [:]
        /// The deepest nesting of objects and arrays walked (up to the first problem).
        public var deepest = 0
    }

    /// One object or array being walked: the keys seen in it, the last of them, the key it is the value of (nil in a
    /// list) and the key whose value holds it (a list's carried into its items).
    private struct Level {
        var isObject: Bool
        var key: String?
        var within: String?
        var keys: Set<String> = []
        var lastKey: String?
    }

    /// The first key given twice in one object of `text`, with the keys of the objects it lies in, or nil.
    public static func firstDuplicateKey(in text: UnsafeRawBufferPointer) -> (key: String, path: [String])? {
        guard case .duplicateKey(let key, let path, _) = walk(text, checks: .duplicateKeys).problem else { return nil }
        return (key, path)
    }

    /// Walks `text` once, looking for `checks`: one loop over the bytes, its cases short.
    public static func walk(_ text: UnsafeRawBufferPointer, checks: Checks) -> Findings {
        var findings = Findings()
        guard let base = text.baseAddress else { return findings }
        let quote = UInt8(ascii: "\"")
        var levels: [Level] = []
        // The last byte outside strings and white space: a string after `{` or `,` in an object is a key.
        var previous: UInt8 = 0
        var i = 0
        while i < text.count {
            let b = text[i]
            switch b {
            case quote:
                let end = closingQuote(text, base: base, after: i)
                let raw = UnsafeRawBufferPointer(rebasing: text[(i + 1)..<end])
                let isKey = levels.last?.isObject == true && (previous == UInt8(ascii: "{") || previous == UInt8(ascii: ","))
                if checks.contains(.textNotUTF8), String(validating: raw, as: UTF8.self) == nil {
                    let field = isKey ? nil : levels.last.flatMap { $0.isObject ? $0.lastKey : $0.within }
                    findings.problem = .textNotUTF8(bytes: Array(raw), field: field)
                    return findings
                }
                if isKey {
                    let key = keyText(raw, quoted: text[i..<min(end + 1, text.count)])
                    guard levels[levels.count - 1].keys.insert(key).inserted || !checks.contains(.duplicateKeys) else {
                        findings.problem = .duplicateKey(key: key, path: levels.compactMap(\.key), within: levels.last?.within)
                        return findings
                    }
                    levels[levels.count - 1].lastKey = key
                }
                previous = quote
                i = end
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let key = levels.last.flatMap { $0.isObject ? $0.lastKey : nil }
                let within = levels.last.flatMap { $0.isObject ? $0.lastKey : $0.within }
                levels.append(Level(isObject: b == UInt8(ascii: "{"), key: key, within: within))
                findings.deepest = max(findings.deepest, levels.count)
                previous = b
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if checks.contains(.trailingCommas), previous == UInt8(ascii: ","), let top = levels.last {
                    findings.problem = .trailingComma(lastKey: top.isObject ? top.lastKey : nil, within: top.within)
                    return findings
                }
                if !levels.isEmpty { levels.removeLast() }
                previous = b
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): break
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = i
                while i + 1 < text.count, !ends.contains(text[i + 1]) { i += 1 }
                if levels.count == 1, levels[0].isObject, previous == UInt8(ascii: ":"), let key = levels[0].lastKey {
                    findings.numerals[key] = String(decoding: UnsafeRawBufferPointer(rebasing: text[start...i]), as: UTF8.self)
                }
                previous = b
            default: previous = b
            }
            i += 1
        }
        return findings
    }

    /// What ends a number: a bracket, a comma or white space.
    private static let ends: Set<UInt8> = [
        UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"),
    ]

    /// The index of the quote closing the string opened at `open`: the first after an even number of backslashes, or
    /// the end of the text when none does.
    private static func closingQuote(_ text: UnsafeRawBufferPointer, base: UnsafeRawPointer, after open: Int) -> Int {
        let quote = UInt8(ascii: "\"")
        var end = open + 1
        while end < text.count, let found = memchr(base + end, Int32(quote), text.count - end) {
            end = base.distance(to: UnsafeRawPointer(found))
            var escapes = 0
            while text[end - 1 - escapes] == UInt8(ascii: "\\") { escapes += 1 }
            if escapes % 2 == 0 { return end }
            end += 1
        }
        return text.count
    }

    /// The key whose bytes between its quotes are `raw`: only one with an escape (`"n\u0061me"` is `name`) needs
    /// decoding, the others are their bytes.
    private static func keyText(_ raw: UnsafeRawBufferPointer, quoted: Slice<UnsafeRawBufferPointer>) -> String {
        guard raw.contains(UInt8(ascii: "\\")) else { return String(decoding: raw, as: UTF8.self) }
        return (try? JSONDecoder().decode(String.self, from: Data(quoted))) ?? String(decoding: raw, as: UTF8.self)
    }
}
