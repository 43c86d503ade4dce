import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PetitionsApp
import PetitionsServer
import PetitionsTestSupport
import Testing

/// What a trial of the office server as a new user and as an attacker found: a page that said less than the API, a
/// search that found other petitions than the command's, filters dropped without a word, copies kept by browsers.
@Suite("Office server: what a trial found") struct ServerTrialTests {
    @Test("the web report takes the API's filters and redaction, refuses an unknown one, and its links keep them")
    func webReportFilters() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let b = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            let nobody = try await client.execute(uri: "/report?recipient=nobody-at-all", method: .get, headers: b.headers)
            #expect(nobody.status == .badRequest && nobody.text.contains("nobody-at-all"), "\(nobody.status) \(nobody.text.prefix(300))")
            let since = try await client.execute(uri: "/report?since=1920-13-01", method: .get, headers: b.headers)
            #expect(since.status == .badRequest && since.text.contains("1920-13-01"), "\(since.status)")
            let page = try await client.execute(uri: "/report?as_of=1920-03-04&recipient=dmitrov-post&redact=true", method: .get, headers: b.headers)
            #expect(page.status == .ok)
            #expect(
                page.text.contains(#"href="/report?format=json&amp;as_of=1920-03-04&amp;recipient=dmitrov-post&amp;redact=true""#), "\(page.text)")
            let json = try await client.execute(
                uri: "/report?format=json&as_of=1920-03-04&recipient=dmitrov-post&redact=true", method: .get, headers: b.headers)
            #expect(json.status == .ok && json.object["redacted"] as? Bool == true, "\(json.text.prefix(300))")
        }
    }

    @Test("the petitions page searches as petition list --search does: a prefix finds, a search that cannot be read is said")
    func webPetitionSearch() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let ws = f.ledger.workspace
        #expect(try ListPetitions(search: "provi*").run(in: ws).map(\.id) == [1])
        try await f.test { client in
            let b = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            let prefix = try await client.execute(uri: "/petitions?search=provi*", method: .get, headers: b.headers)
            #expect(prefix.status == .ok && prefix.text.contains("January provisions not delivered"), "\(prefix.text.suffix(600))")
            // Words in another order are found by the command; a substring test found nothing.
            let words = try await client.execute(uri: "/petitions?search=delivered+january", method: .get, headers: b.headers)
            #expect(words.text.contains("January provisions not delivered"))
            let unread = try await client.execute(uri: "/petitions?search=%22provisions", method: .get, headers: b.headers)
            #expect(unread.status == .badRequest, "\(unread.status)")
            #expect(!unread.text.contains("January provisions not delivered"))
        }
    }

    @Test("a web page refuses a key it does not read, naming it and the keys it reads; the API still does")
    func webQueryKeys() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let b = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            let misspelt = try await client.execute(uri: "/petitions?stauts=resolved", method: .get, headers: b.headers)
            #expect(misspelt.status == .badRequest)
            #expect(misspelt.text.contains("stauts") && misspelt.text.contains("status, party, search, page"), "\(misspelt.text)")
            let dashboard = try await client.execute(uri: "/?asof=1920-03-04", method: .get, headers: b.headers)
            #expect(dashboard.status == .badRequest && dashboard.text.contains("asof"))
            let none = try await client.execute(uri: "/petitions/1?x=1", method: .get, headers: b.headers)
            #expect(none.status == .badRequest && none.text.contains("reads no keys"))
            for uri in ["/?as_of=1920-03-04", "/petitions?status=open&page=1", "/overdue?as_of=1920-03-04&page=1", "/search?q=provisions"] {
                #expect(try await client.execute(uri: uri, method: .get, headers: b.headers).status == .ok, "\(uri)")
            }
            let api = try await client.execute(uri: "/api/v1/petitions?stauts=resolved", method: .get, headers: f.bearer(.reader))
            #expect(api.status == .badRequest && api.object["field"] as? String == "stauts")
        }
    }

    @Test("no page or answer may be kept by a browser or proxy (Cache-Control: no-store); the stylesheet may")
    func noStore() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let b = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            for uri in ["/", "/petitions/1", "/report", "/login", "/nowhere"] {
                let r = try await client.execute(uri: uri, method: .get, headers: b.headers)
                #expect(r.headers[.cacheControl] == "no-store", "\(uri): \(r.headers[.cacheControl] ?? "none")")
            }
            for uri in ["/api/v1/petitions", "/api/v1/petitions/999"] {
                let r = try await client.execute(uri: uri, method: .get, headers: f.bearer(.reader))
                #expect(r.headers[.cacheControl] == "no-store", "\(uri)")
            }
            let style = try await client.execute(uri: "/style.css", method: .get)
            #expect(style.headers[.cacheControl] == "max-age=3600")
        }
    }

    @Test("the API's upload warns of an attachment dated before its letter or after today, as attach does, and keeps it")
    func attachmentDateWarnings() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let letter = try letterOnPetition(f)
        try await f.test { client in
            let early = try await client.execute(
                uri: "/api/v1/letters/\(letter)/attachments?name=scan.bin&on=1920-01-02", method: .post, headers: f.bearer(.clerk),
                body: ByteBuffer(bytes: scanBytes))
            #expect(early.status == .created)
            let warnings = early.object["warnings"] as? [String] ?? []
            #expect(
                warnings == ["the attachment is dated 1920-01-02, before letter \(letter), which is dated 1920-01-21; it is recorded all the same."])
            let later = try await client.execute(
                uri: "/api/v1/letters/\(letter)/attachments?name=scan.bin&on=1920-03-05", method: .post, headers: f.bearer(.clerk),
                body: ByteBuffer(bytes: scanBytes))
            #expect((later.object["warnings"] as? [String] ?? []).first?.contains("after today (1920-03-04)") == true, "\(later.text)")
            let plain = try await client.execute(
                uri: "/api/v1/letters/\(letter)/attachments?name=scan.bin", method: .post, headers: f.bearer(.clerk),
                body: ByteBuffer(bytes: scanBytes))
            #expect(plain.status == .created && (plain.object["warnings"] as? [String]) == [])
        }
        #expect(try ListAttachments(letter: letter).run(in: f.ledger.workspace).count == 3)
    }
}

