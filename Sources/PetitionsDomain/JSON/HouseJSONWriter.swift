import Foundation

/// A record that writes its own house JSON: the bytes the house encoder (and Foundation's JSONEncoder with the house
/// settings: snake_case keys sorted by their bytes, pretty-printed, slashes unescaped) writes for it, without going
/// through Codable's containers. The records listed by the hundred thousand (late deliveries, waiting letters,
/// findings) do: Codable's boxes, key lookups and type checks were most of `overdue --format json` at a million
/// deliveries. A test compares each with Foundation's output.
public protocol HouseJSONWritable {
    func write(to w: inout HouseJSONWriter)
}

/// Writes JSON members and elements into a byte buffer, indenting as the house encoder does. Members must be given
/// in the order the house JSON sorts their keys.
public struct HouseJSONWriter {
    public var bytes: [UInt8]
    public let pretty: Bool
    private var depth: Int
    /// Bit n set: the object or array opened n levels in has nothing in it yet (nesting is shallow: a few levels).
    private var empty: UInt64 = 0
    private var level = 0

    public init(bytes: [UInt8] = [], depth: Int = 0, pretty: Bool = true) {
        self.bytes = bytes
        self.depth = depth
        self.pretty = pretty
    }

    // MARK: Containers

    public mutating func beginObject() { open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Starts the member `key` of the open object (a key in snake_case that needs no escaping).
    public mutating func key(_ key: StaticString) {
        next()
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        if pretty {
            bytes.append(UInt8(ascii: " "))
            bytes.append(UInt8(ascii: ":"))
            bytes.append(UInt8(ascii: " "))
        } else {
            bytes.append(UInt8(ascii: ":"))
        }
    }

    /// Starts the next element of the open array.
    public mutating func element() { next() }

    private mutating func open(_ c: UInt8) {
        bytes.append(c)
        if pretty { bytes.append(UInt8(ascii: "\n")) }
        level += 1
        empty |= 1 << UInt64(level & 63)
        depth += 1
    }

    private mutating func close(_ c: UInt8) {
        level -= 1
        depth -= 1
        if pretty {
            bytes.append(UInt8(ascii: "\n"))
            indent()
        }
        bytes.append(c)
    }

    private mutating func next() {
        let bit: UInt64 = 1 << UInt64(level & 63)
        if level > 0 && empty & bit == 0 {
            bytes.append(UInt8(ascii: ","))
            if pretty { bytes.append(UInt8(ascii: "\n")) }
        }
        empty &= ~bit
        if pretty { indent() }
    }

    private mutating func indent() { HouseJSONWriter.appendIndent(depth, to: &bytes) }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 128)

    /// Two spaces a level, copied from a row of spaces (appending a repeated element went byte by byte).
    public static func appendIndent(_ depth: Int, to out: inout [UInt8]) {
        var n = depth * 2
        while n > 0 {
            let k = min(n, spaces.count)
            spaces.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<k])) }
            n -= k
        }
    }

    // MARK: Values

    public mutating func string(_ s: String) { HouseJSONWriter.appendQuoted(s, to: &bytes) }
    public mutating func int(_ n: Int) { HouseJSONWriter.appendDigits(Int64(n), to: &bytes) }
    public mutating func int(_ n: Int64) { HouseJSONWriter.appendDigits(n, to: &bytes) }
    public mutating func decimal(_ d: Decimal) { bytes.append(contentsOf: DecimalTexts.shared.text(d).utf8) }
    public mutating func null() { bytes.append(contentsOf: "null".utf8) }
    public mutating func bool(_ b: Bool?) {
        if let b { bytes.append(contentsOf: b ? "true".utf8 : "false".utf8) } else { null() }
    }
    public mutating func value(_ v: some HouseJSONWritable) { v.write(to: &self) }

    public mutating func string(_ s: String?) { if let s { string(s) } else { null() } }
    public mutating func int(_ n: Int64?) { if let n { int(n) } else { null() } }
    public mutating func value(_ v: (some HouseJSONWritable)?) { if let v { v.write(to: &self) } else { null() } }

    /// An array of strings, or null.
    public mutating func strings(_ items: [String]?) {
        guard let items else { return null() }
        beginArray()
        for item in items {
            element()
            string(item)
        }
        endArray()
    }

    public mutating func array(_ items: [some HouseJSONWritable]) {
        beginArray()
        for item in items {
            element()
            item.write(to: &self)
        }
        endArray()
    }

    // MARK: Text

    /// `s` in double quotes, with quotes, backslashes and control characters escaped as Foundation escapes them.
    public static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            var start = 0
            for i in 0..<bytes.count {
                let b = bytes[i]
                guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                start = i + 1
                out.append(UInt8(ascii: "\\"))
                switch b {
                case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
                case 0x08: out.append(UInt8(ascii: "b"))
                case 0x0C: out.append(UInt8(ascii: "f"))
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(b >> 4)], hex[Int(b & 0xF)]])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The decimal digits of `n`, as `String(n)` gives them, without making the string.
    public static func appendDigits(_ n: Int64, to out: inout [UInt8]) {
        if n < 0 { out.append(UInt8(ascii: "-")) }
        var m = n.magnitude
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(m % 10)
                m /= 10
                count += 1
            } while m > 0
            out.append(contentsOf: buffer[(20 - count)...])
        }
    }
}

