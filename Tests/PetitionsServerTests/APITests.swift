import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PetitionsApp
import PetitionsServer
import PetitionsTestSupport
import Testing

@Suite("JSON API") struct APITests {
    @Test("HEAD is answered as GET without a body, as the Allow header of a 405 promises")
    func head() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let r = try await client.execute(uri: "/api/v1/health", method: .head)
            #expect(r.status == .ok && r.body.readableBytes == 0, "\(r.status)")
            #expect(r.headers[.contentType]?.hasPrefix("application/json") == true)
            let page = try await client.execute(uri: "/login", method: .head)
            #expect(page.status == .ok && page.body.readableBytes == 0 && page.headers[.xContentTypeOptions] == "nosniff")
        }
    }

    @Test("health answers without a token, with the security headers")
    func health() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let r = try await client.execute(uri: "/api/v1/health", method: .get)
            #expect(r.status == .ok)
            #expect(r.object["status"] as? String == "ok")
            #expect(r.headers[.contentSecurityPolicy] == "default-src 'self'")
            #expect(r.headers[.xContentTypeOptions] == "nosniff")
            #expect(r.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
            #expect(r.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
        }
    }

    @Test("no token, a bad token, a revoked token and a disabled user's token are 401, with the headers")
    func unauthorized() async throws {
        var f = try ServerFixture()
        defer { f.ledger.remove() }
        let spare = try IssueToken(name: "reader-user").run(in: f.ledger.workspace)
        _ = try RevokeToken(id: spare.token.id).run(in: f.ledger.workspace)
        let clerkToken = f.tokens[.clerk]
        try await f.test { client in
            let none = try await client.execute(uri: "/api/v1/petitions", method: .get)
            #expect(none.status == .unauthorized)
            #expect(none.headers[.wwwAuthenticate] == "Bearer")
            #expect(none.headers[.xContentTypeOptions] == "nosniff")
            #expect(none.object["error"] is String)
            let bad = try await client.execute(uri: "/api/v1/petitions", method: .get, headers: [.authorization: "Bearer pt_nonsense"])
            #expect(bad.status == .unauthorized)
            let revoked = try await client.execute(uri: "/api/v1/petitions", method: .get, headers: [.authorization: "Bearer \(spare.secret)"])
            #expect(revoked.status == .unauthorized)
            let before = try await client.execute(uri: "/api/v1/petitions", method: .get, headers: [.authorization: "Bearer \(clerkToken ?? "")"])
            #expect(before.status == .ok)
        }
        _ = try DisableUser(name: "clerk-user").run(in: f.ledger.workspace)
        f.tokens[.reader] = nil
        try await f.test { client in
            let after = try await client.execute(uri: "/api/v1/petitions", method: .get, headers: [.authorization: "Bearer \(clerkToken ?? "")"])
            #expect(after.status == .unauthorized)
        }
    }

    @Test("readings answer what the commands print with --format json")
    func readingsAsTheCommandLine() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let ws = f.ledger.workspace
        let overdue = String(decoding: try HouseJSONEncoder().encode(try ListOverdue(asOf: TemporaryLedger.today).run(in: ws)), as: UTF8.self)
        let petitions = String(decoding: try HouseJSONEncoder().encode(try ListPetitions().run(in: ws)), as: UTF8.self)
        try await f.test { client in
            let o = try await client.execute(uri: "/api/v1/overdue", method: .get, headers: f.bearer(.reader))
            #expect(o.status == .ok)
            #expect(o.text == overdue + "\n")
            #expect(!o.array.isEmpty)
            let p = try await client.execute(uri: "/api/v1/petitions", method: .get, headers: f.bearer(.reader))
            #expect(p.text == petitions + "\n")
            for path in [
                "unanswered?as_of=1920-03-04", "check", "report", "events", "deliveries?period=1920-01", "letters", "parties",
                "parties?kind=authority",
                "parties/moscow-supply", "petitions/1", "petitions?status=open&party=dmitrov-post&search=january",
            ] {
                let r = try await client.execute(uri: "/api/v1/" + path, method: .get, headers: f.bearer(.reader))
                #expect(r.status == .ok, "\(path): \(r.text)")
                #expect(r.headers[.contentType]?.hasPrefix("application/json") == true)
            }
            let check = try await client.execute(uri: "/api/v1/check?as_of=1920-03-04", method: .get, headers: f.bearer(.reader))
            #expect(check.object["as_of"] as? String == "1920-03-04")
            #expect(check.object["findings"] is [Any])
            let filtered = try await client.execute(uri: "/api/v1/petitions?party=nobody", method: .get, headers: f.bearer(.reader))
            #expect(filtered.array.isEmpty)
        }
    }

    @Test("the report comes in every format, and CSV needs a section")
    func report() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let html = try await client.execute(uri: "/api/v1/report?format=html", method: .get, headers: f.bearer(.reader))
            #expect(html.status == .ok)
            #expect(html.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(html.text.contains("<html"))
            for format in ["markdown", "text", "json"] {
                let r = try await client.execute(uri: "/api/v1/report?format=\(format)&as_of=1920-03-04", method: .get, headers: f.bearer(.reader))
                #expect(r.status == .ok)
            }
            // Written into the answer as laid out: the same bytes as the report rendered whole, in every format and section.
            let day = try Day(parsing: "1920-03-04")
            let whole = try BuildReport(asOf: day).run(in: f.ledger.workspace)
            let expected: [(String, String)] =
                [
                    ("markdown", ReportMarkdown.render(whole)), ("text", ReportText.render(whole, colour: false)),
                    ("html", ReportHTML.render(whole)), ("json", String(decoding: try HouseJSONEncoder().encode(whole), as: UTF8.self) + "\n"),
                ]
                + (try ReportCSV.sections.map {
                    ("csv&section=\($0)", try ReportCSV.render(try BuildReport(asOf: day, section: $0).run(in: f.ledger.workspace), section: $0))
                })
            for (format, bytes) in expected {
                let r = try await client.execute(uri: "/api/v1/report?format=\(format)&as_of=1920-03-04", method: .get, headers: f.bearer(.reader))
                #expect(r.status == .ok && r.text == bytes, "\(format)")
            }
            let csv = try await client.execute(uri: "/api/v1/report?format=csv", method: .get, headers: f.bearer(.reader))
            #expect(csv.status == .badRequest)
            #expect(csv.object["field"] as? String == "section")
            let bad = try await client.execute(uri: "/api/v1/report?format=pdf", method: .get, headers: f.bearer(.reader))
            #expect(bad.status == .badRequest)
            #expect(bad.object["field"] as? String == "format")
            // The command's filters apply, by the same names; an unknown one is said, not dropped.
            let redacted = try await client.execute(uri: "/api/v1/report?redact=true&as_of=1920-03-04", method: .get, headers: f.bearer(.reader))
            #expect(redacted.status == .ok && redacted.object["redacted"] as? Bool == true, "\(redacted.text.prefix(300))")
            let since = try await client.execute(uri: "/api/v1/report?since=1920-13-01", method: .get, headers: f.bearer(.reader))
            #expect(since.status == .badRequest && since.object["field"] as? String == "since", "\(since.text)")
            let nobody = try await client.execute(uri: "/api/v1/report?recipient=nobody-at-all", method: .get, headers: f.bearer(.reader))
            #expect(nobody.status == .badRequest, "\(nobody.text)")
        }
    }

    @Test("a bad day in the query is 400 naming the field")
    func badQuery() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let r = try await client.execute(uri: "/api/v1/overdue?as_of=1920-13-45", method: .get, headers: f.bearer(.reader))
            #expect(r.status == .badRequest)
            #expect(r.object["field"] as? String == "as_of")
            #expect((r.object["error"] as? String)?.contains("1920-13-45") == true)
        }
    }

    @Test("unknown ids and handles in the path are 404; an unknown route is 404 in JSON")
    func notFound() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            // An id is written one way: "+1", "01" or "1 " are not petition 1.
            for path in [
                "petitions/99", "petitions/abc", "parties/nobody", "letters/12", "nothing-here", "petitions/+1", "petitions/01", "petitions/%2B1",
                "petitions/1%20",
            ] {
                let r = try await client.execute(uri: "/api/v1/" + path, method: .get, headers: f.bearer(.reader))
                #expect(r.status == .notFound, "\(path)")
                #expect(r.object["error"] is String, "\(path): \(r.text)")
            }
            let status = try await client.execute(
                uri: "/api/v1/petitions/99/status", method: .post, headers: f.bearer(.clerk, json: true),
                body: json(#"{"to":"answered","on":"1920-03-01"}"#))
            #expect(status.status == .notFound)
        }
    }

    @Test("docs/openapi.yaml is served at /api/v1/openapi.yaml, byte for byte, without a token")
    func openAPI() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = try String(contentsOf: root.appendingPathComponent("docs/openapi.yaml"), encoding: .utf8)
        try await f.test { client in
            let r = try await client.execute(uri: "/api/v1/openapi.yaml", method: .get)
            #expect(r.status == .ok)
            #expect(r.text == file)
            #expect(r.text.hasPrefix("openapi: 3.1"))
        }
        // Any operation may answer 414 (an address over 8 KiB) and 431 (headers over the bound): every one says so.
        let lines = file.split(separator: "\n", omittingEmptySubsequences: false)
        var operations: [String] = []
        var path = ""
        for line in lines {
            if line.hasPrefix("  /"), line.hasSuffix(":") { path = String(line.dropLast()) }
            for method in ["get", "post", "put", "patch", "delete"] where line == "    \(method):" { operations.append("\(method) \(path)") }
        }
        let tooLong = lines.filter { $0.contains(##""414": {$ref: "#/components/responses/AddressTooLong"}"##) }.count
        let tooLarge = lines.filter { $0.contains(##""431": {$ref: "#/components/responses/HeadersTooLarge"}"##) }.count
        #expect(operations.count > 20 && tooLong == operations.count && tooLarge == operations.count, "\(operations)")
    }
}
