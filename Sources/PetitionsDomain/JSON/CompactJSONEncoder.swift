/// Encodes an `Encodable` value as compact JSON text with every object's keys sorted and slashes unescaped: the
/// bytes `JSONValue.compactText` writes for the same value, which is what the event log stores and exports. Typed
/// event payloads go through it, one per row of a bulk import: members are kept as plain values and written into
/// one string at the end (2 µs a payload more than writing a dictionary of values by hand, where a tree of
/// `JSONValue`s cost 7). Keys are the coding keys as written (payloads spell them in snake_case); an optional
/// encoded with `encode` is `null`, with `encodeIfPresent` absent.
public struct CompactJSONEncoder {
    public init() {}

    /// The JSON text of `value`.
    public func encode<T: Encodable>(_ value: T) throws -> String {
        let slot = Slot()
        try slot.encode(value, codingPath: [])
        var out = ""
        out.reserveCapacity(256)
        slot.write(to: &out)
        return out
    }
}

/// Where one value's text goes: filled once, by a scalar or by a container that writes itself when asked.
private final class Slot {
    var scalar = JSONValue.null
    var object: ObjectBox?
    var array: ArrayBox?

    func write(to out: inout String) {
        if let object { return object.write(to: &out) }
        if let array { return array.write(to: &out) }
        scalar.write(to: &out)
    }

    func encode<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws {
        switch value {
        case let s as String: scalar = .string(s)
        case let b as Bool: scalar = .bool(b)
        case let i as Int64: scalar = .int(i)
        case let i as Int: scalar = .int(Int64(i))
        case let j as JSONValue: scalar = j
        default: try value.encode(to: SlotEncoder(slot: self, codingPath: codingPath))
        }
    }
}

/// An object's members, written with their keys sorted: scalars as values, containers as slots written in turn.
private final class ObjectBox {
    enum Member { case value(JSONValue), slot(Slot) }
    var members: [(key: String, value: Member)] = []

    func write(to out: inout String) {
        out += "{"
        members.sort { $0.key < $1.key }
        for (i, m) in members.enumerated() {
            if i > 0 { out += "," }
            JSONValue.writeString(m.key, to: &out)
            out += ":"
            switch m.value {
            case .value(let v): v.write(to: &out)
            case .slot(let s): s.write(to: &out)
            }
        }
        out += "}"
    }

    func set(_ key: String, _ value: Member) {
        if let i = members.firstIndex(where: { $0.key == key }) { members[i].value = value } else { members.append((key, value)) }
    }

    func slot(_ key: String) -> Slot {
        let s = Slot()
        set(key, .slot(s))
        return s
    }
}

/// An array's elements, in order.
private final class ArrayBox {
    var elements: [Slot] = []

    func write(to out: inout String) {
        out += "["
        for (i, e) in elements.enumerated() {
            if i > 0 { out += "," }
            e.write(to: &out)
        }
        out += "]"
    }

    func slot() -> Slot {
        let s = Slot()
        elements.append(s)
        return s
    }
}

private struct SlotEncoder: Encoder {
    let slot: Slot
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let box = slot.object ?? ObjectBox()
        slot.object = box
        return KeyedEncodingContainer(KeyedContainer<Key>(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let box = slot.array ?? ArrayBox()
        slot.array = box
        return UnkeyedContainer(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleContainer(slot: slot, codingPath: codingPath) }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: ObjectBox
    var codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { box.set(key.stringValue, .value(.null)) }
    mutating func encode(_ value: String, forKey key: Key) throws { box.set(key.stringValue, .value(.string(value))) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { box.set(key.stringValue, .value(.bool(value))) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { box.set(key.stringValue, .value(.int(value))) }
    mutating func encode(_ value: Int, forKey key: Key) throws { box.set(key.stringValue, .value(.int(Int64(value)))) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        let slot = Slot()
        try slot.encode(value, codingPath: codingPath)
        box.set(key.stringValue, slot.object == nil && slot.array == nil ? .value(slot.scalar) : .slot(slot))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        SlotEncoder(slot: box.slot(key.stringValue), codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        SlotEncoder(slot: box.slot(key.stringValue), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { SlotEncoder(slot: box.slot("super"), codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { SlotEncoder(slot: box.slot(key.stringValue), codingPath: codingPath) }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let box: ArrayBox
    var codingPath: [any CodingKey]
    var count: Int { box.elements.count }

    mutating func encodeNil() throws { _ = box.slot() }
    mutating func encode<T: Encodable>(_ value: T) throws { try box.slot().encode(value, codingPath: codingPath) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        SlotEncoder(slot: box.slot(), codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        SlotEncoder(slot: box.slot(), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { SlotEncoder(slot: box.slot(), codingPath: codingPath) }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let slot: Slot
    var codingPath: [any CodingKey]

    mutating func encodeNil() throws { slot.scalar = .null }
    mutating func encode(_ value: String) throws { slot.scalar = .string(value) }
    mutating func encode(_ value: Bool) throws { slot.scalar = .bool(value) }
    mutating func encode(_ value: Int64) throws { slot.scalar = .int(value) }
    mutating func encode(_ value: Int) throws { slot.scalar = .int(Int64(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { try slot.encode(value, codingPath: codingPath) }
}