@Suite("Web forms: what a browser sends") struct WebFormSendingTests {
    @Test("a form's field it does not have is 400 naming it and nothing is recorded; a textarea's CRLF line ends are kept as lines")
    func fieldsAndLineEnds() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let before = try f.eventCount()
            let extra = try await client.execute(
                uri: "/petitions/1/notes", method: .post, headers: b.formHeaders, body: b.form([("text", "Asked."), ("txet", "x")]))
            #expect(extra.status == .badRequest && extra.text.contains("txet") && extra.text.contains("its fields are text, on"), "\(extra.text)")
            #expect(try f.eventCount() == before)
            let lines = try await client.execute(
                uri: "/petitions/1/notes", method: .post, headers: b.formHeaders, body: b.form([("text", "Asked.\r\nSee letter.")]))
            #expect(lines.status == .seeOther, "\(lines.status) \(lines.text.prefix(300))")
            #expect(try ShowPetition(petition: 1).run(in: f.ledger.workspace).notes.map(\.text) == ["Asked.\nSee letter."])
        }
    }
}

@Suite("Office server: what the second trial found") struct ServerSecondTrialTests {
    @Test("a party's id in an address is written as ids are: /parties/07, +7 and -0 are 404 in the API and the pages")
    func partyIDsInPaths() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let b = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            for raw in ["07", "+1", "-0", "%2B1"] {
                #expect(
                    try await client.execute(uri: "/api/v1/parties/\(raw)", method: .get, headers: f.bearer(.reader)).status == .notFound, "\(raw)")
                #expect(try await client.execute(uri: "/parties/\(raw)", method: .get, headers: b.headers).status == .notFound, "\(raw)")
            }
            #expect(try await client.execute(uri: "/api/v1/parties/1", method: .get, headers: f.bearer(.reader)).status == .ok)
            #expect(try await client.execute(uri: "/parties/dmitrov-post", method: .get, headers: b.headers).status == .ok)
        }
    }

    @Test("the dashboard and /overdue write amounts as the report does, thousands separated: 1,000 funt wheat")
    func amountsAsTheReport() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let b = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            for uri in ["/?as_of=1920-03-04", "/overdue?as_of=1920-03-04"] {
                let page = try await client.execute(uri: uri, method: .get, headers: b.headers)
                #expect(page.text.contains("1,000 funt wheat") && !page.text.contains("1000 funt wheat"), "\(uri)")
            }
        }
    }

    @Test("every page's header names the office as office set left it meanwhile, not only the dashboard")
    func officeNameOnEveryPage() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        _ = try InitLedger(on: TemporaryLedger.today).run(in: f.ledger.workspace)
        _ = try SetOffice(name: "Office E").run(in: f.ledger.workspace)
        try await f.test { client in
            let b = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            #expect(
                try await client.execute(uri: "/petitions", method: .get, headers: b.headers).text.contains(#"<span class="office">Office E</span>"#))
            _ = try SetOffice(name: "Office F").run(in: f.ledger.workspace)
            for uri in ["/petitions", "/petitions/1", "/events", "/search?q=x", "/parties/dmitrov-post"] {
                let page = try await client.execute(uri: uri, method: .get, headers: b.headers).text
                #expect(page.contains(#"<span class="office">Office F</span>"#), "\(uri)")
            }
        }
    }

    @Test("the attach form given a field twice (two letters, two files) is 400 naming it and attaches nothing, as other forms")
    func multipartFieldGivenTwice() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let letter = try letterOnPetition(f)
        try await f.test { client in
            let clerk = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let twice = try await client.execute(
                uri: "/petitions/1/attachments", method: .post, headers: clerk.multipartHeaders,
                body: clerk.multipart([("letter", String(letter)), ("letter", String(letter))], file: (name: "a.txt", bytes: Array("A".utf8))))
            #expect(twice.status == .badRequest && twice.text.contains("is given more than once"), "\(twice.status) \(twice.text.prefix(300))")
            var body = clerk.multipart([("letter", String(letter))], file: (name: "a.txt", bytes: Array("A".utf8)))
            // A second file part before the closing boundary.
            body.moveWriterIndex(to: body.writerIndex - "--\(Browser.boundary)--\r\n".utf8.count)
            body.writeString("--\(Browser.boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.txt\"\r\n\r\nB\r\n")
            body.writeString("--\(Browser.boundary)--\r\n")
            let files = try await client.execute(uri: "/petitions/1/attachments", method: .post, headers: clerk.multipartHeaders, body: body)
            #expect(files.status == .badRequest && files.text.contains("file"), "\(files.status)")
        }
        #expect(try ListAttachments(letter: letter).run(in: f.ledger.workspace).isEmpty)
    }

    @Test("a voided letter is marked voided on the letters and petition pages, with no reply due, and not offered for a file")
    func voidedLetterOnThePages() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let kept = try letterOnPetition(f)
        let voided = try letterOnPetition(f)
        _ = try VoidLetter(letter: voided, reason: "sent twice", on: TemporaryLedger.today).run(in: f.ledger.workspace)
        try await f.test { client in
            let clerk = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            // Marked beside its subject, not in the Answered column (the tenth trial read it as a state of its answer).
            let mark = #"<strong class="void">(voided: counts for nothing)</strong></td><td></td><td></td></tr>"#
            let letters = try await client.execute(uri: "/letters", method: .get, headers: clerk.headers).text
            #expect(letters.contains("<td>\(voided)</td>") && letters.contains("\(mark)"), "\(letters)")
            let petition = try await client.execute(uri: "/petitions/1", method: .get, headers: clerk.headers).text
            #expect(petition.contains("\(mark)"), "\(petition)")
            #expect(petition.contains(#"<option value="\#(kept)""#) && !petition.contains(#"<option value="\#(voided)""#))
        }
    }
}
