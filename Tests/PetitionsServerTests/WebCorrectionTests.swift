import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PetitionsApp
import PetitionsServer
import PetitionsTestSupport
import Testing

/// A trial found no page by which a caseworker could correct anything: a party's details, a receipt or a letter
/// recorded in error. Each form runs the command's use case, and its event names the clerk.
@Suite("Web application: corrections") struct WebCorrectionTests {
    static func lastEvent(_ f: ServerFixture) throws -> Event? {
        try ListEvents().run(in: f.ledger.workspace).max { $0.id < $1.id }
    }

    @Test("a clerk corrects a petitioner's details through the form filled with what the ledger holds; the page says what changed")
    func editPerson() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        _ = try AddPetitioner(name: "Ivan Petrov", handle: "petrov", district: "Dmitrov", occupation: "postman").run(in: f.ledger.workspace)
        try await f.test { client in
            var b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let party = try await client.execute(uri: "/parties/petrov", method: .get, headers: b.headers)
            #expect(party.text.contains(#"<a class="button" href="/parties/petrov/edit">Correct this party</a>"#))
            let form = try await client.execute(uri: "/parties/petrov/edit", method: .get, headers: b.headers)
            #expect(form.status == .ok && form.text.contains(#"value="Dmitrov""#) && form.text.contains(#"value="postman""#), "\(form.text)")
            b.read(form)
            let sent = try await client.execute(
                uri: "/parties/petrov/edit", method: .post, headers: b.formHeaders,
                body: b.form([
                    ("name", "Ivan Petrov"), ("district", ""), ("occupation", "postman"), ("address", ""), ("email", ""), ("phone", "12-34"),
                    ("note", ""), ("on", "1920-02-10"),
                ]))
            #expect(sent.status == .seeOther && sent.headers[.location] == "/parties/petrov", "\(sent.text)")
            let event = try Self.lastEvent(f)
            #expect(event.map { "\($0.kind) \($0.actor) \($0.day)" } == "party.updated clerk-user 1920-02-10")
            let page = try await client.execute(uri: "/parties/petrov", method: .get, headers: b.headers)
            #expect(page.text.contains(#"<p class="notice" role="status">Corrected Ivan Petrov: district, phone.</p>"#), "\(page.text)")
            #expect(page.text.contains("<dt>Telephone</dt><dd>12-34</dd>") && !page.text.contains("<dt>District</dt>"))

            // The same values again change nothing, and say so.
            let count = try f.eventCount()
            let same = try await client.execute(
                uri: "/parties/petrov/edit", method: .post, headers: b.formHeaders,
                body: b.form([("name", "Ivan Petrov"), ("district", ""), ("occupation", "postman"), ("phone", "12-34")]))
            #expect(same.status == .seeOther)
            #expect(try f.eventCount() == count)
            let again = try await client.execute(uri: "/parties/petrov", method: .get, headers: b.headers)
            #expect(again.text.contains("nothing changed."), "\(again.text)")
        }
    }

    @Test("a group's head-counts are corrected as a list: a line changed is set, a line left out no longer counted")
    func editGroup() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        var change = PartyChange(party: "dmitrov-post", kinds: [.group])
        change.counts = [HeadCount(category: "retired", count: 4)]
        _ = try EditParty(change: change).run(in: f.ledger.workspace)
        try await f.test { client in
            var b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let form = try await client.execute(uri: "/parties/dmitrov-post/edit", method: .get, headers: b.headers)
            #expect(form.text.contains("employee=125\nretired=4"), "\(form.text)")
            b.read(form)
            let sent = try await client.execute(
                uri: "/parties/dmitrov-post/edit", method: .post, headers: b.formHeaders,
                body: b.form([("name", "Postal-telegraph employees of the Dmitrov district"), ("district", ""), ("count", "employee=130")]))
            #expect(sent.status == .seeOther, "\(sent.text)")
            #expect(try Self.lastEvent(f).map { "\($0.kind) \($0.actor)" } == "party.updated clerk-user")
        }
        let group = try ShowParty(party: "dmitrov-post").run(in: f.ledger.workspace)
        #expect(group.counts?.map { "\($0.category)=\($0.count)" } == ["employee=130"])
    }

    @Test("a correction with bad input comes back beside its field and records nothing; a reader is 403; an unknown party is 404")
    func editRefused() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let before = try f.eventCount()
        try await f.test { client in
            let b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let parent = try await client.execute(
                uri: "/parties/moscow-supply/edit", method: .post, headers: b.formHeaders,
                body: b.form([("name", "Moscow postal-telegraph supply centre"), ("parent", "moscow-supply"), ("reply_within", "20 working days")]))
            #expect(parent.status == .badRequest, "\(parent.text)")
            #expect(
                parent.text.contains(#"id="parties-moscow-supply-edit-parent-error""#) && parent.text.contains("its own parent"), "\(parent.text)")
            #expect(parent.text.contains(#"value="moscow-supply""#))
            let within = try await client.execute(
                uri: "/parties/moscow-supply/edit", method: .post, headers: b.formHeaders,
                body: b.form([("name", "Moscow postal-telegraph supply centre"), ("reply_within", "soon")]))
            #expect(within.status == .badRequest && within.text.contains(#"id="parties-moscow-supply-edit-reply-within-error""#), "\(within.text)")
            let name = try await client.execute(
                uri: "/parties/moscow-supply/edit", method: .post, headers: b.formHeaders, body: b.form([("name", " ")]))
            #expect(name.status == .badRequest && name.text.contains(#"id="parties-moscow-supply-edit-name-error""#))
            // An authority has no occupation: a field its form does not have.
            let unknown = try await client.execute(
                uri: "/parties/moscow-supply/edit", method: .post, headers: b.formHeaders,
                body: b.form([("name", "Moscow"), ("occupation", "supplier")]))
            #expect(unknown.status == .badRequest && unknown.text.contains("is not a field of this form"))
            let nobody = try await client.execute(uri: "/parties/nobody/edit", method: .get, headers: b.headers)
            #expect(nobody.status == .notFound)

            let reader = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            #expect(try await client.execute(uri: "/parties/dmitrov-post/edit", method: .get, headers: reader.headers).status == .forbidden)
            let post = try await client.execute(
                uri: "/parties/dmitrov-post/edit", method: .post, headers: reader.formHeaders, body: reader.form([("name", "Renamed")]))
            #expect(post.status == .forbidden)
        }
        #expect(try f.eventCount() == before)
    }

    @Test("a delivery's page shows its receipts; a clerk voids one by the form and it stays listed, voided; the delivery is short again")
    func voidReceipt() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let ws = f.ledger.workspace
        let received = try RecordReceipt(
            decree: "decree-1918", recipient: "dmitrov-post", period: try Period(parsing: "1920-01"), on: try Day(parsing: "1920-01-09"),
            quantities: ["1000 funt wheat"], note: "Recorded against the wrong month"
        ).run(in: ws)
        let receipt = try #require(try ShowDelivery(delivery: received.id).run(in: ws).receipts?.first?.id)
        try await f.test { client in
            let reader = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            let shown = try await client.execute(uri: "/deliveries/\(received.id)", method: .get, headers: reader.headers)
            #expect(shown.status == .ok)
            #expect(
                shown.text.contains("<td>\(receipt)</td><td>1920-01-09</td><td>1,000 funt wheat</td><td>Recorded against the wrong month</td>"),
                "\(shown.text)")
            #expect(!shown.text.contains("void-receipt"), "a reader has no form")
            let refused = try await client.execute(
                uri: "/deliveries/\(received.id)/void-receipt", method: .post, headers: reader.formHeaders,
                body: reader.form([("receipt", String(receipt)), ("reason", "wrong month")]))
            #expect(refused.status == .forbidden)

            let b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let noReason = try await client.execute(
                uri: "/deliveries/\(received.id)/void-receipt", method: .post, headers: b.formHeaders, body: b.form([("receipt", String(receipt))]))
            #expect(noReason.status == .badRequest && noReason.text.contains(#"id="deliveries-\#(received.id)-void-receipt-reason-error""#))
            let other = try await client.execute(
                uri: "/deliveries/2/void-receipt", method: .post, headers: b.formHeaders,
                body: b.form([("receipt", String(receipt)), ("reason", "wrong month")]))
            #expect(other.status == .badRequest && other.text.contains("is not a receipt of delivery 2"), "\(other.text)")
            let count = try f.eventCount()
            let voided = try await client.execute(
                uri: "/deliveries/\(received.id)/void-receipt", method: .post, headers: b.formHeaders,
                body: b.form([("receipt", String(receipt)), ("reason", "Recorded against the wrong month")]))
            #expect(voided.status == .seeOther && voided.headers[.location] == "/deliveries/\(received.id)", "\(voided.text)")
            #expect(try f.eventCount() == count + 1)
            #expect(try Self.lastEvent(f).map { "\($0.kind) \($0.actor)" } == "receipt.voided clerk-user")
            let after = try await client.execute(uri: "/deliveries/\(received.id)", method: .get, headers: b.headers)
            #expect(
                after.text.contains(#"<tr class="voided"><td>\#(receipt)</td>"#) && after.text.contains("; counts for nothing</td>"), "\(after.text)"
            )
            #expect(after.text.contains("Voided receipt \(receipt): it counts for nothing from now on."))
            #expect(!after.text.contains("void-receipt"), "no receipt stands, so no form")
            #expect(after.text.contains("<td>wheat</td><td>1,000 funt</td><td>0 funt</td><td>1,000 funt</td>"), "\(after.text)")
        }
    }

    @Test(
        "a clerk voids a letter from its petition's page: marked voided, no reply due, the event names the clerk; a letter of another petition is refused"
    )
    func voidLetter() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let ws = f.ledger.workspace
        let letter = try SendLetter(
            from: "dmitrov-post", to: "moscow-supply", on: try Day(parsing: "1920-01-21"), subject: "Appeal recorded twice", petition: 1
        ).run(in: ws)
        let stray = try SendLetter(from: "dmitrov-post", to: "moscow-supply", on: try Day(parsing: "1920-01-22"), subject: "No petition").run(in: ws)
        try await f.test { client in
            let b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let page = try await client.execute(uri: "/petitions/1", method: .get, headers: b.headers)
            #expect(page.text.contains(#"action="/petitions/1/void-letter""#))
            let before = try f.eventCount()
            let wrong = try await client.execute(
                uri: "/petitions/1/void-letter", method: .post, headers: b.formHeaders,
                body: b.form([("letter", String(stray.id)), ("reason", "twice")]))
            #expect(wrong.status == .badRequest && wrong.text.contains(#"id="petitions-1-void-letter-letter-error""#), "\(wrong.text)")
            #expect(try f.eventCount() == before)
            let voided = try await client.execute(
                uri: "/petitions/1/void-letter", method: .post, headers: b.formHeaders,
                body: b.form([("letter", String(letter.id)), ("reason", "Recorded twice"), ("on", "1920-01-25")]))
            #expect(voided.status == .seeOther && voided.headers[.location] == "/petitions/1", "\(voided.text)")
            #expect(try Self.lastEvent(f).map { "\($0.kind) \($0.actor) \($0.day)" } == "letter.voided clerk-user 1920-01-25")
            let after = try await client.execute(uri: "/petitions/1", method: .get, headers: b.headers)
            #expect(
                after.text.contains(#"<td>Appeal recorded twice <strong class="void">(voided: counts for nothing)</strong></td><td></td><td></td>"#),
                "\(after.text)")
            #expect(!after.text.contains(#"action="/petitions/1/void-letter""#), "no letter stands, so no form")

            let reader = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            let refused = try await client.execute(
                uri: "/petitions/1/void-letter", method: .post, headers: reader.formHeaders,
                body: reader.form([("letter", String(letter.id)), ("reason", "x")]))
            #expect(refused.status == .forbidden)
        }
    }

    @Test("a letter of no petition is voided from /letters by its id; an unknown id comes back beside the field; a reader has no form")
    func voidFromLetters() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let stray = try SendLetter(from: "dmitrov-post", to: "moscow-supply", on: try Day(parsing: "1920-01-22"), subject: "No petition")
            .run(in: f.ledger.workspace)
        try await f.test { client in
            let reader = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            let shown = try await client.execute(uri: "/letters", method: .get, headers: reader.headers)
            #expect(shown.status == .ok && !shown.text.contains(#"action="/letters/void""#))

            let b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let before = try f.eventCount()
            let unknown = try await client.execute(
                uri: "/letters/void", method: .post, headers: b.formHeaders, body: b.form([("letter", "99"), ("reason", "twice")]))
            #expect(unknown.status == .badRequest && unknown.text.contains(#"id="letters-void-letter-error""#), "\(unknown.text)")
            #expect(unknown.text.contains(#"value="99""#) && unknown.text.contains("No petition"), "the letters and the form typed")
            #expect(try f.eventCount() == before)
            let voided = try await client.execute(
                uri: "/letters/void", method: .post, headers: b.formHeaders,
                body: b.form([("letter", String(stray.id)), ("reason", "Recorded twice")]))
            #expect(voided.status == .seeOther && voided.headers[.location] == "/letters", "\(voided.text)")
            #expect(try Self.lastEvent(f).map { "\($0.kind) \($0.actor)" } == "letter.voided clerk-user")
            let after = try await client.execute(uri: "/letters", method: .get, headers: b.headers)
            #expect(
                after.text.contains("Voided letter \(stray.id) (No petition): it counts for nothing, as of any day, and no reply is expected of it."))
            #expect(after.text.contains(#"<tr class="voided">"#) && after.text.contains("(voided: counts for nothing)</strong>"), "\(after.text)")
        }
    }
}
