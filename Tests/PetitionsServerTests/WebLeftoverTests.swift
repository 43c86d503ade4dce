import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PetitionsApp
import PetitionsServer
import PetitionsTestSupport
import Testing

/// What the web trial of 3 December 1926 left for the next round (issues 12 and 13): a receipt of two units, a party
/// whose handle is a word of the pages' addresses, and the wording of the forms' refusals.
@Suite("Web application: the trial's leftovers") struct WebLeftoverTests {
    // MARK: - A receipt of two units of one commodity

    @Test("a receipt of 1 funt and 590 g of salt is shown as those two amounts by the API and the page, not as 2.441 funt")
    func aReceiptKeepsItsUnits() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let ws = f.ledger.workspace
        _ = try AddPetitioner(name: "Pëtr Kropotkin", handle: "kropotkin").run(in: ws)
        _ = try AddDecree(
            handle: "salt", name: "Salt decree", issued: try Day(parsing: "1918-08-15"), supplier: "moscow-supply", rations: ["person: 1 kg salt"]
        ).run(in: ws)
        _ = try EnrolRecipient(
            decree: "salt", recipient: "kropotkin", counts: [HeadCount(category: "person", count: 1)], from: try Day(parsing: "1920-01-01")
        ).run(in: ws)
        let scheduled = try ScheduleDeliveries(decree: "salt", from: try Period(parsing: "1920-01"), to: try Period(parsing: "1920-01")).run(in: ws)
        let id = try #require(scheduled.scheduled.first?.id)
        try await f.test { client in
            let body = #"{"decree":"salt","recipient":"kropotkin","period":"1920-01","on":"1920-01-05","quantity":["1 funt salt","590 g salt"]}"#
            let made = try await client.execute(uri: "/api/v1/receipts", method: .post, headers: f.bearer(.clerk, json: true), body: json(body))
            // The API answers with the delivery as `delivery show --format json` prints it.
            #expect(made.status == .created, "\(made.text)")
            let receipt = try #require((made.object["receipts"] as? [[String: Any]])?.first, "\(made.text)")
            #expect(receipt["quantity"] as? String == "1 funt salt, 590 g salt", "\(made.text)")
            #expect((receipt["quantities"] as? [[String: Any]])?.compactMap { $0["unit"] as? String } == ["funt", "g"], "\(made.text)")

            let b = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            let page = try await client.execute(uri: "/deliveries/\(id)", method: .get, headers: b.headers)
            #expect(page.status == .ok, "\(page.text)")
            #expect(page.text.contains("<td>1 funt salt, 590 g salt</td>"), "\(page.text)")
            #expect(page.text.contains("0.9995 kg (as 1 funt + 590 g)"), "\(page.text)")
            #expect(!page.text.contains("2.441"), "\(page.text)")
        }
    }

    // MARK: - A party whose handle the pages' addresses use

    /// The fixture's ledger as an older ledger left it: a petitioner with the handle `new` and a group with the handle
    /// `join`, both refused for a new party since (by the commands, the pages and `import events` alike), so they are
    /// written under other handles and renamed in the file, as such a ledger holds them.
    static func reservedFixture() throws -> ServerFixture {
        let f = try ServerFixture()
        let ws = f.ledger.workspace
        _ = try AddPetitioner(name: "Nikolai Novikov", handle: "nikolai-novikov", district: "Klin", occupation: "telegraphist").run(in: ws)
        _ = try AddGroup(name: "Joiners of Klin", handle: "joiners", district: "Klin", counts: [HeadCount(category: "employee", count: 12)]).run(
            in: ws)
        let file = try DatabaseQueue(path: f.ledger.path)
        try file.write { db in
            try db.execute(sql: "UPDATE party SET handle = 'new' WHERE handle = 'nikolai-novikov'")
            try db.execute(sql: "UPDATE party SET handle = 'join' WHERE handle = 'joiners'")
        }
        try file.close()
        #expect(try ShowParty(party: "new").run(in: ws).name == "Nikolai Novikov")
        return f
    }

    @Test("/parties/new is the form even when a party is called new; that party's page is reached by every link to it")
    func reservedHandles() async throws {
        let f = try Self.reservedFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            var b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let form = try await client.execute(uri: "/parties/new", method: .get, headers: b.headers)
            #expect(form.status == .ok && form.text.contains(#"action="/parties/new/petitioner""#), "\(form.text)")
            #expect(!form.text.contains("Nikolai Novikov"), "\(form.text)")

            // The list links to the party's page by an address the forms' routes do not take.
            let list = try await client.execute(uri: "/parties", method: .get, headers: b.headers)
            #expect(list.text.contains(#"<a href="/parties/%6E%65%77">Nikolai Novikov</a>"#), "\(list.text)")
            #expect(list.text.contains(#"<a href="/parties/%6A%6F%69%6E">Joiners of Klin</a>"#), "\(list.text)")
            #expect(!list.text.contains(#"href="/parties/new""#) && !list.text.contains(#"href="/parties/join""#), "\(list.text)")
            let page = try await client.execute(uri: "/parties/%6E%65%77", method: .get, headers: b.headers)
            #expect(page.status == .ok && page.text.contains("Nikolai Novikov") && page.text.contains("<dd>new</dd>"), "\(page.text)")
            #expect(page.text.contains(#"href="/parties/%6E%65%77/edit""#), "\(page.text)")
            let search = try await client.execute(uri: "/search?q=novikov", method: .get, headers: b.headers)
            #expect(search.text.contains(#"href="/parties/%6E%65%77""#), "\(search.text)")

            // Its correction form, and the group's form to add a member, record and lead back to its page.
            let edit = try await client.execute(uri: "/parties/%6E%65%77/edit", method: .get, headers: b.headers)
            #expect(edit.status == .ok && edit.text.contains(#"action="/parties/%6E%65%77/edit""#), "\(edit.text)")
            b.read(edit)
            let corrected = try await client.execute(
                uri: "/parties/%6E%65%77/edit", method: .post, headers: b.formHeaders,
                body: b.form(WebTrial10Tests.sentBack(edit.text, changing: ["district": "Dmitrov"])))
            #expect(corrected.status == .seeOther && corrected.headers[.location] == "/parties/%6E%65%77", "\(corrected.text)")
            #expect(try ShowParty(party: "new").run(in: f.ledger.workspace).district == "Dmitrov")

            let group = try await client.execute(uri: "/parties/%6A%6F%69%6E", method: .get, headers: b.headers)
            #expect(group.text.contains(#"action="/parties/%6A%6F%69%6E/join""#), "\(group.text)")
            b.read(group)
            let joined = try await client.execute(
                uri: "/parties/%6A%6F%69%6E/join", method: .post, headers: b.formHeaders,
                body: b.form([("member", "new"), ("from", "1920-02-01")]))
            #expect(joined.status == .seeOther && joined.headers[.location] == "/parties/%6A%6F%69%6E", "\(joined.text)")
            let after = try await client.execute(uri: "/parties/%6A%6F%69%6E", method: .get, headers: b.headers)
            #expect(after.text.contains(#"<li><a href="/parties/%6E%65%77">Nikolai Novikov</a> (new)</li>"#), "\(after.text)")
        }
    }

    // MARK: - Refusals name the form's field

    /// Every form that takes a day, as a clerk fills it in (the day aside): its page, its action, its fields and the
    /// name of its day field.
    static func dayForms(_ edit: String) -> [(page: String, action: String, fields: [(String, String)], day: String)] {
        [
            ("/petitions/new", "/petitions", [("from", "dmitrov-post"), ("to", "moscow-supply"), ("subject", "Salt")], "on"),
            (
                "/petitions/1", "/petitions/1/letters",
                [("direction", "sent"), ("from", "dmitrov-post"), ("to", "moscow-supply"), ("subject", "Again")], "on"
            ),
            ("/petitions/1", "/petitions/1/status", [("to", "answered")], "on"),
            ("/petitions/1", "/petitions/1/notes", [("text", "Telephoned")], "on"),
            ("/petitions/1", "/petitions/1/void-letter", [("letter", "1"), ("reason", "Sent twice")], "on"),
            ("/letters", "/letters/void", [("letter", "2"), ("reason", "Sent twice")], "on"),
            (
                "/deliveries", "/deliveries/receipts",
                [("decree", "decree-1918"), ("recipient", "dmitrov-post"), ("period", "1920-01"), ("quantity", "1 funt wheat")], "on"
            ),
            ("/deliveries/1", "/deliveries/1/void-receipt", [("receipt", "1"), ("reason", "Wrong month")], "on"),
            ("/parties/new?kind=petitioner", "/parties/new/petitioner", [("name", "Anna Lvova")], "on"),
            ("/parties/new?kind=group", "/parties/new/group", [("name", "Klin telegraphists")], "on"),
            ("/parties/new?kind=authority", "/parties/new/authority", [("name", "Klin supply centre")], "on"),
            ("/parties/dmitrov-post/edit", "/parties/dmitrov-post/edit", WebTrial10Tests.sentBack(edit, changing: ["district": "Klin"]), "on"),
            ("/parties/dmitrov-post", "/parties/dmitrov-post/join", [("member", "kropotkin")], "from"),
            ("/parties/dmitrov-post", "/parties/dmitrov-post/leave", [("member", "ivan-petrov")], "on"),
            ("/parties/ivan-petrov", "/parties/ivan-petrov/dependants", [("name", "Anna")], "on"),
            ("/parties/ivan-petrov", "/parties/ivan-petrov/dependants/remove", [("dependant", "Olga:child")], "on"),
        ]
    }

    @Test("every form refuses a day that does not exist beside its day field, and no page names a command-line option")
    func dayRefusals() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let ws = f.ledger.workspace
        _ = try AddPetitioner(name: "Pëtr Kropotkin", handle: "kropotkin").run(in: ws)
        _ = try AddPetitioner(
            name: "Ivan Petrov", handle: "ivan-petrov", groups: ["dmitrov-post"], dependants: [Dependant(name: "Olga", category: "child")],
            on: try Day(parsing: "1920-01-02")
        ).run(in: ws)
        for subject in ["Appeal", "Appeal again"] {
            _ = try SendLetter(from: "dmitrov-post", to: "moscow-supply", on: try Day(parsing: "1920-01-20"), subject: subject, petition: 1).run(
                in: ws)
        }
        _ = try RecordReceipt(
            decree: "decree-1918", recipient: "dmitrov-post", period: try Period(parsing: "1920-01"), on: try Day(parsing: "1920-01-06"),
            quantities: ["10 funt wheat"]
        ).run(in: ws)
        try await f.test { client in
            var b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let edit = try await client.execute(uri: "/parties/dmitrov-post/edit", method: .get, headers: b.headers)
            for form in Self.dayForms(edit.text) {
                for day in ["1920-02-30", "2040-01-01"] {
                    b.read(try await client.execute(uri: form.page, method: .get, headers: b.headers))
                    let sent = try await client.execute(
                        uri: form.action, method: .post, headers: b.formHeaders, body: b.form(form.fields + [(form.day, day)]))
                    // Recorded with a warning (a letter, a note, a receipt dated later): the page it leads to says so.
                    var shown = sent.text
                    if sent.status == .seeOther, let next = sent.headers[.location] {
                        shown = try await client.execute(uri: next, method: .get, headers: b.headers).text
                    }
                    let asked = "\(form.action) \(form.day)=\(day): \(sent.status)"
                    #expect(shown.firstMatch(of: #/[^-!]--[a-z]/#) == nil, "\(asked): \(shown)")
                    if day == "1920-02-30" || sent.status != .seeOther {
                        #expect(sent.status == .badRequest, "\(asked): \(shown)")
                        let beside = #/class="error" id="[a-z0-9-]*-(?<field>[a-z_]+)-error">(?<said>[^<]*)</#
                        let error = try #require(shown.firstMatch(of: beside), "\(asked): \(shown)")
                        #expect(error.output.field == form.day, "\(asked): \(error.output.0)")
                        #expect(error.output.said.hasPrefix("\(form.day) &#39;\(day)&#39;"), "\(asked): \(error.output.said)")
                    }
                }
            }
            // Removing a dependant the household does not hold: the sentence names the form's field, beside it.
            b.read(try await client.execute(uri: "/parties/ivan-petrov", method: .get, headers: b.headers))
            let stale = try await client.execute(
                uri: "/parties/ivan-petrov/dependants/remove", method: .post, headers: b.formHeaders, body: b.form([("dependant", "Zoya:child")]))
            #expect(stale.status == .badRequest, "\(stale.text)")
            #expect(
                stale.text.contains(#"-dependants-remove-dependant-error">dependant &#39;Zoya&#39; is not in the household of ivan-petrov"#),
                "\(stale.text)")
            // The API names the body's key, in the sentence and as `field`.
            let status = try await client.execute(
                uri: "/api/v1/petitions/1/status", method: .post, headers: f.bearer(.clerk, json: true),
                body: json(#"{"to":"answered","on":"2040-01-01"}"#))
            #expect(status.status == .badRequest && status.object["field"] as? String == "on", "\(status.text)")
            #expect((status.object["error"] as? String)?.hasPrefix("on '2040-01-01' is after today") == true, "\(status.text)")
        }
    }
}
