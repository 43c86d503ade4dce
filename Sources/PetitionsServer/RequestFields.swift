import Foundation
import Hummingbird
import PetitionsApp
import PetitionsDomain

/// The fields of a request: a JSON object's members (the API) or a form's (the web pages), read by name with
/// errors that name the field. Keys are the command's option names in snake_case.
struct RequestFields: Sendable {
    var values: [String: JSONValue]
    /// Whether the fields came as JSON (the API), whose booleans are `true` and `false` only; a form's come as text
    /// (a checkbox sends "on").
    var typed: Bool
    /// How each number among a JSON body's members was written (`3`, `3.0`, `3e0`): Foundation reads all three as 3,
    /// and an id must be written plainly.
    var numerals: [String: String]

    init(_ values: [String: JSONValue], typed: Bool = false, numerals: [String: String] = [:]) {
        self.values = values
        self.typed = typed
        self.numerals = numerals
    }

    /// The JSON object of an API request's body; a body sent as another media type is refused (415) before it is read,
    /// anything but an object too (400), a body over 1 MiB too (413).
    static func json(_ request: Request, context: OfficeContext, allowed: Set<String>) async throws -> RequestFields {
        try requireJSON(request)
        // A declared length over the limit is refused before anything is read: `collect(upTo:)` waited for the body,
        // and a client declaring 5 MB and sending two bytes was closed by the idle timeout with no answer at all.
        let buffer = try await Attachments.collect(
            request, limit: context.maxUploadSize,
            refusal: APIFailure(status: .contentTooLarge, message: "The request's body is too large (at most 1 MiB).", field: nil))
        let data = Data(buffer.readableBytesView)
        if String(validating: buffer.readableBytesView, as: UTF8.self) == nil {
            // Named by the member whose text is not UTF-8 when it is within a string, as it always is in JSON.
            try StrictJSON.check(Array(buffer.readableBytesView))
            throw RequestText.notUTF8("body", sent: RequestText.shown(buffer.readableBytesView.prefix(60)))
        }
        let object: [String: JSONValue]
        do {
            object = try JSONDecoder().decode([String: JSONValue].self, from: data)
        } catch {
            throw APIFailure.invalid("body", RequestFields.notAnObject(buffer.readableBytesView, error))
        }
        // What Foundation lets through: a comma before a closing bracket, a key given twice.
        let numerals = try StrictJSON.check(Array(buffer.readableBytesView))
        if let unknown = object.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw APIFailure.invalid(
                unknown, "\(unknown): not a field of this request; its fields are \(allowed.sorted().joined(separator: ", ")).")
        }
        return RequestFields(object, typed: true, numerals: numerals)
    }

    /// Why a body is not the JSON object of a request, as its sentence: another kind of JSON value, lists or objects
    /// nested deeper than a reader follows (Foundation stops at 512 levels), or text that is not JSON.
    /// A body with nothing but white space (or a byte-order mark) in it is empty; `null` is JSON's null, which
    /// Foundation reports as a missing value, not as another kind of value, and was called "not JSON".
    static func notAnObject(_ body: some Collection<UInt8>, _ error: Error) -> String {
        let first = body.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
        if first == nil {
            return "The request's body is empty; send one JSON object holding the request's fields."
        }
        var anotherValue = false
        if case DecodingError.typeMismatch = error { anotherValue = true }
        if case DecodingError.valueNotFound = error { anotherValue = true }
        if anotherValue {
            let kind =
                switch first {
                case UInt8(ascii: "["): "a JSON list"
                case UInt8(ascii: "\""): "a JSON string"
                case UInt8(ascii: "t"), UInt8(ascii: "f"): "true or false"
                case UInt8(ascii: "n"): "null"
                default: "a number"
                }
            return "The request's body is \(kind), not a JSON object; send one object holding the request's fields."
        }
        // The walk the strict checks make (JSONWalk) counts the levels: no reader of its own.
        let depth = Array(body).withUnsafeBytes { JSONWalk.walk($0, checks: []).deepest }
        if depth > 512 {
            return "The request's body nests lists or objects \(depth) levels deep, past the 512 a request may take; nothing was read."
        }
        return "The request's body is not JSON; send one JSON object holding the request's fields."
    }

    /// Refuses (415) a request whose `Content-Type` is not `application/json` (parameters such as `charset` allowed).
    static func requireJSON(_ request: Request) throws {
        let given = request.headers[.contentType] ?? ""
        let type = given.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        guard type.trimmingCharacters(in: .whitespaces).lowercased() != "application/json" else { return }
        let message =
            given.isEmpty
            ? "Content-Type: none was given; the body must be JSON, sent with Content-Type: application/json."
            : "Content-Type \(quoted(String(given.prefix(100)))): the body must be JSON, sent with Content-Type: application/json."
        throw APIFailure(status: .unsupportedMediaType, message: message, field: "Content-Type")
    }

    /// A text field; absent, null or empty is nil.
    func text(_ key: String) throws -> String? {
        switch values[key] {
        case nil, .null?: return nil
        case .string(let s)?:
            try PlainValues.refuseControlCharacters(s, key: key)
            return s.isEmpty ? nil : s
        // A number where text is wanted is refused, as the OpenAPI document says, not read as its digits.
        default: throw APIFailure.invalid(key, "\(key): expected text.")
        }
    }

    /// A text field that must be there.
    func required(_ key: String) throws -> String {
        guard let s = try text(key), !s.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw APIFailure.invalid(key, "\(key): required; give a value.")
        }
        return s
    }

    /// A day (`YYYY-MM-DD`).
    func day(_ key: String) throws -> Day? {
        try text(key).map { try Day(parsing: $0, field: key) }
    }

    /// A day that must be there.
    func requiredDay(_ key: String) throws -> Day { try Day(parsing: required(key), field: key) }

    /// An id: in JSON a number written plainly (`3`, not `3.0`, `3e0` or `"3"`), in a form text written so (`3`, not
    /// `03`, `+3` or ` 3`): as the path and the query write ids (`PlainValues.id`).
    func id(_ key: String) throws -> Int64? {
        switch values[key] {
        case nil, .null?: return nil
        case .string(let s)? where !typed:
            if s.isEmpty { return nil }
            return try PlainValues.id(s, key: key)
        case .int(let i)? where typed:
            return try PlainValues.id(numerals[key] ?? String(i), key: key)
        case .number?:
            throw PetitionsError.invalid(key, numerals[key] ?? "", PlainValues.idRule)
        case .string(let s)?:
            throw PetitionsError.invalid(key, String(s.prefix(100)), "is not an id; send the id as a JSON number, unquoted")
        default: throw APIFailure.invalid(key, "\(key): expected an id (a whole number from 1).")
        }
    }

    /// A flag: in JSON `true` or `false` alone; in a form a checkbox's "on", or `true` or `false`.
    func flag(_ key: String) throws -> Bool {
        switch values[key] {
        case nil, .null?: return false
        case .bool(let b)?: return b
        case .string(let s)? where typed:
            throw PetitionsError.invalid(key, String(s.prefix(100)), "is not true or false; send the JSON boolean true or false, unquoted")
        case .int(let n)? where typed:
            throw PetitionsError.invalid(key, numerals[key] ?? String(n), "is not true or false; send the JSON boolean true or false")
        case .string(let s)?:
            return s.isEmpty ? false : s == "on" ? true : try PlainValues.flag(s, key: key)
        default: throw APIFailure.invalid(key, "\(key): expected true or false.")
        }
    }

    /// A list of texts: a JSON array of strings (as the OpenAPI document says), or a form's field (one item a line).
    func list(_ key: String) throws -> [String] {
        switch values[key] {
        case nil, .null?: return []
        case .string(let s)? where typed:
            throw PetitionsError.invalid(
                key, String(s.prefix(100)), "is text, not a list; send a JSON array of texts, one item each")
        case .string(let s)?:
            try PlainValues.refuseControlCharacters(s, key: key)
            return s.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        case .array(let items)?:
            return try items.map {
                guard case .string(let s) = $0 else { throw APIFailure.invalid(key, "\(key): expected a list of texts.") }
                try PlainValues.refuseControlCharacters(s, key: key)
                return s
            }
        default: throw APIFailure.invalid(key, "\(key): expected a list of texts.")
        }
    }
}

