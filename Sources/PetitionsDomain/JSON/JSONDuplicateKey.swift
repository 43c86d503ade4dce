import Foundation

/// Finds a key given twice in one object of a JSON text. Foundation's readers keep one of the two members without a
/// word, so a line of an event log saying `"name":"A","name":"B"` would be read as whichever they keep. The walk tracks
/// only strings, object keys and brackets; string contents are skipped with `memchr`, so an attachment's megabytes of
/// base64 cost one search. It expects text a JSON reader has already accepted; on anything else it finds nothing.
public enum JSONDuplicateKey {
    /// One object or array being walked: the keys seen in it, the last of them, and the key it is the value of.
    private struct Level {
        var isObject: Bool
        var field: String?
        var keys: Set<String> = []
        var lastKey: String?
    }

    /// The first key given twice in one object of `text`, with the keys of the objects it lies in, outermost first
    /// (`["payload"]` for a key of an event's payload), or nil.
    public static func first(in text: UnsafeRawBufferPointer) -> (key: String, path: [String])? {
        guard let base = text.baseAddress else { return nil }
        let quote = UInt8(ascii: "\"")
        let backslash = UInt8(ascii: "\\")
        var levels: [Level] = []
        // The last byte outside strings and white space: a string after `{` or `,` in an object is a key.
        var previous: UInt8 = 0
        var i = 0
        while i < text.count {
            let b = text[i]
            switch b {
            case quote:
                // The closing quote is the first one after an even number of backslashes.
                var end = i + 1
                while true {
                    guard end < text.count, let found = memchr(base + end, Int32(quote), text.count - end) else { return nil }
                    end = base.distance(to: UnsafeRawPointer(found))
                    var escapes = 0
                    while text[end - 1 - escapes] == backslash { escapes += 1 }
                    if escapes % 2 == 0 { break }
                    end += 1
                }
                if levels.last?.isObject == true, previous == UInt8(ascii: "{") || previous == UInt8(ascii: ",") {
                    let raw = UnsafeRawBufferPointer(rebasing: text[(i + 1)..<end])
                    // Only a key with an escape (`"n\u0061me"` is `name`) needs decoding; the others are their bytes.
                    let key =
                        raw.contains(backslash)
                        ? (try? JSONDecoder().decode(String.self, from: Data(text[i...end]))) ?? String(decoding: raw, as: UTF8.self)
                        : String(decoding: raw, as: UTF8.self)
                    guard levels[levels.count - 1].keys.insert(key).inserted else { return (key, levels.compactMap(\.field)) }
                    levels[levels.count - 1].lastKey = key
                }
                previous = quote
                i = end
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let field = levels.last.flatMap { $0.isObject ? $0.lastKey : nil }
                levels.append(Level(isObject: b == UInt8(ascii: "{"), field: field))
                previous = b
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if !levels.isEmpty { levels.removeLast() }
                previous = b
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): break
            default: previous = b
            }
            i += 1
        }
        return nil
    }
}
