import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PetitionsApp
import PetitionsServer
import PetitionsTestSupport
import Testing

/// The defects the nineteenth probe (the web application as an attacker and as a caseworker) found in the server.
@Suite("Office server: the nineteenth probe") struct ServerTrial19Tests {
    @Test("logins sent all at once for a name get its 5 free attempts between them, not one each: the rest wait a minute")
    func throttleHoldsForLoginsAtOnce() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            // Each attempt from a browser of its own, as a script guessing in parallel would send them.
            var browsers: [Browser] = []
            for _ in 0..<12 {
                var b = Browser()
                b.read(try await client.execute(uri: "/login", method: .get))
                browsers.append(b)
            }
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for (n, b) in browsers.enumerated() {
                    group.addTask {
                        try await client.execute(
                            uri: "/login", method: .post, headers: b.formHeaders, body: b.form([("name", "reader-user"), ("password", "guess-\(n)")])
                        ).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            // The password was checked for at most 5 of them (each then refused, 401); the others were not tried (429).
            #expect(statuses.filter { $0 == .unauthorized }.count <= 5, "\(statuses)")
            #expect(statuses.filter { $0 == .tooManyRequests }.count >= 7, "\(statuses)")
            var b = Browser()
            b.read(try await client.execute(uri: "/login", method: .get))
            let right = try await client.execute(
                uri: "/login", method: .post, headers: b.formHeaders,
                body: b.form([("name", "reader-user"), ("password", ServerFixture.passwords[.reader] ?? "")]))
            #expect(right.status == .tooManyRequests)
        }
    }
}
