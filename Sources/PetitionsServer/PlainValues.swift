import PetitionsApp

/// How a value is written in a request, whatever carries it (the path, the query, a form, a JSON body): one check
/// per kind of value, so that one record has one address and `07`, `+7` or ` 7` is refused everywhere alike.
enum PlainValues {
    /// The sentence that ends a refused id, written as the CLI and the paths write ids.
    static let idRule = "is not an id; ids are whole numbers from 1, written without a sign, spaces or leading zeros"

    /// The id written as `text` (`7`), or nil when it is anything else (`07`, `+7`, ` 7`, `7.0`, `0`).
    static func id(_ text: String) -> Int64? {
        guard let n = Int64(text), n > 0, String(n) == text else { return nil }
        return n
    }

    /// The id written as `text`, else 400 naming `key` and the value.
    static func id(_ text: String, key: String) throws -> Int64 {
        guard let n = id(text) else { throw PetitionsError.invalid(key, String(text.prefix(100)), idRule) }
        return n
    }

    /// Refuses (400) `text` holding a control character other than tab and new line, or one that turns the text's
    /// direction, naming `key`: every text of a request (its path, its query, a form's field, a JSON body's member)
    /// passes here before it is looked up or recorded. the ledger reads a text only up to a NUL, so `cl%00` would look up
    /// the user `cl` (under another name's count of failed logins) and `petr-kropotkin%00junk` the party
    /// `petr-kropotkin`. A password is not quoted back.
    static func refuseControlCharacters(_ text: String, key: String) throws {
        guard ControlCharacters.first(in: text) != nil else { return }
        if key.contains("password") || key.hasSuffix("_token") {
            throw PetitionsError(
                "\(key): it holds a control character; type it without.", field: key, kind: .invalid)
        }
        try ControlCharacters.refuse(text, field: key)
    }

    /// `true` or `false` written as such (not `yes`, `1` or `TRUE`), else 400 naming `key` and the value.
    static func flag(_ text: String, key: String) throws -> Bool {
        switch text {
        case "true": return true
        case "false": return false
        default: throw PetitionsError.invalid(key, String(text.prefix(100)), "is not true or false; write true or false")
        }
    }
}
