import Foundation
import PetitionsDomain
import PetitionsRules
import TOMLKit

/// A `Decoder` over one `[[rule]]` table of a rules file, through which each kind decodes itself.
///
/// It knows the file's value types (text, whole numbers, numbers, true or false, spans, severities and the scope
/// table) and words a value of the wrong type, or one that does not read, as the file's error: the file, the line,
/// the rule, the key and the value as written. What a kind refuses of a value of the right type it throws as a
/// `RuleParameter` error, which `RuleReader` words the same way.
struct RuleTableDecoder: Decoder {
    let reader: RuleReader
    let entry: TOMLTable
    /// "rule 'late-supply'", as errors name the rule.
    let name: String

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(RuleTableContainer<Key>(decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw reader.fail(reader.header, "\(name) is a table, not a list.")
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        throw reader.fail(reader.header, "\(name) is a table, not a single value.")
    }

    // MARK: - Values

    /// What each type is called in a sentence, and an example of it for `key`.
    func wanted(_ type: Any.Type, key: String) -> (String, String) {
        switch type {
        case is Span.Type: return ("a span", "\"20 working days\"")
        case is Int.Type: return ("a whole number", "2")
        case is Double.Type: return ("a number", "1")
        case is Bool.Type: return ("true or false", "true")
        default: return ("text", key == "severity" ? "\"warning\"" : "\"\"\"SELECT …\"\"\"")
        }
    }

    func wrongType(_ key: String, _ value: TOMLValueConvertible, _ type: Any.Type) -> PetitionsError {
        let (wanted, example) = wanted(type, key: key)
        return reader.fail(
            reader.line(key),
            "\(name) \(key) \(RulesFile.shown(value)) is \(RulesFile.typeName(value)), not \(wanted); write e.g. \(key) = \(example).")
    }

    func value(_ key: String) throws -> TOMLValueConvertible {
        guard let value = entry[key] else {
            throw DecodingError.keyNotFound(RuleTableKey(key), DecodingError.Context(codingPath: [], debugDescription: "has no \(key)."))
        }
        return value
    }

    func text(_ key: String, as type: Any.Type = String.self) throws -> String {
        let value = try value(key)
        guard let s = value.string else { throw wrongType(key, value, type) }
        return s
    }

    func span(_ key: String) throws -> Span {
        let text = try text(key, as: Span.self)
        do {
            return try Span(parsing: text, field: "\(name) \(key)")
        } catch let e as PetitionsError {
            throw reader.fail(reader.line(key, value: text), e.message)
        }
    }

    func severity(_ key: String) throws -> Severity {
        let text = try text(key)
        do {
            return try Severity(parsing: text, field: "\(name) \(key)")
        } catch let e as PetitionsError {
            throw reader.fail(reader.line(key, value: text), e.message)
        }
    }

    func whole(_ key: String) throws -> Int {
        let value = try value(key)
        guard let n = value.int else { throw wrongType(key, value, Int.self) }
        return n
    }

    func number(_ key: String) throws -> Double {
        let value = try value(key)
        guard let x = value.int.map(Double.init) ?? value.double else { throw wrongType(key, value, Double.self) }
        return x
    }

    func flag(_ key: String) throws -> Bool {
        let value = try value(key)
        guard let b = value.bool else { throw wrongType(key, value, Bool.self) }
        return b
    }
}

/// A key of a rule's table by its name.
struct RuleTableKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// The keys of one rule's table, each decoded as the file's value type the kind asks for.
struct RuleTableContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: RuleTableDecoder

    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { decoder.entry.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { decoder.entry[key.stringValue] != nil }
    // TOML has no null: a key written always has a value.
    func decodeNil(forKey key: Key) throws -> Bool { !contains(key) }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoder.flag(key.stringValue) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decoder.text(key.stringValue) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decoder.number(key.stringValue) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decoder.whole(key.stringValue) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { throw unsupported(type, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { throw unsupported(type, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { throw unsupported(type, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { throw unsupported(type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { throw unsupported(type, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { throw unsupported(type, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { throw unsupported(type, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { throw unsupported(type, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { throw unsupported(type, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { throw unsupported(type, key) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let decoded: Any
        switch type {
        case is Span.Type: decoded = try decoder.span(key.stringValue)
        case is Severity.Type: decoded = try decoder.severity(key.stringValue)
        case is RuleScope.Type: decoded = try decoder.reader.scope(decoder.entry, name: decoder.name)
        case is String.Type: decoded = try decoder.text(key.stringValue)
        case is Int.Type: decoded = try decoder.whole(key.stringValue)
        case is Double.Type: decoded = try decoder.number(key.stringValue)
        case is Bool.Type: decoded = try decoder.flag(key.stringValue)
        default: throw unsupported(type, key)
        }
        guard let value = decoded as? T else { throw unsupported(type, key) }
        return value
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        throw unsupported(type, key)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { throw unsupported([Any].self, key) }
    func superDecoder() throws -> any Decoder { decoder }
    func superDecoder(forKey key: Key) throws -> any Decoder { throw unsupported(Any.self, key) }

    /// A type no rule kind takes: a mistake in a kind, not in the file.
    private func unsupported(_ type: Any.Type, _ key: Key) -> DecodingError {
        .typeMismatch(type, DecodingError.Context(codingPath: [key], debugDescription: "cannot be read as \(type)"))
    }
}
