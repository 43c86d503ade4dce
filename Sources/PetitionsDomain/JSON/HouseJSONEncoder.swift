import Foundation

/// Writes the house JSON (snake_case keys, sorted by their UTF-8 bytes, ISO days, slashes unescaped, pretty-printed or
/// compact) byte for byte as Foundation's `JSONEncoder` with those settings would, at a fraction of the cost.
///
/// Foundation's encoder converted each key to snake_case anew on every use, looked every value's type up at run time and
/// built a tree of its own before writing: on a listing of ten thousand late deliveries that was half of the
/// command's time. This one converts each distinct key once, keeps values it has already written as text, and writes
/// straight into a byte buffer. A test compares the two on random values.
public struct HouseJSONEncoder {
    public var pretty: Bool

    public init(pretty: Bool = true) { self.pretty = pretty }

    /// `value` as JSON bytes (no trailing newline).
    public func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        try append(value, to: &out, depth: 0)
        return out
    }

    /// Appends `value` as JSON to `out`, indented as if nested `depth` levels deep (for streaming the elements of a
    /// top-level array one at a time).
    public func append<T: Encodable>(_ value: T, to out: inout [UInt8], depth: Int) throws {
        let node = try JSONNodeEncoder.box(value, keys: KeyCache.shared)
        node.write(to: &out, depth: depth, pretty: pretty)
    }
}

// MARK: - Streaming a large document

extension HouseJSONEncoder {
    /// Writes `value` to `sink` in pieces of about `chunk` bytes: the members of a top-level object one at a time, and
    /// the elements of a member that is an array one at a time. The bytes are those of `encode(value)`, without the
    /// whole document in memory at once (a report of a country's deliveries is hundreds of megabytes of JSON).
    public func stream<T: Encodable>(_ value: T, chunk: Int = 1 << 16, to sink: ([UInt8]) throws -> Void) throws {
        let keys = KeyCache.shared
        let recorder = MemberRecorder(keys: keys)
        try value.encode(to: recorder)
        var out: [UInt8] = []
        out.reserveCapacity(chunk + 4096)
        func flush(_ force: Bool = false) throws {
            if force ? !out.isEmpty : out.count >= chunk {
                try sink(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        guard let members = recorder.members, !recorder.other else {
            // Not an object at the top: nothing to gain from streaming.
            try sink(try encode(value))
            return
        }
        out.append(UInt8(ascii: "{"))
        if pretty { out.append(UInt8(ascii: "\n")) }
        for (n, member) in MemberRecorder.sorted(members).enumerated() {
            if n > 0 {
                out.append(UInt8(ascii: ","))
                if pretty { out.append(UInt8(ascii: "\n")) }
            }
            if pretty {
                out.append(UInt8(ascii: " "))
                out.append(UInt8(ascii: " "))
            }
            out.append(contentsOf: member.key.quoted)
            if pretty {
                out.append(UInt8(ascii: " "))
                out.append(UInt8(ascii: ":"))
                out.append(UInt8(ascii: " "))
            } else {
                out.append(UInt8(ascii: ":"))
            }
            switch member.value {
            case .node(let node):
                node.write(to: &out, depth: 1, pretty: pretty)
            case .array(let array):
                // As JSONNode.write writes an array at depth 1, one element at a time.
                out.append(UInt8(ascii: "["))
                if pretty { out.append(UInt8(ascii: "\n")) }
                var i = 0
                try array.forEachElement(keys: keys) { element in
                    if i > 0 {
                        out.append(UInt8(ascii: ","))
                        if pretty { out.append(UInt8(ascii: "\n")) }
                    }
                    if pretty { HouseJSONWriter.appendIndent(2, to: &out) }
                    element.write(to: &out, depth: 2, pretty: pretty)
                    i += 1
                    try flush()
                }
                if pretty {
                    out.append(UInt8(ascii: "\n"))
                    out.append(UInt8(ascii: " "))
                    out.append(UInt8(ascii: " "))
                }
                out.append(UInt8(ascii: "]"))
            }
            try flush()
        }
        if pretty { out.append(UInt8(ascii: "\n")) }
        out.append(UInt8(ascii: "}"))
        try flush(true)
    }
}

/// An array whose elements can be encoded one at a time.
protocol StreamableArray {
    func forEachElement(keys: KeyCache, _ body: (JSONNode) throws -> Void) throws
}

extension Array: StreamableArray where Element: Encodable {
    func forEachElement(keys: KeyCache, _ body: (JSONNode) throws -> Void) throws {
        for element in self { try body(try JSONNodeEncoder.box(element, keys: keys)) }
    }
}

/// Records the members of a top-level object as its `encode(to:)` gives them, keeping arrays to be written later
/// element by element.
final class MemberRecorder: Encoder {
    enum Member {
        case node(JSONNode)
        case array(any StreamableArray)
    }

    let codingPath: [CodingKey] = []
    let userInfo: [CodingUserInfoKey: Any] = [:]
    let keys: KeyCache
    var members: [(key: JSONKey, value: Member)]?
    /// The value asked for something other than one keyed container.
    var other = false

    init(keys: KeyCache) { self.keys = keys }

    /// Members by key (UTF-8 byte order); of a key set twice, the last, as `JSONObjectBox` does.
    static func sorted(_ members: [(key: JSONKey, value: Member)]) -> [(key: JSONKey, value: Member)] {
        JSONKey.writingOrder(members.map(\.key)).map { members[$0] }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if members == nil { members = [] }
        return KeyedEncodingContainer(Container<Key>(recorder: self))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        other = true
        return JSONNodeEncoder(keys: keys).unkeyedContainer()
    }

    func singleValueContainer() -> SingleValueEncodingContainer {
        other = true
        return JSONNodeEncoder(keys: keys).singleValueContainer()
    }

    struct Container<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let recorder: MemberRecorder
        var codingPath: [CodingKey] { [] }

        private func add(_ member: Member, _ key: Key) { recorder.members?.append((recorder.keys.key(key.stringValue), member)) }

        mutating func encodeNil(forKey key: Key) throws { add(.node(.null), key) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            if let array = value as? any StreamableArray {
                add(.array(array), key)
            } else {
                add(.node(try JSONNodeEncoder.box(value, keys: recorder.keys)), key)
            }
        }

        // Nested containers and super encoders are rare at the top of a document: the member is then built whole.
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let child = JSONNodeEncoder(keys: recorder.keys)
            add(.node(.pending(child)), key)
            return child.container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
            let child = JSONNodeEncoder(keys: recorder.keys)
            add(.node(.pending(child)), key)
            return child.unkeyedContainer()
        }
        mutating func superEncoder() -> Encoder {
            let child = JSONNodeEncoder(keys: recorder.keys)
            recorder.members?.append((recorder.keys.key("super"), .node(.pending(child))))
            return child
        }
        mutating func superEncoder(forKey key: Key) -> Encoder {
            let child = JSONNodeEncoder(keys: recorder.keys)
            add(.node(.pending(child)), key)
            return child
        }
    }
}

// MARK: - The tree of values being encoded

/// A value while it is being encoded: scalars already as their JSON text, containers filled in as `encode(to:)` runs.
enum JSONNode {
    /// Written as it is: a number or a literal.
    case raw(String)
    /// Written in quotes, escaped.
    case string(String)
    case int(Int64)
    case array(JSONArrayBox)
    case object(JSONObjectBox)
    /// A super encoder's value: known only once the caller is done with it.
    case pending(JSONNodeEncoder)
    /// A record that writes itself (`HouseJSONWritable`).
    case custom(any HouseJSONWritable)

