import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PetitionsApp
import PetitionsServer
import PetitionsTestSupport
import Testing

/// Issue 13's leftovers from the twentieth session's probe of the office server.
@Suite("Server: the twentieth probe's leftovers") struct ServerLeftover21Tests {
    @Test("a form over 1 MiB is 413 as a page of the site with a way back to its page; the API's 413 stays JSON")
    func formTooLarge() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let before = try f.eventCount()
        try await f.test { client in
            let b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            var headers = b.formHeaders
            headers[.referer] = "http://localhost/petitions/1"
            let long = String(repeating: "a", count: 1_100_000)
            let body = b.form([("text", long), ("on", "1920-02-01")])
            var declared = headers
            declared[.contentLength] = String(body.readableBytes)
            for h in [headers, declared] {
                let r = try await client.execute(uri: "/petitions/1/notes", method: .post, headers: h, body: body)
                #expect(r.status == .contentTooLarge, "\(r.status)")
                #expect(r.text.contains(#"<nav aria-label="Main">"#), "the site's layout, signed in: \(r.text)")
                #expect(r.text.contains("at most 1 MiB"), "\(r.text)")
                #expect(r.text.contains(#"<a href="/petitions/1">"#), "a way back to the form's page: \(r.text)")
            }
            // A form sent as multipart/form-data, the same.
            let boundary = "XyZ"
            var multi = b.headers
            multi[.contentType] = "multipart/form-data; boundary=\(boundary)"
            multi[.referer] = "http://localhost/petitions/1"
            let parts = "--\(boundary)\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n\(long)\r\n--\(boundary)--\r\n"
            let m = try await client.execute(uri: "/petitions/1/notes", method: .post, headers: multi, body: ByteBuffer(string: parts))
            #expect(m.status == .contentTooLarge && m.text.contains(#"<nav aria-label="Main">"#), "\(m.status) \(m.text)")
            // The API's is its JSON error body.
            let api = try await client.execute(
                uri: "/api/v1/petitions/1/notes", method: .post, headers: f.bearer(.clerk, json: true),
                body: ByteBuffer(string: #"{"text":"\#(long)"}"#))
            #expect(api.status == .contentTooLarge)
            #expect(api.object["error"] as? String == "The request's body is too large (at most 1 MiB).", "\(api.text.prefix(300))")
        }
        #expect(try f.eventCount() == before)
    }
}

extension ServerLeftover21Tests {
    @Test("HEAD of the report answers as GET does when the calendar in force can no longer be read")
    func headLoadsTheRules() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let calendar = f.ledger.path + ".calendar.toml"
        try String(contentsOfFile: Self.configCalendar, encoding: .utf8).write(toFile: calendar, atomically: true, encoding: .utf8)
        var settings = f.settings
        settings.environment = ["PETITIONS_CALENDAR": calendar]
        let app = Application(router: OfficeServer.router(settings))
        try await app.test(.router) { client in
            let b = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            let fine = try await client.execute(uri: "/api/v1/report", method: .head, headers: f.bearer(.reader))
            #expect(fine.status == .ok)
            // The calendar broken, and an event that has the server read the office, calendar and rules again.
            try "this is [not toml\n".write(toFile: calendar, atomically: true, encoding: .utf8)
            _ = try SetOffice(name: "Dmitrov office").run(in: f.ledger.workspace)
            for uri in ["/api/v1/report", "/api/v1/report?format=html", "/api/v1/report?format=csv&section=petitions"] {
                let get = try await client.execute(uri: uri, method: .get, headers: f.bearer(.reader))
                let head = try await client.execute(uri: uri, method: .head, headers: f.bearer(.reader))
                #expect(get.status.code >= 400, "\(uri): \(get.status)")
                #expect(head.status == get.status, "\(uri): GET \(get.status), HEAD \(head.status)")
            }
            for uri in ["/report", "/report?format=json"] {
                let get = try await client.execute(uri: uri, method: .get, headers: b.headers)
                let head = try await client.execute(uri: uri, method: .head, headers: b.headers)
                #expect(get.status.code >= 400, "\(uri): \(get.status)")
                #expect(head.status == get.status, "\(uri): GET \(get.status), HEAD \(head.status)")
            }
        }
    }

