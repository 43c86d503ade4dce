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
///
/// The buffer is its own memory, written through a pointer: appending to an `[UInt8]` checked its uniqueness and
/// capacity at every byte and cost a call per key and indent (BENCHMARKS.md, "Messages and JSON written into buffers
/// of their own"). It cannot be copied (a copy would share the buffer), only passed `inout`.
public struct HouseJSONWriter: ~Copyable {
    public let pretty: Bool
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    private var depth: Int
    /// Bit n set: the object or array opened n levels in has nothing in it yet (nesting is shallow: a few levels).
    private var empty: UInt64 = 0
    private var level = 0

    public init(depth: Int = 0, pretty: Bool = true, capacity: Int = 1024) {
        self.depth = depth
        self.pretty = pretty
        self.capacity = max(capacity, 16)
        self.base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The bytes written so far.
    public var bytes: [UInt8] { [UInt8](UnsafeBufferPointer(start: base, count: count)) }

    /// The bytes written so far, as text.
    public var text: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }

    /// Appends the bytes written so far to `out`.
    public func append(to out: inout [UInt8]) { out.append(contentsOf: UnsafeBufferPointer(start: base, count: count)) }

    // MARK: Containers

    public mutating func beginObject() { open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Starts the member `key` of the open object (a key in snake_case that needs no escaping).
    public mutating func key(_ key: StaticString) {
        next()
        put(UInt8(ascii: "\""))
        if key.hasPointerRepresentation {
            put(UnsafeBufferPointer(staticString: key))
        } else {
            for b in key.description.utf8 { put(b) }
        }
        put(staticString: pretty ? "\" : " : "\":")
    }

    /// Starts the next element of the open array.
    public mutating func element() { next() }

    private mutating func open(_ c: UInt8) {
        put(c)
        if pretty { put(UInt8(ascii: "\n")) }
        level += 1
        empty |= 1 << UInt64(level & 63)
        depth += 1
    }

    private mutating func close(_ c: UInt8) {
        level -= 1
        depth -= 1
        if pretty {
            put(UInt8(ascii: "\n"))
            indent()
        }
        put(c)
    }

    private mutating func next() {
        let bit: UInt64 = 1 << UInt64(level & 63)
        if level > 0 && empty & bit == 0 {
            put(UInt8(ascii: ","))
            if pretty { put(UInt8(ascii: "\n")) }
        }
        empty &= ~bit
        if pretty { indent() }
    }

    /// Two spaces a level.
    private mutating func indent() {
        let n = depth * 2
        guard n > 0 else { return }
        reserve(n)
        (base + count).initialize(repeating: UInt8(ascii: " "), count: n)
        count += n
    }

    // MARK: The buffer

    /// Room for `n` more bytes.
    @inline(__always) private mutating func reserve(_ n: Int) {
        if count + n > capacity { grow(count + n) }
    }

    private mutating func grow(_ needed: Int) {
        let larger = max(capacity * 2, needed)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.moveInitialize(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = larger
    }

    @inline(__always) private mutating func put(_ b: UInt8) {
        reserve(1)
        base[count] = b
        count += 1
    }

    /// The bytes of a literal of several characters (one of ours: never a single scalar).
    private mutating func put(staticString s: StaticString) { put(UnsafeBufferPointer(staticString: s)) }

    private mutating func put(_ p: UnsafeBufferPointer<UInt8>) {
        guard let from = p.baseAddress, !p.isEmpty else { return }
        reserve(p.count)
        (base + count).update(from: from, count: p.count)
        count += p.count
    }

    // MARK: Values

    public mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { quote($0) }
    }
    public mutating func int(_ n: Int) { int(Int64(n)) }
    public mutating func int(_ n: Int64) {
        reserve(20)
        count += HouseJSONWriter.writeDigits(n, to: base + count)
    }
    public mutating func decimal(_ d: Decimal) {
        var text = DecimalTexts.shared.text(d)
        text.withUTF8 { put($0) }
    }
    public mutating func null() { put(staticString: "null") }
    public mutating func bool(_ b: Bool?) {
        if let b { put(staticString: b ? "true" : "false") } else { null() }
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

    /// `text` in double quotes, escaped as `appendQuoted` escapes it: room is made first, then the runs between escapes
    /// are copied whole. A short text gets room for the worst case (six bytes a byte); a longer one is measured first,
    /// so that a megabyte of plain text does not make room for six.
    private mutating func quote(_ text: UnsafeBufferPointer<UInt8>) {
        reserve(text.count <= 256 ? text.count * 6 + 2 : HouseJSONWriter.quotedLength(text))
        defer { assert(count <= capacity, "the quoted text overran the room made for it") }
        var at = base + count
        at.pointee = UInt8(ascii: "\"")
        at += 1
        var start = 0
        for i in 0..<text.count {
            let b = text[i]
            guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") else { continue }
            if i > start, let from = text.baseAddress {
                at.update(from: from + start, count: i - start)
                at += i - start
            }
            start = i + 1
            HouseJSONWriter.escape(b) { e in
                at.pointee = e
                at += 1
            }
        }
        if text.count > start, let from = text.baseAddress {
            at.update(from: from + start, count: text.count - start)
            at += text.count - start
        }
        at.pointee = UInt8(ascii: "\"")
        at += 1
        count = at - base
    }

    /// The bytes `text` takes quoted and escaped: two quotes, two bytes for a quote, a backslash or a control character
    /// with a short escape (`\n`), six for another control character (`\u001f`), one for any other byte.
    static func quotedLength(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        var n = text.count + 2
        for b in text where b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
            switch b {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), 0x08, 0x0C, 0x0A, 0x0D, 0x09: n += 1
            default: n += 5
            }
        }
        return n
    }

