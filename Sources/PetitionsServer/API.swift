import Foundation
import Hummingbird
import PetitionsApp

/// The JSON API under `/api/v1`: the same objects and keys as the commands' `--format json`.
enum API {
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
