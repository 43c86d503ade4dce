import PetitionsApp

/// The text of a request as it arrives: percent-escaped in the path, the query and a form, raw bytes in a JSON body or
/// a multipart form's headers. Whatever carries it, text that is not UTF-8 is refused in one sentence naming the field
/// and the value as sent, never read as U+FFFD.
enum RequestText {
    /// `s` with each `%XX` turned into its byte (and, in a query or a form, "+" into a space): nil when the bytes are
    /// not UTF-8. A "%" without two hex digits after it is kept as it is, as browsers keep it.
    static func decoded(_ s: some StringProtocol, plusIsSpace: Bool) -> String? {
        guard s.utf8.contains(UInt8(ascii: "%")) || (plusIsSpace && s.utf8.contains(UInt8(ascii: "+"))) else { return String(s) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count)
        var rest = s.utf8[...]
        while let b = rest.first {
            rest = rest.dropFirst()
            if b == UInt8(ascii: "%"), rest.count >= 2, let high = hex(rest[rest.startIndex]),
                let low = hex(rest[rest.index(after: rest.startIndex)])
            {
                bytes.append(high << 4 | low)
                rest = rest.dropFirst(2)
            } else {
                bytes.append(plusIsSpace && b == UInt8(ascii: "+") ? UInt8(ascii: " ") : b)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// The refusal (400) of `field`'s value, `sent` as it came (percent-escaped where it is not UTF-8).
    static func notUTF8(_ field: String, sent: String) -> APIFailure {
        let name = String(field.prefix(100))
        return APIFailure.invalid(name, "\(name) \(quoted(String(sent.prefix(200)))) is not UTF-8 text; send it encoded as UTF-8.")
    }

    /// `bytes` shown as they came: ASCII kept, every other byte as `%XX`.
    static func shown(_ bytes: some Sequence<UInt8>) -> String {
        var out = ""
        for b in bytes {
            if b < 0x80 { out.unicodeScalars.append(Unicode.Scalar(b)) } else { out += "%" + String(b, radix: 16, uppercase: true) }
        }
        return out
    }

    private static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
