import Foundation
import Hummingbird
import PetitionsApp

/// A request refused with a status and one sentence, naming the field when one is at fault.
struct APIFailure: Error {
    var status: HTTPResponse.Status
    var message: String
    var field: String?
    /// Headers the refusal adds (`WWW-Authenticate` on a 401).
    var headers: HTTPFields = [:]
    /// A page of this site the web's answer leads to (the party a form is not for), in place of a command to run.
    var link: (href: String, text: String)?

    static func unauthorized(_ message: String = "A valid API token is needed: send Authorization: Bearer TOKEN.") -> APIFailure {
        APIFailure(status: .unauthorized, message: message, field: nil, headers: [.wwwAuthenticate: "Bearer"])
    }

    static func forbidden(_ account: Account, needs role: Role) -> APIFailure {
        APIFailure(
            status: .forbidden,
            message: "\(account.name) is a \(account.role.rawValue); this needs a\(role == .admin ? "n" : "") \(role.rawValue) or above.")
    }

    static func invalid(_ field: String, _ message: String) -> APIFailure {
        APIFailure(status: .badRequest, message: message, field: field)
    }

    /// The answer to a refusal of the ledger's: the CLI's sentence with every option it names (`--in-reply-to`)
    /// named as the request's field (`in_reply_to`), and that field. A name taken is 409; anything else the caller
    /// got wrong is 400.
    static func from(_ error: PetitionsError) -> APIFailure {
        let field = (error.field ?? optionNamed(in: error.message)).map(bodyKey)
        let message = error.requestMessage
        switch (error.kind, error.code) {
        case (.conflict, _): return APIFailure(status: .conflict, message: message, field: field)
        case (_, .ioError), (_, .software), (_, .tempFail): return APIFailure(status: .serviceUnavailable, message: message, field: nil)
        case (_, .noPermission): return APIFailure(status: .serviceUnavailable, message: message, field: nil)
        default: return APIFailure(status: .badRequest, message: message, field: field)
        }
    }

    /// This refusal shown beside the form's field `name`, for a sentence about a field the form does not have
    /// (removing a dependant: the use case names its `name`, the form has `dependant`): a sentence that begins with the
    /// field it named begins with the form's instead (`dependant 'Olga' is not in the household…`), so that a page
    /// never names a field it does not show.
    func beside(_ name: String?) -> APIFailure {
        var moved = self
        if let named = field, let name, message.hasPrefix(named + " ") || message.hasPrefix(named + ":") {
            moved.message = name + message.dropFirst(named.count)
        }
        moved.field = name
        return moved
    }

    /// The option a command's sentence begins with (`--quantity: unknown unit …`), when it begins with one.
    static func optionNamed(in message: String) -> String? {
        guard message.hasPrefix("--") else { return nil }
        let name = message.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return name.count > 2 ? String(name) : nil
    }

    /// `--in-reply-to` as a body key: `in_reply_to`.
    static func bodyKey(_ option: String) -> String {
        var s = Substring(option)
        while s.hasPrefix("-") { s = s.dropFirst() }
        return s.replacingOccurrences(of: "-", with: "_")
    }

    /// The JSON body: `{"error": SENTENCE, "field": NAME}` (`field` null when no one field is at fault).
    var response: Response {
        var r = (try? JSONText.response(ErrorBody(error: message, field: field), status: status)) ?? Response(status: status)
        for h in headers { r.headers.append(h) }
        return r
    }
}

/// What an error answers as JSON.
struct ErrorBody: Encodable {
    var error: String
    var field: String?

    enum CodingKeys: String, CodingKey { case error, field }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(error, forKey: .error)
        try c.encode(field, forKey: .field)
    }
}

/// Runs `body`, answering 404 when the record named in the path is unknown.
func inPath<T>(_ body: () async throws -> T) async throws -> T {
    do { return try await body() } catch let e as PetitionsError where e.kind == .notFound {
        throw APIFailure(status: .notFound, message: e.requestMessage, field: e.field.map(APIFailure.bodyKey))
    }
}
