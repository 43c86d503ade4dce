import Foundation
import Hummingbird
import PetitionsApp

/// The JSON API under `/api/v1`: the same objects and keys as the commands' `--format json`.
enum API {
    /// The routes whose handlers read kept listings (ListingCache) and pass `OfficeContext.changes` on to them: for
    /// these alone BearerAuth reads what was recorded since the earliest kept listing with the user (`Office.lookUp`).
    /// A route that reads a kept listing without being here still answers right, at the cost of a trip of its own to
    /// ask what changed; one here that reads none costs every request that trip's query for nothing.
    static let listingRoutes: Set<String> = ["/api/v1/overdue", "/api/v1/unanswered"]

    /// Adds every route of the API to `router`.
    static func add(to router: Router<OfficeContext>, office: Office) {
        let open = router.group("api/v1")
        open.get("health") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: "{\"status\":\"ok\"}\n")))
        }
        open.get("openapi.yaml") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: OpenAPIDocument.text + "\n")))
        }
        let api = router.group("api/v1").add(middleware: BearerAuth(office: office)).add(middleware: QueryKeys.api)
        addReads(to: api, office: office)
        addRecords(to: api, office: office)
        addParties(to: api, office: office)
        addCasework(to: api, office: office)
        addAttachments(to: api, office: office)
    }
}