    static var null: JSONNode { .raw("null") }
    static var `true`: JSONNode { .raw("true") }
    static var `false`: JSONNode { .raw("false") }

    func write(to out: inout [UInt8], depth: Int, pretty: Bool) {
        switch self {
        case .raw(let text):
            out.append(contentsOf: text.utf8)
        case .string(let text):
            HouseJSONWriter.appendQuoted(text, to: &out)
        case .int(let n):
            HouseJSONWriter.appendDigits(n, to: &out)
        case .custom(let record):
            var writer = HouseJSONWriter(depth: depth, pretty: pretty)
            swap(&writer.bytes, &out)
            record.write(to: &writer)
            swap(&writer.bytes, &out)
        case .pending(let encoder):
            (encoder.node ?? .object(JSONObjectBox())).write(to: &out, depth: depth, pretty: pretty)
        case .array(let box):
            out.append(UInt8(ascii: "["))
            if pretty {
                out.append(UInt8(ascii: "\n"))
                for (i, item) in box.items.enumerated() {
                    if i > 0 {
                        out.append(UInt8(ascii: ","))
                        out.append(UInt8(ascii: "\n"))
                    }
                    indent(&out, depth + 1)
                    item.write(to: &out, depth: depth + 1, pretty: true)
                }
                out.append(UInt8(ascii: "\n"))
                indent(&out, depth)
            } else {
                for (i, item) in box.items.enumerated() {
                    if i > 0 { out.append(UInt8(ascii: ",")) }
                    item.write(to: &out, depth: depth + 1, pretty: false)
                }
            }
            out.append(UInt8(ascii: "]"))
        case .object(let box):
            out.append(UInt8(ascii: "{"))
            if pretty { out.append(UInt8(ascii: "\n")) }
            var first = true
            for i in box.order() {
                let entry = box.entries[i]
                if !first {
                    out.append(UInt8(ascii: ","))
                    if pretty { out.append(UInt8(ascii: "\n")) }
                }
                first = false
                if pretty { indent(&out, depth + 1) }
                out.append(contentsOf: entry.key.quoted)
                if pretty {
                    out.append(UInt8(ascii: " "))
                    out.append(UInt8(ascii: ":"))
                    out.append(UInt8(ascii: " "))
                } else {
                    out.append(UInt8(ascii: ":"))
                }
                entry.value.write(to: &out, depth: depth + 1, pretty: pretty)
            }
            if pretty {
                out.append(UInt8(ascii: "\n"))
                indent(&out, depth)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private func indent(_ out: inout [UInt8], _ depth: Int) { HouseJSONWriter.appendIndent(depth, to: &out) }
}

final class JSONArrayBox {
    var items: [JSONNode] = []
}

final class JSONObjectBox {
    var entries: [(key: JSONKey, value: JSONNode)] = []

    /// The positions of the entries to write: by key (UTF-8 byte order); of a key set twice, the last value, as a
    /// dictionary would keep. Records of one type give their keys in the same sequence every time, so the order is
    /// worked out once per sequence of keys (`ObjectOrders`), not once per record.
    func order() -> [Int] {
        if entries.count < 2 { return Array(entries.indices) }
        var hasher = Hasher()
        for e in entries { hasher.combine(ObjectIdentifier(e.key)) }
        let hash = hasher.finalize()
        if let known = ObjectOrders.shared.order(for: hash, keys: entries) { return known }
        let order = JSONKey.writingOrder(entries.map(\.key))
        ObjectOrders.shared.remember(order, for: hash, keys: entries)
        return order
    }

}

/// The writing order of each sequence of keys met so far (keys are unique objects, so a sequence is compared by identity).
final class ObjectOrders: @unchecked Sendable {
    static let shared = ObjectOrders()
    private var known: [Int: (keys: [JSONKey], order: [Int])] = [:]
    private let lock = NSLock()

    func order(for hash: Int, keys entries: [(key: JSONKey, value: JSONNode)]) -> [Int]? {
        lock.lock()
        defer { lock.unlock() }
        guard let k = known[hash], k.keys.count == entries.count else { return nil }
        for i in entries.indices where k.keys[i] !== entries[i].key { return nil }
        return k.order
    }

    func remember(_ order: [Int], for hash: Int, keys entries: [(key: JSONKey, value: JSONNode)]) {
        lock.lock()
        defer { lock.unlock() }
        if known.count < 4096 { known[hash] = (entries.map(\.key), order) }
    }
}

/// A key as written: converted to snake_case, and its quoted, escaped text.
final class JSONKey {
    /// The positions of `keys` in writing order: by their bytes; of a key given twice, only the last, as a dictionary
    /// keeps the last value set.
    static func writingOrder(_ keys: [JSONKey]) -> [Int] {
        let sorted = keys.indices.sorted { a, b in
            let x = keys[a].bytes
            let y = keys[b].bytes
            return x == y ? a < b : x.lexicographicallyPrecedes(y)
        }
        var order: [Int] = []
        order.reserveCapacity(sorted.count)
        for (n, i) in sorted.enumerated() where !(n + 1 < sorted.count && keys[sorted[n + 1]].bytes == keys[i].bytes) {
            order.append(i)
        }
        return order
    }

    let bytes: [UInt8]
    let quoted: [UInt8]

    init(_ converted: String) {
        bytes = Array(converted.utf8)
        var q: [UInt8] = []
        HouseJSONWriter.appendQuoted(converted, to: &q)
        quoted = q
    }
}

/// Each distinct coding key converted once for the life of the process.
final class KeyCache: @unchecked Sendable {
    static let shared = KeyCache()
    private var converted: [String: JSONKey] = [:]
    private let lock = NSLock()

    func key(_ raw: String) -> JSONKey {
        lock.lock()
        defer { lock.unlock() }
        if let k = converted[raw] { return k }
        let k = JSONKey(KeyCache.snakeCase(raw))
        converted[raw] = k
        return k
    }

    /// Foundation's `convertToSnakeCase`: words split before each capital (a run of capitals is one word, its last
    /// capital starting the next word when a lowercase letter follows), lowercased and joined by underscores.
    static func snakeCase(_ key: String) -> String {
        guard !key.isEmpty else { return key }
        var words: [Range<String.Index>] = []
        var wordStart = key.startIndex
        var searchRange = key.index(after: wordStart)..<key.endIndex
        while let upper = key.rangeOfCharacter(from: .uppercaseLetters, options: [], range: searchRange) {
            words.append(wordStart..<upper.lowerBound)
            searchRange = upper.lowerBound..<searchRange.upperBound
            guard let lower = key.rangeOfCharacter(from: .lowercaseLetters, options: [], range: searchRange) else {
                wordStart = searchRange.lowerBound
                break
            }
            let afterCapital = key.index(after: upper.lowerBound)
            if lower.lowerBound == afterCapital {
                wordStart = upper.lowerBound
            } else {
                let beforeLower = key.index(before: lower.lowerBound)
                words.append(upper.lowerBound..<beforeLower)
                wordStart = beforeLower
            }
            searchRange = lower.upperBound..<searchRange.upperBound
        }
        words.append(wordStart..<searchRange.upperBound)
        return words.map { key[$0].lowercased() }.joined(separator: "_")
    }
}

/// A dictionary keyed by strings, whose keys are written unconverted.
protocol StringKeyedDictionary {
    func jsonEntries(keys: KeyCache) throws -> [(key: JSONKey, value: JSONNode)]
}

extension Dictionary: StringKeyedDictionary where Key == String, Value: Encodable {
    func jsonEntries(keys: KeyCache) throws -> [(key: JSONKey, value: JSONNode)] {
        try map { (JSONKey($0.key), try JSONNodeEncoder.box($0.value, keys: keys)) }
    }
}

// MARK: - The encoder

final class JSONNodeEncoder: Encoder {
    let codingPath: [CodingKey] = []
    let userInfo: [CodingUserInfoKey: Any] = [:]
    let keys: KeyCache
    var node: JSONNode?

    init(keys: KeyCache) { self.keys = keys }

    /// `value` as a node: scalars written at once, anything else through its own `encode(to:)`.
    static func box<T: Encodable>(_ value: T, keys: KeyCache) throws -> JSONNode {
        // The type is compared first (cheap) and only a match is cast: casting every record to each of these types
        // in turn would cost more than writing it.
        if T.self == String.self, let s = value as? String { return text(s) }
        if T.self == Int.self, let n = value as? Int { return .int(Int64(n)) }
        if T.self == Int64.self, let n = value as? Int64 { return .int(n) }
        if T.self == Int32.self || T.self == UInt.self || T.self == UInt64.self
            || T.self == Int16.self || T.self == Int8.self || T.self == UInt32.self || T.self == UInt16.self || T.self == UInt8.self
        {
            return .raw("\(value)")
        }
        if T.self == Bool.self, let b = value as? Bool { return b ? .true : .false }
        if T.self == Double.self, let d = value as? Double { return try number(d) }
        if T.self == Float.self, let f = value as? Float { return try number(Double(f), float: f) }
        if T.self == Decimal.self, let d = value as? Decimal { return .raw(d.description) }
        if T.self == URL.self, let u = value as? URL { return text(u.absoluteString) }
        if T.self == Data.self, let d = value as? Data { return text(d.base64EncodedString()) }
        if T.self == Date.self, let d = value as? Date { return try number(d.timeIntervalSinceReferenceDate) }
        if let record = value as? any HouseJSONWritable { return .custom(record) }
        // Foundation writes the keys of a dictionary keyed by strings as they are, not in snake_case.
        if let dictionary = value as? any StringKeyedDictionary {
            let box = JSONObjectBox()
            box.entries = try dictionary.jsonEntries(keys: keys)
            return .object(box)
        }
        let encoder = JSONNodeEncoder(keys: keys)
        try value.encode(to: encoder)
        return encoder.node ?? .object(JSONObjectBox())
    }

    static func text(_ s: String) -> JSONNode { .string(s) }

    static func number(_ d: Double, float: Float? = nil) throws -> JSONNode {
        guard d.isFinite else {
            throw EncodingError.invalidValue(d, .init(codingPath: [], debugDescription: "Unable to encode \(d) directly in JSON."))
        }
        var s = float.map { $0.description } ?? d.description
        if s.hasSuffix(".0") { s.removeLast(2) }
        return .raw(s)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let box: JSONObjectBox
        if case .object(let existing)? = node {
            box = existing
        } else {
            box = JSONObjectBox()
            node = .object(box)
        }
        return KeyedEncodingContainer(KeyedContainer<Key>(box: box, encoder: self))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        let box: JSONArrayBox
        if case .array(let existing)? = node {
            box = existing
        } else {
            box = JSONArrayBox()
            node = .array(box)
        }
        return UnkeyedContainer(box: box, encoder: self)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { SingleValueContainer(encoder: self) }

    struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let box: JSONObjectBox
        let encoder: JSONNodeEncoder
        var codingPath: [CodingKey] { [] }

        private func set(_ node: JSONNode, _ key: Key) { box.entries.append((encoder.keys.key(key.stringValue), node)) }

        /// The value last set for `key`: a nested container asked for twice is the same container, as in Foundation.
        private func current(_ key: Key) -> JSONNode? {
            let k = encoder.keys.key(key.stringValue)
            return box.entries.last(where: { $0.key.bytes == k.bytes })?.value
        }

        mutating func encodeNil(forKey key: Key) throws { set(.null, key) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { set(value ? .true : .false, key) }
        mutating func encode(_ value: String, forKey key: Key) throws { set(JSONNodeEncoder.text(value), key) }
        mutating func encode(_ value: Int, forKey key: Key) throws { set(.int(Int64(value)), key) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { set(.int(Int64(value)), key) }
        mutating func encode(_ value: Double, forKey key: Key) throws { set(try JSONNodeEncoder.number(value), key) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { set(try JSONNodeEncoder.box(value, keys: encoder.keys), key) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let child: JSONObjectBox
            if case .object(let existing)? = current(key) {
                child = existing
            } else {
                child = JSONObjectBox()
                set(.object(child), key)
            }
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: child, encoder: encoder))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
            let child: JSONArrayBox
            if case .array(let existing)? = current(key) {
                child = existing
            } else {
                child = JSONArrayBox()
                set(.array(child), key)
            }
            return UnkeyedContainer(box: child, encoder: encoder)
        }

        mutating func superEncoder() -> Encoder { superEncoder(named: "super") }
        mutating func superEncoder(forKey key: Key) -> Encoder { superEncoder(named: key.stringValue) }

        private func superEncoder(named name: String) -> Encoder {
            let child = JSONNodeEncoder(keys: encoder.keys)
            box.entries.append((encoder.keys.key(name), .pending(child)))
            return child
        }
    }

    struct UnkeyedContainer: UnkeyedEncodingContainer {
        let box: JSONArrayBox
        let encoder: JSONNodeEncoder
        var codingPath: [CodingKey] { [] }
        var count: Int { box.items.count }

        mutating func encodeNil() throws { box.items.append(.null) }
        mutating func encode(_ value: Bool) throws { box.items.append(value ? .true : .false) }
        mutating func encode(_ value: String) throws { box.items.append(JSONNodeEncoder.text(value)) }
        mutating func encode(_ value: Int) throws { box.items.append(.int(Int64(value))) }
        mutating func encode(_ value: Int64) throws { box.items.append(.int(Int64(value))) }
        mutating func encode(_ value: Double) throws { box.items.append(try JSONNodeEncoder.number(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws { box.items.append(try JSONNodeEncoder.box(value, keys: encoder.keys)) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let child = JSONObjectBox()
            box.items.append(.object(child))
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: child, encoder: encoder))
        }

        mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
            let child = JSONArrayBox()
            box.items.append(.array(child))
            return UnkeyedContainer(box: child, encoder: encoder)
        }

        mutating func superEncoder() -> Encoder {
            let child = JSONNodeEncoder(keys: encoder.keys)
            box.items.append(.pending(child))
            return child
        }
    }

    struct SingleValueContainer: SingleValueEncodingContainer {
        let encoder: JSONNodeEncoder
        var codingPath: [CodingKey] { [] }

        mutating func encodeNil() throws { encoder.node = .null }
        mutating func encode(_ value: Bool) throws { encoder.node = value ? .true : .false }
        mutating func encode(_ value: String) throws { encoder.node = JSONNodeEncoder.text(value) }
        mutating func encode(_ value: Int) throws { encoder.node = .int(Int64(value)) }
        mutating func encode(_ value: Int64) throws { encoder.node = .int(Int64(value)) }
        mutating func encode(_ value: Double) throws { encoder.node = try JSONNodeEncoder.number(value) }
        mutating func encode<T: Encodable>(_ value: T) throws { encoder.node = try JSONNodeEncoder.box(value, keys: encoder.keys) }
    }
}
