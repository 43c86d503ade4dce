import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PetitionsApp
import PetitionsServer
import PetitionsTestSupport
import Testing

/// A group's members, a person's household and a petition's files, changed from their pages as `group join`,
/// `group leave`, `petitioner dependant add|remove` and `attachment remove` change them: a trial found no page for any.
@Suite("Web application: members, households and attachments") struct WebHouseholdTests {
    static func fixture() throws -> ServerFixture {
        let f = try ServerFixture()
        _ = try AddPetitioner(name: "Ivan Petrov", handle: "petrov").run(in: f.ledger.workspace)
        return f
    }

    static func lastEvent(_ f: ServerFixture) throws -> Event? {
        try ListEvents().run(in: f.ledger.workspace).max { $0.id < $1.id }
    }

    @Test("a clerk adds a member to a group and ends the membership from the group's page; each event names the clerk")
    func membership() async throws {
        let f = try Self.fixture()
        defer { f.ledger.remove() }
        let before = try f.eventCount()
        try await f.test { client in
            var b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let page = try await client.execute(uri: "/parties/dmitrov-post", method: .get, headers: b.headers)
            #expect(page.text.contains(#"action="/parties/dmitrov-post/join""#) && !page.text.contains("/leave"), "no member yet to end")
            b.read(page)
            let unknown = try await client.execute(
                uri: "/parties/dmitrov-post/join", method: .post, headers: b.formHeaders,
                body: b.form([("member", "nobody"), ("from", "1920-02-01")]))
            #expect(unknown.status == .badRequest, "\(unknown.text)")
            #expect(unknown.text.contains(#"id="parties-dmitrov-post-join-member-error""#) && unknown.text.contains(#"value="nobody""#))
            #expect(try f.eventCount() == before)

            let joined = try await client.execute(
                uri: "/parties/dmitrov-post/join", method: .post, headers: b.formHeaders,
                body: b.form([("member", "petrov"), ("from", "1920-02-01")]))
            #expect(joined.status == .seeOther && joined.headers[.location] == "/parties/dmitrov-post", "\(joined.text)")
            #expect(try Self.lastEvent(f).map { "\($0.kind) \($0.actor) \($0.day)" } == "group.joined clerk-user 1920-02-01")
            let member = try await client.execute(uri: "/parties/dmitrov-post", method: .get, headers: b.headers)
            #expect(member.text.contains("petrov joined Postal-telegraph employees of the Dmitrov district."))
            #expect(member.text.contains(#"<li><a href="/parties/petrov">Ivan Petrov</a> (petrov)</li>"#))
            #expect(member.text.contains(#"action="/parties/dmitrov-post/leave""#))

            let noDay = try await client.execute(
                uri: "/parties/dmitrov-post/leave", method: .post, headers: b.formHeaders, body: b.form([("member", "petrov")]))
            #expect(noDay.status == .badRequest && noDay.text.contains(#"id="parties-dmitrov-post-leave-on-error""#), "\(noDay.text)")
            let left = try await client.execute(
                uri: "/parties/dmitrov-post/leave", method: .post, headers: b.formHeaders, body: b.form([("member", "petrov"), ("on", "1920-03-01")]))
            #expect(left.status == .seeOther, "\(left.text)")
            #expect(try Self.lastEvent(f).map { "\($0.kind) \($0.actor)" } == "group.left clerk-user")
            // A person has no members: the group's form sent to a person's address is refused.
            let person = try await client.execute(
                uri: "/parties/petrov/join", method: .post, headers: b.formHeaders, body: b.form([("member", "petrov")]))
            #expect(person.status == .badRequest && person.text.contains("not a group"), "\(person.text)")

            let reader = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            let shown = try await client.execute(uri: "/parties/dmitrov-post", method: .get, headers: reader.headers)
            #expect(!shown.text.contains("/join"), "a reader has no form")
            let refused = try await client.execute(
                uri: "/parties/dmitrov-post/join", method: .post, headers: reader.formHeaders, body: reader.form([("member", "petrov")]))
            #expect(refused.status == .forbidden)
        }
        #expect(try f.eventCount() == before + 2)
    }

