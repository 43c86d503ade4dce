import Foundation
import PetitionsDomain

/// A JSON Schema (draft 2020-12) validator for the keywords the repository's schemas use: `type`, `required`,
/// `properties`, `additionalProperties`, `items`, `enum`, `pattern`, `minimum` and local `$ref`s into `$defs`.
/// Any other keyword is refused when the schema loads, so that a schema never silently checks less than it says.
public struct JSONSchema {
    let root: JSONValue

    static let annotations: Set<String> = ["$schema", "$id", "$defs", "title", "description"]
    static let keywords: Set<String> = ["type", "required", "properties", "additionalProperties", "items", "enum", "pattern", "minimum", "$ref"]

    /// Loads a schema file; an unknown keyword anywhere in it is an error.
    public init(contentsOf url: URL) throws {
        root = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: url))
        try JSONSchema.checkKeywords(root, path: "#")
    }

    static func checkKeywords(_ schema: JSONValue, path: String) throws {
        guard case .object(let o) = schema else { return }
        for (k, v) in o {
            guard annotations.contains(k) || keywords.contains(k) else { throw PetitionsError("\(path): unsupported keyword \(k)") }
            switch k {
            case "properties", "$defs":
                if case .object(let subs) = v { for (name, s) in subs { try checkKeywords(s, path: "\(path)/\(k)/\(name)") } }
            case "items", "additionalProperties":
                try checkKeywords(v, path: "\(path)/\(k)")
            default: break
            }
        }
    }

    /// Every way `data` (a JSON document) breaks the schema, each as `$.path: what is wrong`; empty when it conforms.
    public func errors(in data: Data) throws -> [String] {
        var out: [String] = []
        validate(try JSONDecoder().decode(JSONValue.self, from: data), against: root, path: "$", into: &out)
        return out
    }

    func resolve(_ ref: String) -> JSONValue? {
        guard ref.hasPrefix("#/") else { return nil }
        var node = root
        for part in ref.dropFirst(2).split(separator: "/") {
            guard case .object(let o) = node, let next = o[String(part)] else { return nil }
            node = next
        }
        return node
    }

    static func typeName(_ v: JSONValue) -> String {
        switch v {
        case .string: return "string"
        case .int: return "integer"
        case .number: return "number"
        case .bool: return "boolean"
        case .null: return "null"
        case .array: return "array"
        case .object: return "object"
        }
    }

    static func matches(_ v: JSONValue, type: String) -> Bool {
        let t = typeName(v)
        return t == type || (type == "number" && t == "integer")
            || (type == "integer" && { if case .number(let d) = v { return d == d.rounded() } else { return false } }())
    }

    func validate(_ value: JSONValue, against schema: JSONValue, path: String, into errors: inout [String]) {
        guard case .object(let s) = schema else {
            if case .bool(false) = schema { errors.append("\(path): not allowed") }
            return
        }
        if case .string(let ref)? = s["$ref"] {
            guard let target = resolve(ref) else {
                errors.append("\(path): unresolved $ref \(ref)")
                return
            }
            validate(value, against: target, path: path, into: &errors)
        }
        if let t = s["type"] {
            let allowed: [String]
            switch t {
            case .string(let one): allowed = [one]
            case .array(let many): allowed = many.compactMap { if case .string(let x) = $0 { return x } else { return nil } }
            default: allowed = []
            }
            if !allowed.contains(where: { JSONSchema.matches(value, type: $0) }) {
                errors.append("\(path): expected \(allowed.joined(separator: " or ")), found \(JSONSchema.typeName(value))")
                return
            }
        }
        if case .array(let options)? = s["enum"], !options.contains(value) {
            errors.append("\(path): \(JSONSchema.describe(value)) is not one of \(options.map(JSONSchema.describe).joined(separator: ", "))")
        }
        if case .string(let pattern)? = s["pattern"], case .string(let text) = value {
            let ok =
                (try? NSRegularExpression(pattern: pattern)).map {
                    $0.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
                } ?? false
            if !ok { errors.append("\(path): \(JSONSchema.describe(value)) does not match \(pattern)") }
        }
        if let m = s["minimum"], let min = JSONSchema.number(m), let x = JSONSchema.number(value), x < min {
            errors.append("\(path): \(JSONSchema.describe(value)) is below the minimum \(JSONSchema.describe(m))")
        }
        if case .object(let o) = value {
            if case .array(let required)? = s["required"] {
                for case .string(let k) in required where o[k] == nil { errors.append("\(path): missing required key \(k)") }
            }
            var properties: [String: JSONValue] = [:]
            if case .object(let p)? = s["properties"] { properties = p }
            for (k, v) in o.sorted(by: { $0.key < $1.key }) {
                if let sub = properties[k] {
                    validate(v, against: sub, path: "\(path).\(k)", into: &errors)
                } else if let extra = s["additionalProperties"] {
                    if case .bool(false) = extra {
                        errors.append("\(path): key \(k) is not allowed")
                    } else {
                        validate(v, against: extra, path: "\(path).\(k)", into: &errors)
                    }
                }
            }
        }
        if case .array(let a) = value, let items = s["items"] {
            for (i, v) in a.enumerated() { validate(v, against: items, path: "\(path)[\(i)]", into: &errors) }
        }
    }

    static func number(_ v: JSONValue) -> Double? {
        switch v {
        case .int(let i): return Double(i)
        case .number(let d): return d
        default: return nil
        }
    }

    static func describe(_ v: JSONValue) -> String {
        switch v {
        case .string(let s): return "\"\(s)\""
        case .int(let i): return String(i)
        case .number(let d): return String(d)
        case .bool(let b): return String(b)
        case .null: return "null"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
