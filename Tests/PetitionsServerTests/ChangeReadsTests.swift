import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PetitionsApp
import PetitionsTestSupport
import Testing

@testable import PetitionsServer

/// Issue 14: a request reads what was recorded since the kept listings only when its route reads kept listings.
@Suite("Server: the changes read with the user") struct ChangeReadsTests {
    @Test("an API route without a kept listing reads no changes; the overdue and unanswered listings do, and stay right")
    func apiRoutes() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let changeReads = ChangeReads()
        let office = Office(settings: f.settings, onChangesRead: changeReads.count)
        try await Application(router: OfficeServer.router(f.settings, office: office)).test(.router) { client in
            func get(_ uri: String, _ method: HTTPRequest.Method = .get) async throws -> TestResponse {
                let r = try await client.execute(uri: uri, method: method, headers: f.bearer(.reader))
                #expect(r.status == .ok, "\(method) \(uri): \(r.status) \(r.text)")
                return r
            }
            // Nothing kept yet: nothing to read changes since.
            _ = try await get("/api/v1/overdue")
            #expect(changeReads.total == 0)
            _ = try await get("/api/v1/unanswered")
            #expect(changeReads.total == 1)
            let routes = [
                "/api/v1/letters", "/api/v1/parties", "/api/v1/parties/dmitrov-post", "/api/v1/search?q=provisions", "/api/v1/petitions",
                "/api/v1/petitions/1", "/api/v1/deliveries", "/api/v1/events", "/api/v1/check",
            ]
            for uri in routes {
                _ = try await get(uri)
                _ = try await get(uri, .head)
            }
            #expect(changeReads.total == 1, "routes without a kept listing read changes")
            // A write reads none either, and the listings that do read them answer what it recorded.
            let before = try await get("/api/v1/unanswered").headers[HTTPField.Name("X-Total-Count")!]
            #expect(changeReads.total == 2)
            let sent = try await client.execute(
                uri: "/api/v1/letters", method: .post, headers: f.bearer(.clerk, json: true),
                body: json(#"{"direction":"sent","from":"dmitrov-post","to":"moscow-supply","subject":"Appeal","on":"1920-02-01"}"#))
            #expect(sent.status == .created, "\(sent.text)")
            #expect(changeReads.total == 2)
            let after = try await get("/api/v1/unanswered").headers[HTTPField.Name("X-Total-Count")!]
            #expect(changeReads.total == 3)
            #expect(after.flatMap { Int($0) } == before.flatMap { Int($0) }.map { $0 + 1 })
        }
    }

    @Test("a page without kept listings reads changes since the office's name only; the listing pages since the earliest kept")
    func webPages() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let changeReads = ChangeReads()
        let office = Office(settings: f.settings, onChangesRead: changeReads.count)
        try await Application(router: OfficeServer.router(f.settings, office: office)).test(.router) { client in
            let reader = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            for page in Web.listingRoutes.sorted() {
                let r = try await client.execute(uri: page, method: .get, headers: reader.headers)
                #expect(r.status == .ok, "\(page)")
            }
            // Something recorded since: the dashboard's listings stay where they were, the office's name moves on.
            _ = try SendLetter(from: "dmitrov-post", to: "moscow-supply", on: try Day(parsing: "1920-02-01"), subject: "Appeal", petition: 1)
                .run(in: f.ledger.workspace)
            _ = try await client.execute(uri: "/petitions/1", method: .get, headers: reader.headers)
            let name = await office.listings.earliestEvent(of: [Web.officeNameKey])
            let earliest = await office.listings.earliestKept()
            #expect(name != nil && earliest != nil && name != earliest, "\(String(describing: name)) \(String(describing: earliest))")
            let reads = changeReads.total
            _ = try await client.execute(uri: "/petitions/1", method: .get, headers: reader.headers)
            #expect(changeReads.total == reads + 1 && changeReads.lastSince == name)
            for page in Web.listingRoutes.sorted() {
                let kept = await office.listings.earliestKept()
                _ = try await client.execute(uri: page, method: .get, headers: reader.headers)
                #expect(changeReads.lastSince == kept, "\(page)")
            }
        }
    }
}

/// The lookups that read changes (`Office.lookUp`), counted, and the event the last one read from: the observer a
/// test gives the office.
final class ChangeReads: @unchecked Sendable {
    private let lock = NSLock()
    private var counted = 0
    private var since: Int64?

    @Sendable func count(_ event: Int64) {
        lock.withLock {
            counted += 1
            since = event
        }
    }

    var total: Int { lock.withLock { counted } }
    var lastSince: Int64? { lock.withLock { since } }
}
