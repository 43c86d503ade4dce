import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PetitionsApp
import PetitionsServer
import PetitionsTestSupport
import Testing

@Suite("Web application: the deliveries page") struct WebDeliveriesPageTests {
    /// The fixture with a second recipient, `a-post` (its handle sorts first), on a second decree from 1920-01 to
    /// 1928-12 (108 deliveries; 111 with dmitrov-post's three), its January delivery received in full: as of 1920-03-04
    /// the overdue are dmitrov-post's January and February and a-post's February.
    static func fixture() throws -> ServerFixture {
        let f = try ServerFixture()
        let ws = f.ledger.workspace
        _ = try AddGroup(name: "Postal employees of Aleksandrov", handle: "a-post", counts: [HeadCount(category: "employee", count: 10)]).run(in: ws)
        _ = try AddDecree(
            handle: "decree-1919", name: "Decree of 1919", issued: try Day(parsing: "1919-06-01"), supplier: "moscow-supply",
            rations: ["employee: 8 funt wheat"]
        ).run(in: ws)
        _ = try EnrolRecipient(decree: "decree-1919", recipient: "a-post", from: try Day(parsing: "1919-09-01")).run(in: ws)
        _ = try ScheduleDeliveries(decree: "decree-1919", from: try Period(parsing: "1920-01"), to: try Period(parsing: "1928-12")).run(in: ws)
        _ = try RecordReceipt(
            decree: "decree-1919", recipient: "a-post", period: try Period(parsing: "1920-01"), on: try Day(parsing: "1920-01-20"),
            quantities: ["80 funt wheat"]
        ).run(in: ws)
        return f
    }

    /// The rows of a deliveries page: recipient handle, period, and whether it is marked overdue.
    static func rows(_ page: String) -> [(recipient: String, period: String, late: Bool)] {
        page.components(separatedBy: "<tr").dropFirst().compactMap { row in
            guard let handle = row.range(of: #"href="/parties/"#) else { return nil }
            let recipient = String(row[handle.upperBound...].prefix { $0 != "\"" })
            let cells = row.components(separatedBy: "<td>")
            guard cells.count > 4 else { return nil }
            let period = String(cells[4].prefix { $0 != "<" })
            return (recipient, period, row.contains("(overdue)"))
        }
    }

    @Test("/deliveries pages 100 a page with the overdue first, then the rest by period, recipient and decree; page 2 the last 11")
    func overdueFirstPaged() async throws {
        let f = try Self.fixture()
        defer { f.ledger.remove() }
        let overdue = try ListOverdue(asOf: TemporaryLedger.today).run(in: f.ledger.workspace)
        try #require(overdue.count == 3, "\(overdue.map { "\($0.recipient) \($0.period)" })")
        try await f.test { client in
            let b = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            let first = try await client.execute(uri: "/deliveries", method: .get, headers: b.headers)
            #expect(first.status == .ok && first.text.contains("Rows 1–100 of 111, page 1 of 2."), "\(first.text)")
            let one = Self.rows(first.text)
            #expect(one.count == 100)
            let head = one.prefix(6).map { "\($0.recipient) \($0.period) \($0.late ? "overdue" : "-")" }
            #expect(
                head == [
                    "dmitrov-post 1920-01 overdue", "a-post 1920-02 overdue", "dmitrov-post 1920-02 overdue", "a-post 1920-01 -", "a-post 1920-03 -",
                    "dmitrov-post 1920-03 -",
                ], "\(head)")
            #expect(one.dropFirst(3).allSatisfy { !$0.late })
            #expect(one.last.map { "\($0.recipient) \($0.period)" } == "a-post 1928-01")

            let second = try await client.execute(uri: "/deliveries?page=2", method: .get, headers: b.headers)
            #expect(second.status == .ok && second.text.contains("Rows 101–111 of 111, page 2 of 2."))
            let two = Self.rows(second.text)
            #expect(two.map(\.period) == (2...12).map { String(format: "1928-%02d", $0) }, "\(two.map(\.period))")
            #expect(two.allSatisfy { $0.recipient == "a-post" && !$0.late })
            #expect(second.text.contains(#"href="/deliveries" rel="first""#) || second.text.contains("rel=\"prev\""))

            let past = try await client.execute(uri: "/deliveries?page=3", method: .get, headers: b.headers)
            #expect(past.status == .notFound && past.text.contains("there are 2 pages"))
        }
    }
}

extension WebDeliveriesPageTests {
    /// The page wrote a receipt in another unit "80 funt (as 32.76 kg) wheat", the commodity after what it came as;
    /// `delivery list`, `check` and `overdue` write "80 funt wheat (as 32.76 kg)".
    @Test func aReceiptInAnotherUnitReadsAsOnTheCommandLine() async throws {
        let f = try Self.fixture()
        defer { f.ledger.remove() }
        _ = try RecordReceipt(
            decree: "decree-1919", recipient: "a-post", period: try Period(parsing: "1920-02"), on: try Day(parsing: "1920-02-20"),
            quantities: ["10 kg wheat"]
        ).run(in: f.ledger.workspace)
        try await f.test { client in
            let b = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            let page = try await client.execute(uri: "/deliveries", method: .get, headers: b.headers).text
            #expect(page.contains(" funt wheat (as 10 kg)"), "\(page)")
            #expect(!page.contains("(as 10 kg) wheat"), "\(page)")
        }
    }
}
