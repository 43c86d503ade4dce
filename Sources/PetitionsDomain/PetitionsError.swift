/// An error that speaks to the user: one sentence naming the field and the value, and a sysexits code.
public struct PetitionsError: Error, CustomStringConvertible, Equatable, Sendable {
    /// sysexits(3) codes used by petitions.
    public enum Code: Int32, Sendable {
        case usage = 64
        case dataError = 65
        case noInput = 66
        case unavailable = 69
        case software = 70
        case cannotCreate = 73
        case ioError = 74
        /// EX_TEMPFAIL: nothing was done, and the same command may succeed if run again.
        case tempFail = 75
        case noPermission = 77
    }

    /// What kind of refusal this is, for a front end that answers with more than an exit code (the office
    /// server's status codes): a bad value, something named that does not exist, or a name already taken.
    public enum Kind: Sendable {
        case other
        case invalid
        case notFound
        case conflict
    }

    /// The sentence shown after `error: `.
    public let message: String
    /// The exit code.
    public let code: Code
    /// The option or field the sentence names (`--from`), when there is one.
    public var field: String?
    /// What kind of refusal this is.
    public var kind: Kind

    public init(_ message: String, code: Code = .dataError, field: String? = nil, kind: Kind = .other) {
        self.message = message
        self.code = code
        self.field = field
        self.kind = kind
    }

    public var description: String { message }

    /// A bad value given for a field.
    public static func invalid(_ field: String, _ value: String, _ why: String) -> PetitionsError {
        PetitionsError("\(field) \(quotedShort(value)) \(why).", code: .dataError, field: field, kind: .invalid)
    }

    /// A name or handle given for a new record that another record already has.
    public static func taken(_ field: String, _ value: String, _ why: String) -> PetitionsError {
        PetitionsError("\(field) \(quotedShort(value)) \(why).", code: .dataError, field: field, kind: .conflict)
    }

    /// An unknown handle or id, with the closest known one when there is one.
    /// An empty value names nothing: it is said to be empty, with no guess (every handle begins with "").
    public static func unknown(_ what: String, _ field: String, _ value: String, closest: String?) -> PetitionsError {
        if value.trimmingCharacters(in: .whitespaces).isEmpty {
            return PetitionsError("\(field) is empty; name the \(what).", code: .dataError, field: field, kind: .notFound)
        }
        var s = "\(field): no \(what) \(quotedShort(value))"
        if let closest { s += "; did you mean \(quoted(closest))?" } else { s += "." }
        return PetitionsError(s, code: .dataError, field: field, kind: .notFound)
    }
}

/// Quotes a user value for an error message, with control characters, tabs, new lines and direction turns escaped.
public func quoted(_ value: String) -> String {
    "'" + ControlCharacters.quotable(value) + "'"
}

/// Quotes a refused value as `quoted` does, but one over 200 characters by its first 100 and its length
/// (`'99999…' (200,000 characters)`): a form's field or a JSON body's member may hold up to 1 MiB, and the sentence
/// beside it echoed all of it, twice the page's size.
public func quotedShort(_ value: String) -> String {
    let count = value.count
    guard count > 200 else { return quoted(value) }
    return quoted(String(value.prefix(100)) + "…") + " (\(Wording.number(count)) characters)"
}
