import Foundation

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
            } else if let elements = value as? any HouseJSONElements {
                add(.array(StreamedElements(base: elements)), key)
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
