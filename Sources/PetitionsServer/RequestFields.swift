import Foundation
import Hummingbird
import PetitionsApp

/// The fields of a request: a JSON object's members (the API) or a form's (the web pages), read by name with
/// errors that name the field. Keys are the command's option names in snake_case.
struct RequestFields: Sendable {
    var values: [String: JSONValue]
    /// Whether the fields came as JSON (the API), whose booleans are `true` and `false` only; a form's come as text
    /// (a checkbox sends "on").
    var typed: Bool

    init(_ values: [String: JSONValue], typed: Bool = false) {
        self.values = values
        self.typed = typed
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
        guard let object = try? JSONDecoder().decode([String: JSONValue].self, from: data) else {
            throw APIFailure.invalid("body", "The request's body is not a JSON object.")
        }
        // What Foundation lets through: a comma before a closing bracket, a key given twice.
        try StrictJSON.check(Array(buffer.readableBytesView))
        if let unknown = object.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw APIFailure.invalid(
                unknown, "\(unknown): not a field of this request; its fields are \(allowed.sorted().joined(separator: ", ")).")
        }
        return RequestFields(object, typed: true)
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
        case .string(let s)?: return s.isEmpty ? nil : s
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

    /// An id: a whole number from 1, as a number or as text.
    func id(_ key: String) throws -> Int64? {
        switch values[key] {
        case nil, .null?: return nil
        case .int(let i)? where i > 0: return i
        case .string(let s)?:
            if s.isEmpty { return nil }
            guard let n = Int64(s.trimmingCharacters(in: .whitespaces)), n > 0 else {
                throw PetitionsError.invalid(key, s, "is not an id; ids are whole numbers from 1")
            }
            return n
        default: throw APIFailure.invalid(key, "\(key): expected an id (a whole number from 1).")
        }
    }

    /// A flag: true or false (a form's checkbox sends "on"); in JSON, `true` or `false` alone.
    func flag(_ key: String) throws -> Bool {
        switch values[key] {
        case nil, .null?: return false
        case .bool(let b)?: return b
        case .string(let s)? where typed:
            throw PetitionsError.invalid(key, String(s.prefix(100)), "is not true or false; send the JSON boolean true or false, unquoted")
        case .int(let n)? where typed:
            throw PetitionsError.invalid(key, String(n), "is not true or false; send the JSON boolean true or false")
        case .string(let s)?:
            switch s.lowercased() {
            case "true", "on", "1", "yes": return true
            case "false", "off", "0", "no", "": return false
            default: throw APIFailure.invalid(key, "\(key): expected true or false.")
            }
        default: throw APIFailure.invalid(key, "\(key): expected true or false.")
        }
    }

    /// A list of texts: a JSON array of strings, or one string (a form's field, one item a line).
    func list(_ key: String) throws -> [String] {
        switch values[key] {
        case nil, .null?: return []
        case .string(let s)?: return s.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        case .array(let items)?:
            return try items.map {
                guard case .string(let s) = $0 else { throw APIFailure.invalid(key, "\(key): expected a list of texts.") }
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
        let values = Form.pairs(request.uri.query ?? "").filter { $0.key == key }
        guard values.count < 2 else {
            throw APIFailure.invalid(key, "\(key) is given \(values.count == 2 ? "twice" : "\(values.count) times") in the address; give it once.")
        }
        guard let v = values.first?.value, !v.isEmpty else { return nil }
        return v
    }

    func day(_ key: String) throws -> Day? { try text(key).map { try Day(parsing: $0, field: key) } }

    func id(_ key: String) throws -> Int64? {
        guard let s = try text(key) else { return nil }
        guard let n = Int64(s), n > 0, String(n) == s else {
            throw PetitionsError.invalid(key, s, "is not an id; ids are whole numbers from 1, written without a sign or leading zeros")
        }
        return n
    }

    func flag(_ key: String) throws -> Bool {
        switch try text(key)?.lowercased() {
        case nil, "false", "0", "no": return false
        case "true", "1", "yes": return true
        case let other?: throw PetitionsError.invalid(key, other, "is not true or false")
        }
    }
}

/// The id in a request's path (`/petitions/{id}`): anything but a whole number from 1, written as the id is written
/// (`7`, not `+7` or `07`: one record, one address), is unknown (404).
/// The handle in a request's path (`/parties/{handle}`), or a party's id written as ids are written: `7` or another
/// office's `-1`, never `07`, `+7` or `-0` (unknown, 404: one record, one address).
func pathHandle(_ context: OfficeContext) throws -> String {
    let raw = context.parameters.get("handle") ?? ""
    if let n = Int64(raw), String(n) != raw {
        throw APIFailure(status: .notFound, message: "party: no party \(quoted(raw)).", field: "party")
    }
    return raw
}

func pathID(_ context: OfficeContext, _ what: String) throws -> Int64 {
    let raw = context.parameters.get("id") ?? ""
    guard let n = Int64(raw), n > 0, String(n) == raw else {
        throw APIFailure(status: .notFound, message: "\(what): no \(what) with id \(quoted(raw)).", field: what)
    }
    return n
}
