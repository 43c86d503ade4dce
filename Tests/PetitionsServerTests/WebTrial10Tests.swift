import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PetitionsApp
import PetitionsServer
import PetitionsTestSupport
import Testing

/// The defects the web trial of 3 December 1926 found in the pages (numbered as its report numbers them).
@Suite("Web application: the tenth trial's defects") struct WebTrial10Tests {
    /// The hidden fields of the first form on `page` besides its tokens, as a browser sends them back.
    static func hidden(_ page: String) -> [(String, String)] {
        var found: [(String, String)] = []
        var rest = page[...]
        while let field = rest.range(of: #"<input type="hidden" name=""#) {
            let name = String(rest[field.upperBound...].prefix { $0 != "\"" })
            let valueStart = rest[field.upperBound...].range(of: #"value=""#)?.upperBound ?? field.upperBound
            let value = String(rest[valueStart...].prefix { $0 != "\"" })
            if !["csrf_token", "form_token"].contains(name) { found.append((name, value.replacingOccurrences(of: "&#10;", with: "\n"))) }
            rest = rest[valueStart...]
        }
        return found
    }

    /// The form drawn on `page` sent back as drawn (the `was_` fields' values in their fields), but for `changes`.
    static func sentBack(_ page: String, changing changes: [String: String]) -> [(String, String)] {
        let hidden = hidden(page)
        let drawn = hidden.map { (String($0.0.dropFirst("was_".count)), changes[String($0.0.dropFirst("was_".count))] ?? $0.1) }
        return hidden + drawn
    }

    // MARK: - 1: a stale edit form

    @Test("1: a form drawn before another's correction changes only what the clerk changed; a field both changed is refused beside it")
    func staleEditForm() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let ws = f.ledger.workspace
        _ = try AddPetitioner(name: "Ivan Petrov", handle: "ivan-petrov", district: "Dmitrov", occupation: "telegraphist").run(in: ws)
        try await f.test { client in
            var b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let first = try await client.execute(uri: "/parties/ivan-petrov/edit", method: .get, headers: b.headers)
            let second = try await client.execute(uri: "/parties/ivan-petrov/edit", method: .get, headers: b.headers)
            b.read(first)
            b.read(second)
            #expect(Self.hidden(first.text).contains { $0 == ("was_district", "Dmitrov") }, "\(first.text)")
            // Meanwhile, from the command line:
            var meanwhile = PartyChange(party: "ivan-petrov", kinds: [.person])
            (meanwhile.district, meanwhile.occupation) = ("Klin", "postmaster")
            _ = try EditParty(change: meanwhile).run(in: ws)

            let phone = try await client.execute(
                uri: "/parties/ivan-petrov/edit", method: .post, headers: b.formHeaders,
                body: b.form(Self.sentBack(first.text, changing: ["phone": "12-34"])))
            #expect(phone.status == .seeOther, "\(phone.text)")
            let p = try ShowParty(party: "ivan-petrov").run(in: ws)
            #expect([p.district, p.occupation, p.phone] == ["Klin", "postmaster", "12-34"])

            // The second form, drawn before too, changes the district the CLI changed: refused beside it, nothing recorded.
            let events = try f.eventCount()
            let clash = try await client.execute(
                uri: "/parties/ivan-petrov/edit", method: .post, headers: b.formHeaders,
                body: b.form(Self.sentBack(second.text, changing: ["district": "Ruza"])))
            #expect(clash.status == .conflict, "\(clash.text)")
            #expect(
                clash.text.contains(
                    #"id="parties-ivan-petrov-edit-district-error">district: changed since this form was opened: now &#39;Klin&#39;"#),
                "\(clash.text)")
            #expect(try f.eventCount() == events)
            // Drawn again over what is held now: the occupation the clerk did not touch is the CLI's, the district theirs.
            #expect(
                clash.text.contains(#"value="postmaster""#) && clash.text.contains(#"value="Ruza""#) && !clash.text.contains(#"value="telegraphist""#)
            )
            b.read(clash)
            let again = try await client.execute(
                uri: "/parties/ivan-petrov/edit", method: .post, headers: b.formHeaders,
                body: b.form(Self.sentBack(clash.text, changing: ["district": "Ruza"])))
            #expect(again.status == .seeOther, "\(again.text)")
            let q = try ShowParty(party: "ivan-petrov").run(in: ws)
            #expect([q.district, q.occupation, q.phone] == ["Ruza", "postmaster", "12-34"])
        }
    }

