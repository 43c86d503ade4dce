import Foundation
import Hummingbird
import PetitionsApp

/// Under `/api/v1` (but for health and the OpenAPI document): a request needs `Authorization: Bearer TOKEN` of a
/// user not disabled, looked up on every request, so a revoked token or a disabled user stops at once.
struct BearerAuth: RouterMiddleware {
    typealias Context = OfficeContext
    let office: Office

    func handle(_ request: Request, context: OfficeContext, next: (Request, OfficeContext) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization] else { throw APIFailure.unauthorized() }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw APIFailure.unauthorized("The Authorization header must be Bearer TOKEN.")
        }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        let reach: Office.ChangesReach = API.listingRoutes.contains(context.endpointPath ?? "") ? .allKept : .none
        let (found, changes) = try await office.lookUp(changes: reach) { try AuthenticateToken(token: token).run(in: $0) }
        guard let account = found else {
            throw APIFailure.unauthorized("The API token is not valid (unknown, revoked, or its user is disabled).")
        }
        var context = context
        context.account = account
        context.changes = changes
        return try await next(request, context)
    }
}

extension OfficeContext {
    /// The signed-in user, who must hold `role` or one above it.
    func require(_ role: Role) throws -> Account {
        guard let account else { throw APIFailure.unauthorized() }
        guard account.role.allows(role) else { throw APIFailure.forbidden(account, needs: role) }
        return account
    }
}