    @Test("a clerk adds a dependant to a person's household and removes one from the person's page")
    func household() async throws {
        let f = try Self.fixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let blank = try await client.execute(
                uri: "/parties/petrov/dependants", method: .post, headers: b.formHeaders, body: b.form([("name", ""), ("category", "child")]))
            #expect(blank.status == .badRequest && blank.text.contains(#"id="parties-petrov-dependants-name-error""#), "\(blank.text)")
            let added = try await client.execute(
                uri: "/parties/petrov/dependants", method: .post, headers: b.formHeaders,
                body: b.form([("name", "Anna Petrova"), ("category", "incapacitated")]))
            #expect(added.status == .seeOther && added.headers[.location] == "/parties/petrov", "\(added.text)")
            #expect(try Self.lastEvent(f).map { "\($0.kind) \($0.actor)" } == "dependant.added clerk-user")
            let page = try await client.execute(uri: "/parties/petrov", method: .get, headers: b.headers)
            #expect(page.text.contains("<li>Anna Petrova (incapacitated)</li>"))
            #expect(page.text.contains(#"<option value="Anna Petrova:incapacitated""#), "\(page.text)")
            let removed = try await client.execute(
                uri: "/parties/petrov/dependants/remove", method: .post, headers: b.formHeaders,
                body: b.form([("dependant", "Anna Petrova:incapacitated")]))
            #expect(removed.status == .seeOther, "\(removed.text)")
            #expect(try Self.lastEvent(f).map { "\($0.kind) \($0.actor)" } == "dependant.removed clerk-user")
            let after = try await client.execute(uri: "/parties/petrov", method: .get, headers: b.headers)
            #expect(after.text.contains("Removed Anna Petrova from the household of Ivan Petrov.") && after.text.contains("No dependant."))
        }
        #expect(try ShowParty(party: "petrov").run(in: f.ledger.workspace).dependants ?? [] == [])
    }

    @Test("a change dated before the party was recorded is kept, and the page warns of it in the words the command prints")
    func dayBeforeThePartyWarns() async throws {
        let f = try Self.fixture()
        defer { f.ledger.remove() }
        let before = try f.eventCount()
        // Every party of the fixture is recorded on its today, 1920-03-04.
        let person = "before petitioner petrov was recorded on 1920-03-04; it is recorded all the same."
        try await f.test { client in
            var b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let added = try await client.execute(
                uri: "/parties/petrov/dependants", method: .post, headers: b.formHeaders,
                body: b.form([("name", "Anna Petrova"), ("category", "child"), ("on", "1919-05-01")]))
            #expect(added.status == .seeOther, "\(added.text)")
            let page = try await client.execute(uri: "/parties/petrov", method: .get, headers: b.headers)
            #expect(page.text.contains("Warning: the change to the household is dated 1919-05-01, \(person)"), "\(page.text)")

            let form = try await client.execute(uri: "/parties/petrov/edit", method: .get, headers: b.headers)
            b.read(form)
            let edited = try await client.execute(
                uri: "/parties/petrov/edit", method: .post, headers: b.formHeaders,
                body: b.form([("name", "Ivan Petrov"), ("district", "Dmitrov"), ("on", "1920-02-10")]))
            #expect(edited.status == .seeOther, "\(edited.text)")
            let corrected = try await client.execute(uri: "/parties/petrov", method: .get, headers: b.headers)
            #expect(corrected.text.contains("Warning: the correction is dated 1920-02-10, \(person)"), "\(corrected.text)")
        }
        #expect(try f.eventCount() == before + 2)
    }

    @Test("a clerk removes an attachment from its petition's page: gone from the page, the event names the clerk; one of another petition is refused")
    func removeAttachment() async throws {
        let f = try Self.fixture()
        defer { f.ledger.remove() }
        let ws = f.ledger.workspace
        let letter = try SendLetter(from: "dmitrov-post", to: "moscow-supply", on: try Day(parsing: "1920-01-21"), subject: "Appeal", petition: 1)
            .run(in: ws)
        let file = try AttachBytes(letter: letter.id, name: "wrong-scan.txt", bytes: Data("scan".utf8), on: TemporaryLedger.today).run(in: ws)
        _ = try LogPetition(from: "petrov", to: "moscow-supply", subject: "Another", on: try Day(parsing: "1920-02-01")).run(in: ws)
        let other = try SendLetter(from: "petrov", to: "moscow-supply", on: try Day(parsing: "1920-02-02"), subject: "Other", petition: 2).run(in: ws)
        let elsewhere = try AttachBytes(letter: other.id, name: "other.txt", bytes: Data("other".utf8), on: TemporaryLedger.today).run(in: ws)
        try await f.test { client in
            let b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let page = try await client.execute(uri: "/petitions/1", method: .get, headers: b.headers)
            #expect(page.text.contains(#"<option value="\#(file.id)" selected>\#(file.id): wrong-scan.txt</option>"#), "\(page.text)")
            let before = try f.eventCount()
            let wrong = try await client.execute(
                uri: "/petitions/1/remove-attachment", method: .post, headers: b.formHeaders,
                body: b.form([("attachment", String(elsewhere.id)), ("reason", "not ours")]))
            #expect(wrong.status == .badRequest && wrong.text.contains(#"id="petitions-1-remove-attachment-attachment-error""#), "\(wrong.text)")
            let noReason = try await client.execute(
                uri: "/petitions/1/remove-attachment", method: .post, headers: b.formHeaders, body: b.form([("attachment", String(file.id))]))
            #expect(noReason.status == .badRequest && noReason.text.contains(#"id="petitions-1-remove-attachment-reason-error""#))
            #expect(try f.eventCount() == before)
            let removed = try await client.execute(
                uri: "/petitions/1/remove-attachment", method: .post, headers: b.formHeaders,
                body: b.form([("attachment", String(file.id)), ("reason", "Attached to the wrong letter")]))
            #expect(removed.status == .seeOther && removed.headers[.location] == "/petitions/1", "\(removed.text)")
            #expect(try Self.lastEvent(f).map { "\($0.kind) \($0.actor)" } == "attachment.removed clerk-user")
            let after = try await client.execute(uri: "/petitions/1", method: .get, headers: b.headers)
            #expect(
                after.text.contains("Removed attachment \(file.id) (wrong-scan.txt)") && after.text.contains("No file attached."), "\(after.text)")

            let reader = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            let refused = try await client.execute(
                uri: "/petitions/2/remove-attachment", method: .post, headers: reader.formHeaders,
                body: reader.form([("attachment", String(elsewhere.id)), ("reason", "x")]))
            #expect(refused.status == .forbidden)
        }
    }
}
