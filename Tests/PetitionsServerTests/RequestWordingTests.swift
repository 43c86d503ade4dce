import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PetitionsApp
import PetitionsTestSupport
import Testing

@testable import PetitionsServer

/// Refusals in the request's own words: fields named as the body and query keys (`on`, `in_reply_to`), never as the
/// command's options (`--on`).
@Suite("Refusals in the request's words") struct RequestWordingTests {
    /// A request, and a piece of the sentence its refusal must say.
    struct Refused: Sendable {
        var method: HTTPRequest.Method
        var uri: String
        var body: String?
        var says: String
        var field: String
    }

    static let refused: [Refused] = [
        Refused(
            method: .post, uri: "/api/v1/letters",
            body: #"{"direction":"sent","from":"dmitrov-post","to":"moscow-supply","on":"1920-01-02","subject":"Early","petition":1}"#,
            says: "on '1920-01-02' is before petition 1 was opened on 1920-01-20", field: "on"),
        Refused(
            method: .post, uri: "/api/v1/letters",
            body: #"{"direction":"received","from":"moscow-supply","to":"dmitrov-post","on":"1920-02-02","subject":"Reply","in_reply_to":999}"#,
            says: "in_reply_to: no letter with id 999", field: "in_reply_to"),
        Refused(
            method: .post, uri: "/api/v1/receipts",
            body: #"{"decree":"decree-1918","recipient":"dmitrov-post","period":"1920-01","on":"1920-01-10","quantity":[]}"#,
            says: "quantity: say what came, e.g. quantity '1000 funt wheat'", field: "quantity"),
        // The command's advice (`with \`petitions delivery schedule\``) is no request's to follow: left out.
        Refused(
            method: .post, uri: "/api/v1/receipts",
            body: #"{"decree":"decree-1918","recipient":"dmitrov-post","period":"1921-01","on":"1920-01-10","quantity":["1 funt wheat"]}"#,
            says: "period: no delivery of decree-1918 to dmitrov-post is scheduled for 1921-01; schedule it first.", field: "period"),
        Refused(method: .get, uri: "/api/v1/events?kind=nothing", body: nil, says: "kind 'nothing' is not a kind of event", field: "kind"),
        Refused(method: .get, uri: "/api/v1/letters?party=nobody", body: nil, says: "party: no party 'nobody'", field: "party"),
        // A misspelt filter was dropped without a word, and every petition passed for the resolved ones.
        Refused(
            method: .get, uri: "/api/v1/petitions?stauts=resolved", body: nil,
            says: "'stauts' is not a key of this address; this address reads status, party, search, limit, offset", field: "stauts"),
        Refused(
            method: .get, uri: "/api/v1/petitions/1?verbose=1", body: nil, says: "'verbose' is not a key of this address; this address reads no keys",
            field: "verbose"),
        Refused(
            method: .get, uri: "/api/v1/report?format=csv&section=bogus", body: nil,
            says: "section 'bogus' is not a section of the report; choose one of",
            field: "section"),
        // A sent letter answering one was told "in_reply_to: expected text" for the number the document asks for.
        Refused(
            method: .post, uri: "/api/v1/letters",
            body: #"{"direction":"sent","from":"dmitrov-post","to":"moscow-supply","on":"1920-02-02","subject":"Again","in_reply_to":1}"#,
            says: "in_reply_to: a letter sent answers nothing here; give it for a letter received.", field: "in_reply_to"),
    ]