    /// The escape of a quote, a backslash or a control character (after its backslash), as Foundation writes it.
    @inline(__always) static func escape(_ b: UInt8, _ emit: (UInt8) -> Void) {
        emit(UInt8(ascii: "\\"))
        switch b {
        case UInt8(ascii: "\""): emit(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): emit(UInt8(ascii: "\\"))
        case 0x08: emit(UInt8(ascii: "b"))
        case 0x0C: emit(UInt8(ascii: "f"))
        case 0x0A: emit(UInt8(ascii: "n"))
        case 0x0D: emit(UInt8(ascii: "r"))
        case 0x09: emit(UInt8(ascii: "t"))
        default:
            let hex: StaticString = "0123456789abcdef"
            emit(UInt8(ascii: "u"))
            emit(UInt8(ascii: "0"))
            emit(UInt8(ascii: "0"))
            emit(hex.utf8Start[Int(b >> 4)])
            emit(hex.utf8Start[Int(b & 0xF)])
        }
    }

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
                escape(b) { out.append($0) }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The decimal digits of `n`, as `String(n)` gives them, without making the string.
    public static func appendDigits(_ n: Int64, to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
            let k = writeDigits(n, to: buffer.baseAddress!)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0..<k]))
        }
    }

    /// Writes the decimal digits of `n` (a minus sign first where it is negative) at `to`, which has room for 20
    /// bytes; returns how many it wrote.
    static func writeDigits(_ n: Int64, to: UnsafeMutablePointer<UInt8>) -> Int {
        var m = n.magnitude
        var digits = 0
        var probe = m
        repeat {
            digits += 1
            probe /= 10
        } while probe > 0
        let sign = n < 0 ? 1 : 0
        if sign == 1 { to.pointee = UInt8(ascii: "-") }
        var i = sign + digits
        repeat {
            i -= 1
            to[i] = UInt8(ascii: "0") + UInt8(m % 10)
            m /= 10
        } while m > 0
        return sign + digits
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// The bytes of a string literal, which live as long as the program.
    init(staticString s: StaticString) { self.init(start: s.utf8Start, count: s.utf8CodeUnitCount) }
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