    /// The calendar the repository ships.
    static let configCalendar = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("config/calendar.toml").path
}
extension ServerLeftover21Tests {
    @Test("/deliveries takes the dashboard's as_of: lateness as of that day, a bad day beside its field, kept in the menu and the pages")
    func deliveriesAsOf() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        // More than a page of deliveries.
        _ = try ScheduleDeliveries(decree: "decree-1918", from: try Period(parsing: "1920-04"), to: try Period(parsing: "1929-12")).run(
            in: f.ledger.workspace)
        try await f.test { client in
            let b = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            let today = try await client.execute(uri: "/deliveries", method: .get, headers: b.headers)
            #expect(today.status == .ok && today.text.contains("(overdue)"), "\(today.text)")
            // Before any delivery was due, none is late.
            let early = try await client.execute(uri: "/deliveries?as_of=1919-12-01", method: .get, headers: b.headers)
            #expect(early.status == .ok, "\(early.status) \(early.text)")
            #expect(!early.text.contains("(overdue)"), "\(early.text)")
            #expect(early.text.contains(#"value="1919-12-01""#), "the day field, filled: \(early.text)")
            // The paging links and the menu keep the day.
            #expect(early.text.contains(#"href="/deliveries?as_of=1919-12-01&amp;page=2""#), "\(early.text)")
            #expect(early.text.contains(#"<a href="/deliveries?as_of=1919-12-01">Deliveries</a>"#), "\(early.text)")
            #expect(early.text.contains(#"<a href="/?as_of=1919-12-01">Dashboard</a>"#), "\(early.text)")
            // From the dashboard as of that day, the menu leads to the deliveries as of it.
            let dashboard = try await client.execute(uri: "/?as_of=1919-12-01", method: .get, headers: b.headers)
            #expect(dashboard.text.contains(#"<a href="/deliveries?as_of=1919-12-01">Deliveries</a>"#), "\(dashboard.text)")
            #expect(dashboard.text.contains(#"<a href="/report?as_of=1919-12-01">Report</a>"#), "\(dashboard.text)")
            // Pages that do not take the day are not sent it.
            #expect(dashboard.text.contains(#"<a href="/petitions">Petitions</a>"#), "\(dashboard.text)")
            let overdue = try await client.execute(uri: "/overdue?as_of=1919-12-01", method: .get, headers: b.headers)
            #expect(overdue.text.contains(#"<a href="/deliveries?as_of=1919-12-01">Deliveries</a>"#), "\(overdue.text)")
            // Without a day, the menu is as it was.
            #expect(today.text.contains(#"<a href="/deliveries">Deliveries</a>"#) && today.text.contains(#"<a href="/">Dashboard</a>"#))
            // A day that is not one: the dashboard's sentence beside the day field, 400.
            let bad = try await client.execute(uri: "/deliveries?as_of=1920-02-30", method: .get, headers: b.headers)
            let badDashboard = try await client.execute(uri: "/?as_of=1920-02-30", method: .get, headers: b.headers)
            #expect(bad.status == .badRequest && badDashboard.status == .badRequest, "\(bad.status)")
            let said = try #require(errorBeside("as_of", in: badDashboard.text))
            #expect(errorBeside("as_of", in: bad.text) == said, "\(bad.text)")
            #expect(bad.text.contains(#"value="1920-02-30""#), "\(bad.text)")
            #expect(!bad.text.contains("<table>"), "\(bad.text)")
        }
    }
}

extension ServerLeftover21Tests {
    @Test("a receipt recorded from the deliveries as of a day comes back to them as of that day")
    func receiptKeepsTheDay() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let page = try await client.execute(uri: "/deliveries?as_of=1920-03-04", method: .get, headers: b.headers)
            #expect(page.text.contains(#"action="/deliveries/receipts?as_of=1920-03-04""#), "\(page.text)")
            let receipt = [
                ("decree", "decree-1918"), ("recipient", "dmitrov-post"), ("period", "1920-01"), ("on", "1920-01-09"),
                ("quantity", "100 funt wheat"),
            ]
            let asOf = try await client.execute(
                uri: "/deliveries/receipts?as_of=1920-03-04", method: .post, headers: b.formHeaders, body: b.form(receipt))
            #expect(asOf.status == .seeOther, "\(asOf.status) \(asOf.text)")
            #expect(asOf.headers[.location] == "/deliveries?as_of=1920-03-04")
            // A refused one comes back as of the day too, beside its field.
            var wrong = receipt
            wrong[3] = ("on", "1920-02-30")
            let refused = try await client.execute(
                uri: "/deliveries/receipts?as_of=1920-03-04", method: .post, headers: b.formHeaders, body: b.form(wrong))
            #expect(refused.status == .badRequest, "\(refused.status)")
            #expect(refused.text.contains(#"action="/deliveries/receipts?as_of=1920-03-04""#), "\(refused.text)")
            // Without a day, as before.
            let today = try await client.execute(uri: "/deliveries/receipts", method: .post, headers: b.formHeaders, body: b.form(receipt))
            #expect(today.headers[.location] == "/deliveries", "\(today.status)")
            let page2 = try await client.execute(uri: "/deliveries", method: .get, headers: b.headers)
            #expect(page2.text.contains(#"action="/deliveries/receipts""#), "\(page2.text)")
        }
    }
}
