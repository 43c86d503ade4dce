import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PetitionsApp
import PetitionsServer
import PetitionsTestSupport
import Testing

@Suite("Server: one ledger for its life, listings kept, nothing lost, 405") struct LoadTests {
    @Test("kept listings follow every write, through the server or beside it, and only the writes they read")
    func listingsFollowWrites() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            func count(_ path: String) async throws -> Int {
                try await client.execute(uri: "/api/v1/\(path)?as_of=1920-03-04", method: .get, headers: f.bearer(.reader)).array.count
            }
            let overdue = try await count("overdue")
            #expect(overdue >= 2)
            #expect(try await count("unanswered") == 0)
            let receipt = try await client.execute(
                uri: "/api/v1/receipts", method: .post, headers: f.bearer(.clerk, json: true),
                body: json(
                    #"{"decree":"decree-1918","recipient":"dmitrov-post","period":"1920-01","on":"1920-01-05","quantity":["1000 funt wheat"]}"#))
            #expect(receipt.status == .created, "\(receipt.text)")
            #expect(try await count("overdue") == overdue - 1)
            // Beside the server (the command line, another process): the ledger opened anew on the same file.
            _ = try RecordReceipt(
                decree: "decree-1918", recipient: "dmitrov-post", period: try Period(parsing: "1920-02"), on: try Day(parsing: "1920-02-05"),
                quantities: ["1000 funt wheat"]
            ).run(in: f.ledger.workspace)
            #expect(try await count("overdue") == overdue - 2)
            let letter = try await client.execute(
                uri: "/api/v1/letters", method: .post, headers: f.bearer(.clerk, json: true),
                body: json(#"{"direction":"sent","from":"dmitrov-post","to":"moscow-supply","on":"1920-01-21","subject":"Appeal"}"#))
            #expect(letter.status == .created, "\(letter.text)")
            #expect(try await count("unanswered") == 1)
            _ = try SendLetter(from: "dmitrov-post", to: "moscow-supply", on: try Day(parsing: "1920-01-22"), subject: "Second appeal").run(
                in: f.ledger.workspace)
            #expect(try await count("unanswered") == 2)
            #expect(try await count("overdue") == overdue - 2)
        }
    }

    @Test("a kept listing nobody asked for during 600 writes is still right, and so are the listings asked for meanwhile")
    func listingLeftBehindByManyWrites() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            func count(_ path: String) async throws -> Int {
                try await client.execute(uri: "/api/v1/\(path)?as_of=1920-03-04", method: .get, headers: f.bearer(.reader)).headers[
                    HTTPField.Name("X-Total-Count")!
                ].flatMap { Int($0) } ?? -1
            }
            let reader = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            let dashboard = "/?as_of=1920-03-04"
            let waiting = try #require(
                DrawnDashboardTests.waiting(try await client.execute(uri: dashboard, method: .get, headers: reader.headers).text))
            let overdue = try await count("overdue")
            let unanswered = try await count("unanswered")
            // 600 letters beside the server, more than the changes a request reads at once; the waiting letters are
            // asked for now and then, the overdue deliveries not at all.
            try f.ledger.workspace.oneOpening { w in
                for i in 0..<600 {
                    _ = try SendLetter(from: "dmitrov-post", to: "moscow-supply", on: try Day(parsing: "1920-01-21"), subject: "Letter \(i)")
                        .run(in: w)
                }
            }
            #expect(try await count("unanswered") == unanswered + 600)
            _ = try RecordReceipt(
                decree: "decree-1918", recipient: "dmitrov-post", period: try Period(parsing: "1920-01"), on: try Day(parsing: "1920-01-05"),
                quantities: ["1000 funt wheat"]
            ).run(in: f.ledger.workspace)
            #expect(try await count("overdue") == overdue - 1)
            #expect(try await count("unanswered") == unanswered + 600)
            let page = try await client.execute(uri: dashboard, method: .get, headers: reader.headers)
            #expect(DrawnDashboardTests.waiting(page.text) == waiting + 600, "\(page.text.prefix(2000))")
        }
    }

    @Test("writes sent at once are each recorded once, and every one acknowledged is in the ledger")
    func concurrentWrites() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let before = try ListLetters().run(in: f.ledger.workspace).count
        try await f.test { client in
            let acknowledged = try await withThrowingTaskGroup(of: Int.self) { group in
                for i in 0..<24 {
                    group.addTask {
                        let r = try await client.execute(
                            uri: "/api/v1/letters", method: .post, headers: f.bearer(.clerk, json: true),
                            body: json(#"{"direction":"sent","from":"dmitrov-post","to":"moscow-supply","on":"1920-01-21","subject":"Letter \#(i)"}"#)
                        )
                        return r.status == .created ? 1 : 0
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(acknowledged == 24)
        }
        #expect(try ListLetters().run(in: f.ledger.workspace).count == before + 24)
    }

    @Test("a known address asked with a method it does not take is 405 with Allow, in JSON under /api")
    func methodNotAllowed() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let cases: [(String, HTTPRequest.Method, String)] = [
                ("/api/v1/letters", .delete, "GET, HEAD, POST"), ("/api/v1/letters/1", .post, "GET, HEAD"), ("/api/v1/health", .put, "GET, HEAD"),
                ("/api/v1/receipts", .get, "POST"), ("/api/v1/petitions/7/status", .patch, "POST"),
            ]
            for (path, method, allow) in cases {
                let r = try await client.execute(uri: path, method: method, headers: f.bearer(.reader))
                #expect(r.status == .methodNotAllowed, "\(method) \(path)")
                #expect(r.headers[.allow] == allow, "\(method) \(path)")
                #expect(r.headers[.contentType]?.hasPrefix("application/json") == true)
                #expect((r.object["error"] as? String)?.contains("takes \(allow)") == true, "\(r.text)")
                #expect(r.headers[.xContentTypeOptions] == "nosniff")
            }
            let page = try await client.execute(uri: "/petitions", method: .delete)
            #expect(page.status == .methodNotAllowed)
            #expect(page.headers[.allow] == "GET, HEAD, POST")
            #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(try await client.execute(uri: "/api/v1/nothing-here", method: .delete, headers: f.bearer(.reader)).status == .notFound)
            // The receipt form's address shares its first part with a delivery's page (`/deliveries/{id}`): asked for with
            // GET, it is 405 as the other forms' addresses are, not 404 "no delivery".
            let reader = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            let form = try await client.execute(uri: "/deliveries/receipts", method: .get, headers: reader.headers)
            #expect(form.status == .methodNotAllowed && form.headers[.allow] == "POST", "\(form.status) \(form.text.prefix(400))")
            #expect(try await client.execute(uri: "/deliveries/7", method: .get, headers: reader.headers).status == .notFound)
        }
    }
}
