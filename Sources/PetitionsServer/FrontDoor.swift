import Crypto
import Foundation
import Hummingbird
import Logging
import NIOHTTP1
import PetitionsApp

/// The outermost middleware: every response, an error's too, carries the security headers and, unless its route
/// says otherwise, `Cache-Control: no-store`; every error is answered in the house's words (JSON under `/api/`, a
/// short page elsewhere), never Swift's or the database's.
struct FrontDoor: RouterMiddleware {
    typealias Context = OfficeContext

    func handle(_ request: Request, context: OfficeContext, next: (Request, OfficeContext) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            // An address over the limit is refused before any route reads it (LongAddress); MalformedRequest answers
            // one too long for the decoder to read.
            if (request.head.path?.utf8.count ?? 0) > LongAddress.limit { throw LongAddress.failure }
            // A request that may record runs its use cases on the writing thread (Office.writingThread). Logging in
            // records nothing but a password's check, which is slow by design: it stays on the shared pool.
            let records = request.method != .get && request.method != .head && request.uri.path != "/login"
            response = try await Office.$records.withValue(records) { try await next(request, context) }
        } catch let redirect as Redirect {
            response = redirect.response
        } catch {
            response = Self.answer(error, to: request, logger: context.logger)
        }
        // A route may narrow the policy's exceptions to its own page (the HTML report's style, by hash); the others get it as is.
        let policy = response.headers[.contentSecurityPolicy].flatMap { $0.hasPrefix(Self.basePolicy + "; ") ? $0 : nil }
        for header in Self.securityHeaders { response.headers[header.name] = header.value }
        if let policy { response.headers[.contentSecurityPolicy] = policy }
        // A page or an answer holds a ledger's people and letters: no browser or proxy keeps a copy (a shared
        // computer's back button, a proxy's cache) unless the route says otherwise, as the stylesheet does.
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }

    /// What every answer carries, an error's too. `X-Frame-Options`: no other site may frame these pages (a
    /// click-jacking guard beside the CSP the issue asks for).
    static let securityHeaders: HTTPFields = [
        .contentSecurityPolicy: basePolicy, .xContentTypeOptions: "nosniff", .referrerPolicy: "same-origin", .xFrameOptions: "DENY",
    ]

    /// The policy every answer carries: nothing from another host, nothing inline.
    static let basePolicy = "default-src 'self'"

    /// The policy for `html`, a page with its style inline (the HTML report, as the command writes it): the base
    /// policy with those `<style>` elements allowed by their SHA-256 (CSP Level 2), and nothing else inline.
    static func policy(allowingStylesOf html: String) -> String {
        var hashes: [String] = []
        var rest = html[...]
        while let open = rest.range(of: "<style>"), let close = rest[open.upperBound...].range(of: "</style>") {
            let digest = SHA256.hash(data: Data(rest[open.upperBound..<close.lowerBound].utf8))
            hashes.append("'sha256-\(Data(digest).base64EncodedString())'")
            rest = rest[close.upperBound...]
        }
        return hashes.isEmpty ? basePolicy : basePolicy + "; style-src " + hashes.joined(separator: " ")
    }

    /// The answer to an error thrown while handling `request`.
    static func answer(_ error: any Error, to request: Request, logger: Logger) -> Response {
        let failure = failure(error, logger: logger)
        if request.uri.path.hasPrefix("/api/") { return failure.response }
        return WebPage.error(failure)
    }

    static func failure(_ error: any Error, logger: Logger) -> APIFailure {
        switch error {
        case let f as APIFailure: return f
        case let e as PetitionsError: return APIFailure.from(e)
        // A body that breaks HTTP/1.1 (a bad chunk): the client's fault, not the server's.
        case is HTTPParserError:
            return APIFailure(status: .badRequest, message: "The request could not be read: it is not well-formed HTTP/1.1.", field: nil)
        case let e as any HTTPResponseError:
            let status = e.status
            let message: String
            switch status.code {
            case 404: message = "There is nothing at this address."
            case 405: message = "This address does not take that method."
            case 413: message = "The request's body is too large (at most 1 MiB)."
            default: message = "The request could not be read (\(status.code) \(status.reasonPhrase))."
            }
            return APIFailure(status: status, message: message, field: nil)
        default:
            logger.error("unexpected error: \(String(describing: error))")
            return APIFailure(status: .internalServerError, message: "The server could not complete the request; nothing was recorded.", field: nil)
        }
    }
}