    @Test("API refusals name the request's field (on, in_reply_to, quantity, kind, party), never a command-line option")
    func apiFieldNames() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let before = try f.eventCount()
        try await f.test { client in
            for r in Self.refused {
                let answer = try await client.execute(
                    uri: r.uri, method: r.method, headers: f.bearer(.clerk, json: true), body: r.body.map { json($0) } ?? ByteBuffer())
                let sentence = answer.object["error"] as? String ?? ""
                #expect(answer.status == .badRequest, "\(r.uri): \(answer.status) \(answer.text)")
                #expect(sentence.contains(r.says), "\(r.uri): \(sentence)")
                #expect(!sentence.contains("--") && !sentence.contains("`") && !sentence.contains("petitions "), "\(r.uri): \(sentence)")
                #expect(answer.object["field"] as? String == r.field, "\(r.uri): \(answer.text)")
            }
        }
        #expect(try f.eventCount() == before)
    }

    @Test("a web form refused by the ledger shows the field's name beside it, not the option's")
    func webFieldNames() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let page = try await client.execute(uri: "/petitions?party=nobody", method: .get, headers: b.headers)
            #expect(page.text.contains("party: no party"), "\(page.text)")
            #expect(!page.text.contains("--party"))
            // The last admin: the command's advice `(user role NAME --to admin)` read "(user role NAME to admin)".
            let admin = try await Browser.logIn(client, "admin-user", ServerFixture.passwords[.admin] ?? "")
            let refused = try await client.execute(
                uri: "/admin/users/disable", method: .post, headers: admin.formHeaders, body: admin.form([("name", "admin-user")]))
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("is the last admin who can log in; make another user admin first.</strong>"), "\(refused.text)")
            #expect(!refused.text.contains("user role NAME"))
        }
    }

    @Test("options become fields outside quotes; a value the sender gave keeps its dashes")
    func wording() {
        #expect(PetitionsError.requestWording("--in-reply-to: no letter with id 9.") == "in_reply_to: no letter with id 9.")
        #expect(
            PetitionsError.requestWording("--from: no party '--to-x'; did you mean 'a--b'?") == "from: no party '--to-x'; did you mean 'a--b'?")
        #expect(PetitionsError.requestWording("give --petition (the petition's id).") == "give petition (the petition's id).")
        #expect(PetitionsError.requestWording("a range 1--2 and -- alone") == "a range 1--2 and -- alone")
        // Advice for the command line is left out; other parentheses stay.
        #expect(
            PetitionsError.requestWording("name 'vera' is the last admin; make another admin first (user role NAME --to admin).")
                == "name 'vera' is the last admin; make another admin first.")
        #expect(
            PetitionsError.requestWording("--period: none for 1921-01; schedule it first with `petitions delivery schedule`.")
                == "period: none for 1921-01; schedule it first.")
        #expect(PetitionsError.requestWording("no petition 9 (ids run up to 6).") == "no petition 9 (ids run up to 6).")
    }

    @Test("a JSON body with a trailing comma, a key given twice or a quoted boolean is 400 naming the field; nothing is recorded")
    func strictJSON() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let before = try f.eventCount()
        let letter = #""direction":"sent","from":"dmitrov-post","to":"moscow-supply","on":"1920-02-01","subject":"Strict""#
        // (body, the field named, a piece of the sentence)
        let cases: [(String, String, String)] = [
            ("{\(letter),}", "subject", "subject: a comma follows this last field"),
            ("{\(letter),\n  \"on\": \"1920-02-03\"}", "on", "on is given twice"),
            ("{\(letter),\"\\u006fn\":\"1920-02-03\"}", "on", "on is given twice"),
            ("{\(letter),\"no_reply_expected\":\"yes\"}", "no_reply_expected", "no_reply_expected 'yes' is not true or false"),
            ("{\(letter),\"no_reply_expected\":1}", "no_reply_expected", "no_reply_expected '1' is not true or false"),
        ]
        try await f.test { client in
            for (body, field, says) in cases {
                let r = try await client.execute(uri: "/api/v1/letters", method: .post, headers: f.bearer(.clerk, json: true), body: json(body))
                #expect(r.status == .badRequest, "\(body): \(r.status) \(r.text)")
                #expect(r.object["field"] as? String == field, "\(body): \(r.text)")
                #expect((r.object["error"] as? String)?.contains(says) == true, "\(body): \(r.text)")
            }
            let twice = try await client.execute(
                uri: "/api/v1/letters", method: .post, headers: f.bearer(.clerk, json: true), body: json("{\(letter),\"on\":\"1920-02-03\"}"))
            #expect(twice.object["error"] as? String == "on is given twice in the request's body; give it once.", "\(twice.text)")
            let receipt = #"{"decree":"decree-1918","recipient":"dmitrov-post","period":"1920-01","on":"1920-01-10","quantity":["1 funt wheat",]}"#
            let r = try await client.execute(uri: "/api/v1/receipts", method: .post, headers: f.bearer(.clerk, json: true), body: json(receipt))
            #expect(r.status == .badRequest && r.object["field"] as? String == "quantity", "\(r.text)")
            #expect((r.object["error"] as? String)?.contains("quantity: a comma follows the last item") == true, "\(r.text)")
        }
        #expect(try f.eventCount() == before)
        try await f.test { client in
            // The same letter, strict: recorded; a comma or a bracket inside a text is no trailing comma.
            let body = "{\(letter),\"summary\":\"a, } and ,] inside\",\"no_reply_expected\":true}"
            let r = try await client.execute(uri: "/api/v1/letters", method: .post, headers: f.bearer(.clerk, json: true), body: json(body))
            #expect(r.status == .created, "\(r.text)")
        }
    }

    @Test("a body that is not one JSON object says what it is instead: a list, a number, nesting past 512 levels, not JSON")
    func bodyShapes() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let before = try f.eventCount()
        let deep = "{\"subject\":" + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + "}"
        let cases: [(String, String)] = [
            ("[1, 2]", "The request's body is a JSON list, not a JSON object"),
            ("  42", "The request's body is a number, not a JSON object"),
            ("\"letter\"", "The request's body is a JSON string, not a JSON object"),
            (deep, "The request's body nests lists or objects 601 levels deep, past the 512 a request may take"),
            ("{\"subject\": \"[[[\" ", "The request's body is not JSON; send one JSON object"),
        ]
        try await f.test { client in
            for (body, says) in cases {
                let r = try await client.execute(uri: "/api/v1/letters", method: .post, headers: f.bearer(.clerk, json: true), body: json(body))
                #expect(r.status == .badRequest, "\(body.prefix(40)): \(r.status) \(r.text)")
                #expect(r.object["field"] as? String == "body", "\(r.text)")
                #expect((r.object["error"] as? String)?.hasPrefix(says) == true, "\(body.prefix(40)): \(r.text)")
            }
        }
        #expect(try f.eventCount() == before)
    }

    @Test("a query key given twice is 400 saying so, naming it, in the API and on the web; once is answered")
    func repeatedQueryKey() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let cases = [
                ("/api/v1/overdue?as_of=1920-03-04&as_of=1920-03-05", "as_of", "as_of is given twice"),
                ("/api/v1/letters?limit=1&limit=2", "limit", "limit is given twice"),
                ("/api/v1/events?kind=letter&kind=letter&kind=petition", "kind", "kind is given 3 times"),
            ]
            for (uri, field, says) in cases {
                let r = try await client.execute(uri: uri, method: .get, headers: f.bearer(.reader))
                #expect(r.status == .badRequest, "\(uri): \(r.status)")
                #expect(r.object["field"] as? String == field, "\(uri): \(r.text)")
                #expect((r.object["error"] as? String)?.contains(says) == true, "\(uri): \(r.text)")
                #expect(!r.text.contains("control character"), "\(uri): \(r.text)")
            }
            let once = try await client.execute(uri: "/api/v1/overdue?as_of=1920-03-04", method: .get, headers: f.bearer(.reader))
            #expect(once.status == .ok)
            let b = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            let page = try await client.execute(uri: "/?as_of=1920-03-04&as_of=1920-03-05", method: .get, headers: b.headers)
            #expect(page.status == .badRequest && page.text.contains("as_of is given twice"), "\(page.text)")
        }
    }

    @Test("a body that is empty, only white space or null says so, not that it is not JSON; nothing is recorded")
    func emptyAndNullBodies() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let before = try f.eventCount()
        let cases: [(String, String)] = [
            ("", "The request's body is empty; send one JSON object holding the request's fields."),
            (" \r\n\t ", "The request's body is empty; send one JSON object holding the request's fields."),
            ("\u{FEFF}", "The request's body is empty; send one JSON object holding the request's fields."),
            ("null", "The request's body is null, not a JSON object; send one object holding the request's fields."),
            ("\u{FEFF} null\n", "The request's body is null, not a JSON object; send one object holding the request's fields."),
        ]
        try await f.test { client in
            for (body, says) in cases {
                let r = try await client.execute(uri: "/api/v1/letters", method: .post, headers: f.bearer(.clerk, json: true), body: json(body))
                #expect(r.status == .badRequest, "\(body.debugDescription): \(r.status) \(r.text)")
                #expect(r.object["field"] as? String == "body", "\(r.text)")
                #expect(r.object["error"] as? String == says, "\(body.debugDescription): \(r.text)")
            }
        }
        #expect(try f.eventCount() == before)
    }
}
