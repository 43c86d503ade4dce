import Foundation

/// What a request's JSON body may not hold that Foundation's reader lets through. Foundation's `JSONDecoder` and
/// `JSONSerialization` (swift-foundation, Swift 6.3, on Linux) accept a comma before `}` or `]` although JSON5 is not
/// allowed, and keep one of two members with the same key without a word, and they read `3.0` and `3e0` as the
/// integer 3. Once Foundation has read the body as JSON (so its strings, numbers and nesting are well-formed), `check`
/// walks its bytes once, tracking only strings, object keys and brackets, refuses the first two, naming the field, and
/// keeps how each number among the object's members was written, for the fields that must be whole numbers.
enum StrictJSON {
    /// One object or array being walked: the keys seen in it, and the field it is the value of.
    private struct Level {
        var isObject: Bool
        var field: String?
        var keys: Set<String> = []
        var lastKey: String?
    }

    /// Refuses (400, naming the field) a comma before a closing bracket, a key given twice in one object, and a string
    /// that is not UTF-8; answers how each number among the body's members was written, by key (`"petition": 3.0`
    /// is `["petition": "3.0"]`).
    @discardableResult
    static func check(_ bytes: [UInt8]) throws -> [String: String] {
        var levels: [Level] = []
        var numerals: [String: String] = [:]
        // The last byte outside strings and whitespace: a string after `{` or `,` in an object is a key.
        var previous: UInt8 = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "\""):
                let start = i
                i += 1
                while i < bytes.count, bytes[i] != UInt8(ascii: "\"") { i += bytes[i] == UInt8(ascii: "\\") ? 2 : 1 }
                let quoted = bytes[start..<min(i + 1, bytes.count)]
                let isKey = levels.last?.isObject == true && (previous == UInt8(ascii: "{") || previous == UInt8(ascii: ","))
                if String(validating: quoted, as: UTF8.self) == nil {
                    let field = isKey ? nil : levels.last.flatMap { $0.isObject ? $0.lastKey : $0.field }
                    throw RequestText.notUTF8(field ?? "key", sent: RequestText.shown(quoted.dropFirst().dropLast()))
                }
                if isKey { try key(quoted, in: &levels[levels.count - 1]) }
                previous = b
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let field = levels.last.flatMap { $0.isObject ? $0.lastKey : $0.field }
                levels.append(Level(isObject: b == UInt8(ascii: "{"), field: field))
                previous = b
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if previous == UInt8(ascii: ","), let top = levels.last { throw trailingComma(top) }
                if !levels.isEmpty { levels.removeLast() }
                previous = b
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): break
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = i
                while i + 1 < bytes.count, !Self.ends.contains(bytes[i + 1]) { i += 1 }
                if levels.count == 1, levels[0].isObject, previous == UInt8(ascii: ":"), let key = levels[0].lastKey {
                    numerals[key] = String(decoding: bytes[start...i], as: UTF8.self)
                }
                previous = b
            default: previous = b
            }
            i += 1
        }
        return numerals
    }

    /// What ends a number: a bracket, a comma or white space.
    private static let ends: Set<UInt8> = [
        UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"),
    ]

    /// Notes the key written as `quoted` (with its quotes, perhaps escaped) in `level`; one seen before is refused.
    private static func key(_ quoted: ArraySlice<UInt8>, in level: inout Level) throws {
        // Only a key with an escape (`"\u006fn"` is `on`) needs decoding; the others are their bytes.
        let raw = quoted.dropFirst().dropLast()
        let key =
            raw.contains(UInt8(ascii: "\\"))
            ? (try? JSONDecoder().decode(String.self, from: Data(quoted))) ?? String(decoding: raw, as: UTF8.self)
            : String(decoding: raw, as: UTF8.self)
        guard level.keys.insert(key).inserted else {
            let shown = String(key.prefix(100))
            let within = level.field.map { " (in \(String($0.prefix(100))))" } ?? ""
            throw APIFailure.invalid(shown, "\(shown) is given twice in the request's body\(within); give it once.")
        }
        level.lastKey = key
    }

    /// The refusal of a comma with nothing after it in `level`.
    private static func trailingComma(_ level: Level) -> APIFailure {
        if level.isObject, let last = level.lastKey {
            let shown = String(last.prefix(100))
            return APIFailure.invalid(shown, "\(shown): a comma follows this last field of the request's body; JSON allows none there, so remove it.")
        }
        let field = level.field.map { String($0.prefix(100)) }
        return APIFailure.invalid(
            field ?? "body", "\(field ?? "body"): a comma follows the last item of the list; JSON allows none there, so remove it.")
    }
}