extension Day: HouseJSONWritable {
    public func write(to w: inout HouseJSONWriter) { w.string(description) }
}

extension Period: HouseJSONWritable {
    public func write(to w: inout HouseJSONWriter) { w.string(description) }
}

extension QuantityValue: HouseJSONWritable {
    public func write(to w: inout HouseJSONWriter) {
        w.beginObject()
        w.key("amount")
        w.decimal(amount)
        w.key("commodity")
        w.string(commodity)
        w.key("unit")
        w.string(unit)
        w.endObject()
    }
}

/// A decimal's text, worked out once per distinct amount (equal decimals have equal text): the same rations come
/// back on every delivery, and `Decimal.description` was a tenth of `overdue --format json`, the quantities in its
/// messages (`NSDecimalNumber`'s `stringValue`) a quarter of the engine's time.
final class DecimalTexts: @unchecked Sendable {
    /// `Decimal.description`, as JSON writes numbers.
    static let shared = DecimalTexts { $0.description }
    /// `NSDecimalNumber.stringValue`, as quantities are shown.
    static let plain = DecimalTexts { NSDecimalNumber(decimal: $0).stringValue }
    /// `Quantity.grouped`: thousands separated, as text shows amounts.
    static let grouped = DecimalTexts { Quantity.separated($0) }

    private let make: @Sendable (Decimal) -> String
    private var known: [Bits: String] = [:]
    private let lock = NSLock()

    init(_ make: @escaping @Sendable (Decimal) -> String) { self.make = make }

    func text(_ d: Decimal) -> String {
        guard let bits = Bits(d) else { return make(d) }
        lock.lock()
        defer { lock.unlock() }
        if let t = known[bits] { return t }
        let t = make(d)
        if known.count < 65_536 { known[bits] = t }
        return t
    }

    /// A decimal's stored bytes, as the key it is known by: hashing a `Decimal` works out its normalized value (a
    /// sixth of this cache's time in `overdue --format json`); its 20 bytes hash as three integers. Equal amounts
    /// stored differently (`8` and `80e-1`) are two keys with the same text.
    private struct Bits: Hashable {
        var words: (UInt64, UInt64, UInt64) = (0, 0, 0)

        /// Nil where a decimal is wider than three words (it is 20 bytes): its text is then worked out each time.
        init?(_ d: Decimal) {
            guard MemoryLayout<Decimal>.size <= MemoryLayout<(UInt64, UInt64, UInt64)>.size else { return nil }
            withUnsafeMutableBytes(of: &words) { into in withUnsafeBytes(of: d) { into.copyMemory(from: $0) } }
        }

        static func == (a: Bits, b: Bits) -> Bool { a.words == b.words }

        func hash(into h: inout Hasher) {
            h.combine(words.0)
            h.combine(words.1)
            h.combine(words.2)
        }
    }
}
