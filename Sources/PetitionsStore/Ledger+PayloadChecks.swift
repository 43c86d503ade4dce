import Foundation
import PetitionsDomain

// MARK: - What an event's payload may hold

extension Ledger {
    /// Whether compact JSON text may hold a line break or a tab (`\n` or `\t` escaped, or U+2028/U+2029 as they are): a
    /// one-line value (a name, a subject) with one is refused by `TextLimits`.
    static func mayHoldLineBreak(_ json: String) -> Bool {
        var json = json
        return json.withUTF8 { bytes in
            var escaped = false
            // U+2028 and U+2029 are E2 80 A8 and E2 80 A9 in UTF-8.
            var previous: (UInt8, UInt8) = (0, 0)
            for b in bytes {
                if escaped {
                    if b == UInt8(ascii: "n") || b == UInt8(ascii: "t") { return true }
                    escaped = false
                } else if b == UInt8(ascii: "\\") {
                    escaped = true
                } else if (b == 0xA8 || b == 0xA9) && previous == (0xE2, 0x80) {
                    return true
                }
                previous = (previous.1, b)
            }
            return false
        }
    }

    /// Whether compact JSON text may hold a refused character (`ControlCharacters.isRefused`): a control other than a
    /// tab or a line feed, escaped (`\r`, `\b`, `\f`, `\u00XX`) or as it is (DEL, the C1 controls), or one that turns
    /// the text's direction, as it is (U+202A–U+202E are E2 80 AA–AE in UTF-8, U+2066–U+2069 E2 81 A6–A9). A scan of
    /// the bytes, so that the payloads of a bulk import are not decoded again to look.
    static func escapesControlCharacter(_ json: String) -> Bool {
        var json = json
        // Over the contiguous bytes: iterating `utf8` went through the string's index checks for every byte.
        return json.withUTF8 { bytes in
            var escaped = false
            var previous: (UInt8, UInt8) = (0, 0)
            for b in bytes {
                if escaped {
                    if b == UInt8(ascii: "u") || b == UInt8(ascii: "r") || b == UInt8(ascii: "b") || b == UInt8(ascii: "f") { return true }
                    escaped = false
                } else if b == UInt8(ascii: "\\") {
                    escaped = true
                } else if b == 0x7F || (previous.1 == 0xC2 && b >= 0x80 && b <= 0x9F) {
                    return true
                } else if previous.0 == 0xE2,
                    (previous.1 == 0x80 && (0xAA...0xAE).contains(b)) || (previous.1 == 0x81 && (0xA6...0xA9).contains(b))
                {
                    return true
                }
                previous = (previous.1, b)
            }
            return false
        }
    }

    /// Refuses a payload with a control character (other than tab and newline) in any text, naming its key:
    /// every value recorded, from the command line, a CSV file or another office's log, passes here.
    static func refuseControlCharacters(in payload: [String: JSONValue], path: String = "") throws {
        for (key, value) in payload {
            try refuseControlCharacters(in: value, field: path.isEmpty ? key : path + "." + key)
        }
    }

    static func refuseControlCharacters(in value: JSONValue, field: String) throws {
        switch value {
        case .string(let s): try ControlCharacters.refuse(s, field: field)
        case .array(let a): for v in a { try refuseControlCharacters(in: v, field: field) }
        case .object(let o): try refuseControlCharacters(in: o, path: field)
        case .number, .int, .bool, .null: break
        }
    }

    /// Refuses a payload with a text longer than `TextLimits` allows, naming its key.
    static func refuseLongText(in payload: [String: JSONValue]) throws {
        // What a correction changed a field from (`before`) is what the ledger held, not text entering: a name
        // recorded before a rule tightened (one with a tab) can still be corrected.
        for (key, value) in payload where key != "before" {
            switch value {
            case .string(let s): if let problem = TextLimits.problem(key: key, value: s) { throw problem }
            case .array(let a):
                for case .string(let s) in a { if let problem = TextLimits.problem(key: key, value: s) { throw problem } }
                for case .object(let o) in a { try refuseLongText(in: o) }
            case .object(let o): try refuseLongText(in: o)
            case .number, .int, .bool, .null: break
            }
        }
    }
}
