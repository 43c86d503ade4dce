import Foundation
import HummingbirdTesting
import PetitionsTestSupport
import Testing

/// The dashboard's body is drawn once from its listings and kept for every session until they change.
@Suite struct DrawnDashboardTests {
    /// The dashboard's "Letters waiting" card.
    static func waiting(_ page: String) -> Int? {
        guard let r = page.range(of: "<dt>Letters waiting</dt><dd>") else { return nil }
        return Int(page[r.upperBound...].prefix { $0 != "<" }.filter { $0 != "," })
    }

    @Test("a dashboard kept between views shows each user their own name and CSRF token, and a letter recorded at once")
    func keptDashboard() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let reader = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            let clerk = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let path = "/?as_of=1920-03-04"
            let first = try await client.execute(uri: path, method: .get, headers: reader.headers)
            let seenByClerk = try await client.execute(uri: path, method: .get, headers: clerk.headers)
            #expect(first.text.contains("reader-user") && !first.text.contains("clerk-user"))
            #expect(seenByClerk.text.contains("clerk-user") && !seenByClerk.text.contains("reader-user"))
            #expect(first.text.contains(reader.csrf) && !first.text.contains(clerk.csrf))
            #expect(seenByClerk.text.contains(clerk.csrf) && !seenByClerk.text.contains(reader.csrf))
            let before = try #require(Self.waiting(first.text))
            #expect(Self.waiting(seenByClerk.text) == before)
            #expect(!first.text.contains("Kept pages are drawn again"))

            let letter = try await client.execute(
                uri: "/petitions/1/letters", method: .post, headers: clerk.formHeaders,
                body: clerk.form([
                    ("direction", "sent"), ("from", "dmitrov-post"), ("to", "moscow-supply"), ("on", "1920-01-21"),
                    ("subject", "Kept pages are drawn again"),
                ]))
            #expect(letter.status == .seeOther)
            let after = try await client.execute(uri: path, method: .get, headers: reader.headers)
            #expect(after.text.contains("Kept pages are drawn again"))
            #expect(Self.waiting(after.text) == before + 1)
            // Another day is drawn from its own listings, not from the kept body of 1920-03-04.
            let earlier = try await client.execute(uri: "/?as_of=1920-01-22", method: .get, headers: reader.headers)
            #expect(earlier.text.contains(#"value="1920-01-22""#) && !earlier.text.contains(#"value="1920-03-04""#))
        }
    }
}
