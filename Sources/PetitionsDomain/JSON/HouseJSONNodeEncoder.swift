import Foundation

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
