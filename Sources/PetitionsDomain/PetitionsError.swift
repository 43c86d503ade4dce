/// An error that speaks to the user: one sentence naming the field and the value, and a sysexits code.
public struct PetitionsError: Error, CustomStringConvertible, Equatable, Sendable {
    /// sysexits(3) codes used by petitions.
    public enum Code: Int32, Sendable {
        case usage = 64
        case dataError = 65
        case noInput = 66
        case software = 70
        case cannotCreate = 73
        case ioError = 74
        case noPermission = 77
    }

    /// The sentence shown after `error: `.
    public let message: String
    /// The exit code.
    public let code: Code

    public init(_ message: String, code: Code = .dataError) {
        self.message = message
        self.code = code
    }

    public var description: String { message }

    /// A bad value given for a field.
    public static func invalid(_ field: String, _ value: String, _ why: String) -> PetitionsError {
        PetitionsError("\(field) \(quoted(value)) \(why).", code: .dataError)
    }

    /// An unknown handle or id, with the closest known one when there is one.
    public static func unknown(_ what: String, _ field: String, _ value: String, closest: String?) -> PetitionsError {
        var s = "\(field): no \(what) \(quoted(value))"
        if let closest { s += "; did you mean \(quoted(closest))?" } else { s += "." }
        if closest != nil { return PetitionsError(s, code: .dataError) }
        return PetitionsError(s, code: .dataError)
    }
}

/// Quotes a user value for an error message.
public func quoted(_ value: String) -> String {
    "'" + value + "'"
}
