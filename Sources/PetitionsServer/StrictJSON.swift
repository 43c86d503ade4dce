import Foundation
import PetitionsDomain

/// What a request's JSON body may not hold that Foundation's reader lets through (JSONWalk, the walk the store's
/// imports use too), refused in the request's words: a comma before `}` or `]`, a key given twice, a string that is
/// not UTF-8, each naming the field; and how each number among the object's members was written, for the fields that
/// must be whole numbers.
enum StrictJSON {
    /// Refuses (400, naming the field) a comma before a closing bracket, a key given twice in one object, and a string
    /// that is not UTF-8; answers how each number among the body's members was written, by key (`"petition": 3.0`
    /// is `["petition": "3.0"]`).
    @discardableResult
    static func check(_ bytes: [UInt8]) throws -> [String: String] {
        let findings = bytes.withUnsafeBytes { JSONWalk.walk($0, checks: [.duplicateKeys, .trailingCommas, .textNotUTF8]) }
        switch findings.problem {
        case nil: return findings.numerals
        case .textNotUTF8(let raw, let field)?:
            throw RequestText.notUTF8(field ?? "key", sent: RequestText.shown(raw))
        case .duplicateKey(let key, _, let within)?:
            let shown = String(key.prefix(100))
            let inside = within.map { " (in \(String($0.prefix(100))))" } ?? ""
            throw APIFailure.invalid(shown, "\(shown) is given twice in the request's body\(inside); give it once.")
        case .trailingComma(let last?, _)?:
            let shown = String(last.prefix(100))
            throw APIFailure.invalid(shown, "\(shown): a comma follows this last field of the request's body; JSON allows none there, so remove it.")
        case .trailingComma(nil, let within)?:
            let field = within.map { String($0.prefix(100)) } ?? "body"
            throw APIFailure.invalid(field, "\(field): a comma follows the last item of the list; JSON allows none there, so remove it.")
        }
    }
}
