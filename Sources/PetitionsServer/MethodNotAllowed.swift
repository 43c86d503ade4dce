import Foundation
import Hummingbird

/// The answer to a known address asked with a method it does not take: 405 with an `Allow` header listing the ones it
/// does (RFC 9110, 15.5.6), in JSON under `/api/` like every other error, instead of the router's 404. Added to the
/// router after every route, so it runs only for requests that no route answered.
struct MethodNotAllowed: RouterMiddleware {
    typealias Context = OfficeContext

    /// One address: its path's parts and the methods it takes.
    struct Route {
        var components: [RouterPath.Element]
        var methods: [HTTPRequest.Method]
    }

    let routes: [Route]

    /// The routes `router` holds now (HEAD comes with GET).
    init(_ router: Router<OfficeContext>) {
        var byPath: [String: Route] = [:]
        var order: [String] = []
        for route in router.routes {
            let key = route.path.description
            if byPath[key] == nil {
                byPath[key] = Route(components: route.path.components, methods: [])
                order.append(key)
            }
            for method in route.method == .get ? [.get, .head] : [route.method] where byPath[key]?.methods.contains(method) == false {
                byPath[key]?.methods.append(method)
            }
        }
        routes = order.compactMap { byPath[$0] }
    }

    /// The methods the address `path` takes, in the order they were added; empty when no route has that address. An
    /// address written out whole in a route (`/deliveries/receipts`) takes only that route's methods, as the router
    /// matches it before one with a parameter in its place (`/deliveries/{id}`), which it never reaches.
    func methods(of path: String) -> [HTTPRequest.Method] {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        var found: [HTTPRequest.Method] = []
        var exact: [HTTPRequest.Method] = []
        for route in routes where route.components.count == parts.count {
            guard zip(route.components, parts).allSatisfy({ element, part in element ~= part }) else { continue }
            for m in route.methods where !found.contains(m) { found.append(m) }
            // A part written out: neither a parameter (`{id}`) nor a wildcard (`*`), as the router describes them.
            if route.components.allSatisfy({ !$0.description.contains("{") && !$0.description.contains("*") }) {
                exact += route.methods.filter { !exact.contains($0) }
            }
        }
        return exact.isEmpty ? found : exact
    }

    func handle(_ request: Request, context: OfficeContext, next: (Request, OfficeContext) async throws -> Response) async throws -> Response {
        let allowed = methods(of: request.uri.path)
        guard !allowed.isEmpty, !allowed.contains(request.method) else { return try await next(request, context) }
        let list = allowed.map(\.rawValue).joined(separator: ", ")
        throw APIFailure(
            status: .methodNotAllowed, message: "\(request.uri.path) does not take \(request.method.rawValue); it takes \(list).", field: nil,
            headers: [.allow: list])
    }
}
