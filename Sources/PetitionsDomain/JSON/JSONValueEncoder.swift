/// Encodes an `Encodable` value into a `JSONValue` tree: how typed event payloads become the JSON object the
/// event log stores. Keys are the coding keys as written (payloads spell them in snake_case); an optional
/// encoded with `encode` is `null`, with `encodeIfPresent` absent.
public struct JSONValueEncoder {
    public init() {}

    /// The JSON value of `value`.
    public func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let encoder = TreeEncoder(codingPath: [])
        try encodeValue(value, into: encoder.target, codingPath: [])
        return encoder.target.value
    }
}

/// A value being built: a scalar, or an object or array whose members are filled in as they are encoded.
private final class Node {
    enum Content { case scalar(JSONValue), object([String: Node]), array([Node]) }
    var content: Content = .scalar(.null)

    var value: JSONValue {
        switch content {
        case .scalar(let v): return v
        case .object(let members): return .object(members.mapValues(\.value))
        case .array(let elements): return .array(elements.map(\.value))
        }
    }
}

private struct TreeEncoder: Encoder {
    /// The value this encoder fills in.
    let target: Node
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(codingPath: [any CodingKey], node: Node = Node()) {
        self.codingPath = codingPath
        self.target = node
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = target.content {} else { target.content = .object([:]) }
        return KeyedEncodingContainer(KeyedContainer<Key>(node: target, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = target.content {} else { target.content = .array([]) }
        return UnkeyedContainer(node: target, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleContainer(node: target, codingPath: codingPath) }
}

/// Encodes `value` into `node`: scalars directly, anything else through its own `encode(to:)`.
private func encodeValue<T: Encodable>(_ value: T, into node: Node, codingPath: [any CodingKey]) throws {
    switch value {
    case let s as String: node.content = .scalar(.string(s))
    case let b as Bool: node.content = .scalar(.bool(b))
    case let i as Int: node.content = .scalar(.int(Int64(i)))
    case let i as Int64: node.content = .scalar(.int(i))
    case let j as JSONValue: node.content = .scalar(j)
    default: try value.encode(to: TreeEncoder(codingPath: codingPath, node: node))
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    var codingPath: [any CodingKey]

    private func set(_ key: Key, _ child: Node) {
        guard case .object(var members) = node.content else { return }
        members[key.stringValue] = child
        node.content = .object(members)
    }

    mutating func encodeNil(forKey key: Key) throws {
        let child = Node()
        set(key, child)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        let child = Node()
        try encodeValue(value, into: child, codingPath: codingPath + [key])
        set(key, child)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = Node()
        child.content = .object([:])
        set(key, child)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = Node()
        child.content = .array([])
        set(key, child)
        return UnkeyedContainer(node: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { TreeEncoder(codingPath: codingPath, node: node) }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = Node()
        set(key, child)
        return TreeEncoder(codingPath: codingPath + [key], node: child)
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: Node
    var codingPath: [any CodingKey]
    var count: Int {
        if case .array(let a) = node.content { return a.count }
        return 0
    }

    private func append(_ child: Node) {
        guard case .array(var elements) = node.content else { return }
        elements.append(child)
        node.content = .array(elements)
    }

    mutating func encodeNil() throws { append(Node()) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let child = Node()
        try encodeValue(value, into: child, codingPath: codingPath)
        append(child)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = Node()
        child.content = .object([:])
        append(child)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = Node()
        child.content = .array([])
        append(child)
        return UnkeyedContainer(node: child, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder {
        let child = Node()
        append(child)
        return TreeEncoder(codingPath: codingPath, node: child)
    }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let node: Node
    var codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.content = .scalar(.null) }
    mutating func encode<T: Encodable>(_ value: T) throws { try encodeValue(value, into: node, codingPath: codingPath) }
}