/// The query of a request, read by name.
struct Query {
    let request: Request

    /// A query's value read as a browser or curl's `--data-urlencode` writes it: "+" is a space, "%2B" a plus. A key
    /// given more than once (`?as_of=1920-03-04&as_of=1920-03-05`) is refused: which one was meant cannot be known.
    func text(_ key: String) throws -> String? {
        let values = try Form.pairs(request.uri.query ?? "").filter { $0.key == key }
        guard values.count < 2 else {
            throw APIFailure.invalid(key, "\(key) is given \(values.count == 2 ? "twice" : "\(values.count) times") in the address; give it once.")
        }
        guard let v = values.first?.value, !v.isEmpty else { return nil }
        try PlainValues.refuseControlCharacters(v, key: key)
        return v
    }

    func day(_ key: String) throws -> Day? { try text(key).map { try Day(parsing: $0, field: key) } }

    func id(_ key: String) throws -> Int64? { try text(key).map { try PlainValues.id($0, key: key) } }

    func flag(_ key: String) throws -> Bool { try text(key).map { try PlainValues.flag($0, key: key) } ?? false }
}

/// A segment of the request's path captured by its route (`:id`, `:handle`), percent-decoded once, here for every
/// route: `/petitions/%31` is petition 1, `/parties/p%C3%ABtr` is pëtr. A segment whose bytes are not UTF-8 (`%FF`)
/// is 400 naming it; one that decodes to what no record is named (`%2F`, a "/") is unknown (404) where it is looked up.
func pathParameter(_ context: OfficeContext, _ name: String) throws -> String {
    let raw = context.parameters.get(name) ?? ""
    guard let decoded = RequestText.decoded(raw, plusIsSpace: false) else { throw RequestText.notUTF8(name, sent: raw) }
    try PlainValues.refuseControlCharacters(decoded, key: name)
    return decoded
}

/// The handle in a request's path (`/parties/{handle}`), or a party's id written as ids are written: `7` or another
/// office's `-1`, never `07`, `+7` or `-0` (unknown, 404: one record, one address).
func pathHandle(_ context: OfficeContext) throws -> String {
    let raw = try pathParameter(context, "handle")
    if let n = Int64(raw), String(n) != raw {
        throw APIFailure(status: .notFound, message: "party: no party \(quoted(raw)).", field: "party")
    }
    return raw
}

/// The id in a request's path (`/petitions/{id}`): anything but a whole number from 1, written as the id is written
/// (`7`, not `+7` or `07`: one record, one address), is unknown (404).
func pathID(_ context: OfficeContext, _ what: String) throws -> Int64 {
    let raw = try pathParameter(context, "id")
    guard let n = PlainValues.id(raw) else {
        throw APIFailure(status: .notFound, message: "\(what): no \(what) with id \(quoted(raw)).", field: what)
    }
    return n
}