    @Test("1: a group's head-counts form drawn before another's correction keeps the category another added")
    func staleHeadCounts() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let ws = f.ledger.workspace
        try await f.test { client in
            var b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let form = try await client.execute(uri: "/parties/dmitrov-post/edit", method: .get, headers: b.headers)
            b.read(form)
            var meanwhile = PartyChange(party: "dmitrov-post", kinds: [.group])
            meanwhile.counts = [HeadCount(category: "retired", count: 4)]
            _ = try EditParty(change: meanwhile).run(in: ws)
            let sent = try await client.execute(
                uri: "/parties/dmitrov-post/edit", method: .post, headers: b.formHeaders,
                body: b.form(Self.sentBack(form.text, changing: ["count": "employee=130"])))
            #expect(sent.status == .seeOther, "\(sent.text)")
            let counts = try ShowParty(party: "dmitrov-post").run(in: ws).counts?.map { "\($0.category)=\($0.count)" }
            #expect(counts == ["employee=130", "retired=4"])

            // The same category changed by both: refused beside the field, nothing recorded.
            b.read(try await client.execute(uri: "/", method: .get, headers: b.headers))
            let stale = try await client.execute(uri: "/parties/dmitrov-post/edit", method: .get, headers: b.headers)
            b.read(stale)
            meanwhile.counts = [HeadCount(category: "employee", count: 140)]
            _ = try EditParty(change: meanwhile).run(in: ws)
            let events = try f.eventCount()
            let clash = try await client.execute(
                uri: "/parties/dmitrov-post/edit", method: .post, headers: b.formHeaders,
                body: b.form(Self.sentBack(stale.text, changing: ["count": "employee=135\nretired=4"])))
            #expect(clash.status == .conflict && clash.text.contains("count: employee changed since this form was opened: now 140"), "\(clash.text)")
            #expect(try f.eventCount() == events)
        }
    }

    // MARK: - 10: the role before the fields

    @Test("10: a reader sending a form with a field it lacks is 403 (role first), not 400 naming the field")
    func roleBeforeFields() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let reader = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            for path in [
                "/parties/new/petitioner", "/deliveries/receipts", "/letters/void", "/petitions/1/void-letter", "/petitions/1/remove-attachment",
                "/deliveries/1/void-receipt", "/petitions", "/petitions/1/notes", "/petitions/1/status", "/petitions/1/letters",
                "/petitions/1/attachments", "/parties/dmitrov-post/join", "/parties/dmitrov-post/dependants", "/parties/dmitrov-post/edit",
            ] {
                let r = try await client.execute(
                    uri: path, method: .post, headers: reader.formHeaders, body: reader.form([("name", "x"), ("extra", "y")]))
                #expect(r.status == .forbidden, "\(path): \(r.status) \(r.text)")
            }
        }
    }

    // MARK: - 9: a text field sent as a file

    @Test("9: a text field sent as a multipart file part is 400 naming it, and nothing is recorded")
    func textFieldAsFile() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let before = try f.eventCount()
        try await f.test { client in
            let b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            var body = b.multipart([("name", "Anna Ivanova")], file: nil)
            body.moveWriterIndex(to: body.writerIndex - "--\(Browser.boundary)--\r\n".utf8.count)
            body.writeString("--\(Browser.boundary)\r\nContent-Disposition: form-data; name=\"group\"; filename=\"note.txt\"\r\n\r\ndmitrov-post\r\n")
            body.writeString("--\(Browser.boundary)--\r\n")
            let r = try await client.execute(uri: "/parties/new/petitioner", method: .post, headers: b.multipartHeaders, body: body)
            #expect(r.status == .badRequest && r.text.contains("&#39;group&#39; came as a file; it is a text field"), "\(r.status) \(r.text)")

            var attach = b.multipart([("letter", "1")], file: ("a.txt", Array("a".utf8)))
            attach.moveWriterIndex(to: attach.writerIndex - "--\(Browser.boundary)--\r\n".utf8.count)
            attach.writeString("--\(Browser.boundary)\r\nContent-Disposition: form-data; name=\"title\"; filename=\"t.txt\"\r\n\r\nA title\r\n")
            attach.writeString("--\(Browser.boundary)--\r\n")
            let a = try await client.execute(uri: "/petitions/1/attachments", method: .post, headers: b.multipartHeaders, body: attach)
            #expect(a.status == .badRequest && a.text.contains("&#39;title&#39; came as a file"), "\(a.status) \(a.text)")
        }
        #expect(try f.eventCount() == before)
    }

    // MARK: - 4: a refusal whose form is no longer drawn

    @Test("4: voiding a letter already void, or removing a file none of which is left, says why on top of the page")
    func refusalWithoutItsForm() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let letter = try letterOnPetition(f)
        _ = try VoidLetter(letter: letter, reason: "entered twice", on: try Day(parsing: "1920-01-22")).run(in: f.ledger.workspace)
        let before = try f.eventCount()
        try await f.test { client in
            let b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let void = try await client.execute(
                uri: "/petitions/1/void-letter", method: .post, headers: b.formHeaders,
                body: b.form([("letter", String(letter)), ("reason", "again")]))
            #expect(void.status == .badRequest, "\(void.status)")
            #expect(void.text.contains(#"<p class="error" role="alert">letter"#) && void.text.contains("is already void"), "\(void.text)")
            let remove = try await client.execute(
                uri: "/petitions/1/remove-attachment", method: .post, headers: b.formHeaders,
                body: b.form([("attachment", "2"), ("reason", "gone")]))
            #expect(remove.status.code >= 400 && remove.text.contains(#"role="alert">"#) && remove.text.contains("attachment"), "\(remove.text)")
        }
        #expect(try f.eventCount() == before)
    }

    // MARK: - 13: handles the pages' addresses use

    @Test("13: the handles new and edit are refused by the form, the API and the use case; a party named New gets another handle")
    func reservedHandles() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        #expect(throws: PetitionsError.self) { try AddGroup(name: "Edit group", handle: "edit").run(in: f.ledger.workspace) }
        let before = try f.eventCount()
        try await f.test { client in
            let b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let form = try await client.execute(
                uri: "/parties/new/petitioner", method: .post, headers: b.formHeaders, body: b.form([("name", "Nikolai Novy"), ("handle", "new")]))
            #expect(form.status == .badRequest, "\(form.status)")
            #expect(form.text.contains(#"id="parties-new-petitioner-handle-error""#) && form.text.contains("/parties/new"), "\(form.text)")
            let api = try await client.execute(
                uri: "/api/v1/groups", method: .post, headers: f.bearer(.clerk, json: true), body: json(#"{"name": "Editors", "handle": "edit"}"#))
            #expect(api.status == .badRequest && api.object["field"] as? String == "handle", "\(api.text)")
            #expect(try f.eventCount() == before)
            let named = try await client.execute(
                uri: "/parties/new/group", method: .post, headers: b.formHeaders, body: b.form([("name", "New")]))
            #expect(named.status == .seeOther && named.headers[.location] == "/parties/new-2", "\(named.text)")
        }
    }

    // MARK: - 12: a link, not a command to run

    @Test("12: an office's edit page and a petitioner's form sent for a group say why with a link to its page, naming no command")
    func linksNotCommands() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        _ = try InitLedger(on: try Day(parsing: "1920-01-05")).run(in: f.ledger.workspace)
        let office = try #require(try ListParties(kind: .office).run(in: f.ledger.workspace).first)
        try await f.test { client in
            let b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let edit = try await client.execute(uri: "/parties/\(office.handle)/edit", method: .get, headers: b.headers)
            #expect(edit.status == .conflict, "\(edit.status)")
            #expect(edit.text.contains("is an office") && edit.text.contains(#"<a href="/parties/\#(office.handle)">"#), "\(edit.text)")
            #expect(!edit.text.contains("petitions office"))
            let dependant = try await client.execute(
                uri: "/parties/dmitrov-post/dependants", method: .post, headers: b.formHeaders, body: b.form([("dependant", "Anna:child")]))
            #expect(dependant.status == .badRequest, "\(dependant.status)")
            #expect(dependant.text.contains("is a group") && dependant.text.contains(#"<a href="/parties/dmitrov-post">"#), "\(dependant.text)")
            #expect(!dependant.text.contains("petitions group show"), "\(dependant.text)")
        }
    }

    // MARK: - 16: a voided letter's mark

    @Test("16: a voided letter is marked beside its subject; the Answered column says only which letter answered it")
    func voidedLetterMark() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let letter = try letterOnPetition(f)
        _ = try VoidLetter(letter: letter, reason: "sent twice", on: TemporaryLedger.today).run(in: f.ledger.workspace)
        try await f.test { client in
            let b = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            for path in ["/letters", "/petitions/1"] {
                let page = try await client.execute(uri: path, method: .get, headers: b.headers).text
                #expect(!page.contains("<td>voided</td>"), "\(path): \(page)")
                #expect(page.contains(#"<strong class="void">(voided: counts for nothing)</strong></td><td></td><td></td></tr>"#), "\(path): \(page)")
            }
        }
    }

    // MARK: - 15: what a refused household form says

    @Test("15: a stale removal is said beside the select; a member given by id is named by handle; a NUL typed is not echoed raw")
    func householdRefusals() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let ws = f.ledger.workspace
        let ivan = try AddPetitioner(
            name: "Ivan Petrov", handle: "ivan-petrov", dependants: [try Dependant(parsing: "Anna:incapacitated")]
        ).run(in: ws)
        _ = try ChangeMembership(.join, group: "dmitrov-post", member: "ivan-petrov", on: nil).run(in: ws)
        let before = try f.eventCount()
        try await f.test { client in
            let b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let stale = try await client.execute(
                uri: "/parties/ivan-petrov/dependants/remove", method: .post, headers: b.formHeaders,
                body: b.form([("dependant", "Boris:incapacitated")]))
            #expect(stale.status == .badRequest, "\(stale.status)")
            #expect(stale.text.contains(#"id="parties-ivan-petrov-dependants-remove-dependant-error""#), "\(stale.text)")
            let join = try await client.execute(
                uri: "/parties/dmitrov-post/join", method: .post, headers: b.formHeaders, body: b.form([("member", String(ivan.id))]))
            #expect(join.text.contains("&#39;ivan-petrov&#39; is already a member"), "\(join.text)")
            let nul = try await client.execute(
                uri: "/parties/new/petitioner", method: .post, headers: b.formHeaders, body: b.form([("name", "Nul\u{0}x")]))
            #expect(nul.status == .badRequest && !nul.text.contains("\u{0}") && nul.text.contains(#"value="Nul\u0000x""#), "\(nul.text)")
        }
        #expect(try f.eventCount() == before)
    }

    // MARK: - 11: what a voided receipt and a cancelled delivery say

    @Test("11: a voided receipt shows why, when and by whom (the page and `delivery show`); a cancelled delivery shows no shortfall")
    func voidedAndCancelled() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let ws = f.ledger.workspace
        let january = try Period(parsing: "1920-01")
        let received = try RecordReceipt(
            decree: "decree-1918", recipient: "dmitrov-post", period: january, on: try Day(parsing: "1920-01-09"), quantities: ["1000 funt wheat"]
        ).run(in: ws)
        let receipt = try #require(try ShowDelivery(delivery: received.id).run(in: ws).receipts?.first?.id)
        _ = try VoidReceipt(receipt: receipt, reason: "wrong month", on: try Day(parsing: "1920-01-12")).run(in: ws)
        let json = try ShowDelivery(delivery: received.id).run(in: ws).receipts?.first
        #expect(json?.voidReason == "wrong month" && json?.voidedOn?.description == "1920-01-12" && json?.voidedBy == "tester")
        _ = try CancelDelivery(
            decree: "decree-1918", recipient: "dmitrov-post", period: try Period(parsing: "1920-02"), on: try Day(parsing: "1920-02-01"),
            reason: "group dissolved"
        ).run(in: ws)
        let cancelled = try #require(
            try ListDeliveries().run(in: ws).first { $0.period.description == "1920-02" }?.id)
        try await f.test { client in
            let b = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            let page = try await client.execute(uri: "/deliveries/\(received.id)", method: .get, headers: b.headers)
            #expect(page.text.contains("<td>voided: wrong month, on 1920-01-12, by tester; counts for nothing</td>"), "\(page.text)")
            let gone = try await client.execute(uri: "/deliveries/\(cancelled)", method: .get, headers: b.headers)
            #expect(gone.text.contains("<td>none owed (cancelled)</td>"), "\(gone.text)")
            #expect(gone.text.contains("Cancelled on 1920-02-01 by tester: group dissolved. Nothing more is owed."), "\(gone.text)")
        }
    }
}
