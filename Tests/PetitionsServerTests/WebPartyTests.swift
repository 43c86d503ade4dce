import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PetitionsApp
import PetitionsServer
import PetitionsTestSupport
import Testing

/// A trial found no page listing the parties (`/parties` was 404), none to add one, and party pages that left out
/// what `… show` prints: a group's head-counts and members, a person's groups, household and contact, an
/// authority's parent and chain.
@Suite("Web application: the parties") struct WebPartyTests {
    /// The fixture with an authority above moscow-supply and one above that, a petitioner in dmitrov-post with a
    /// household and an address, and a petition of the group's through him as intermediary.
    static func fixture() throws -> ServerFixture {
        let f = try ServerFixture()
        let ws = f.ledger.workspace
        _ = try AddAuthority(name: "People's Commissariat of Posts", handle: "narkompochtel").run(in: ws)
        _ = try AddAuthority(name: "Regional supply committee", handle: "region-supply", parent: "narkompochtel").run(in: ws)
        var change = PartyChange(party: "moscow-supply", kinds: [.authority])
        change.parent = .some("region-supply")
        _ = try EditParty(change: change).run(in: ws)
        _ = try AddPetitioner(
            name: "Ivan Petrov", handle: "petrov", district: "Dmitrov", occupation: "postman", groups: ["dmitrov-post"],
            dependants: [Dependant(name: "Anna Petrova", category: "incapacitated")]
        ).run(in: ws)
        var contact = PartyChange(party: "petrov", kinds: [.person])
        contact.address = "3 Post Street\nDmitrov"
        contact.phone = "12-34"
        _ = try EditParty(change: contact).run(in: ws)
        _ = try LogPetition(
            from: "dmitrov-post", to: "moscow-supply", subject: "Pension for Anna", on: try Day(parsing: "1920-02-02"), via: "petrov"
        ).run(in: ws)
        return f
    }

    static func lastEvent(_ f: ServerFixture) throws -> Event? {
        try ListEvents().run(in: f.ledger.workspace).max { $0.id < $1.id }
    }

    @Test(
        "/parties lists every party with its name, kind and facts, linked from every page's header; ?kind= filters; a kind that is none is 400 beside the field"
    )
    func list() async throws {
        let f = try Self.fixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let b = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            let home = try await client.execute(uri: "/", method: .get, headers: b.headers)
            #expect(home.text.contains(#"<li><a href="/parties">Parties</a></li>"#))
            let all = try await client.execute(uri: "/parties", method: .get, headers: b.headers)
            #expect(all.status == .ok)
            #expect(
                all.text.contains(#"<td><a href="/parties/petrov">Ivan Petrov</a></td><td>petrov</td><td>petitioner</td><td>Dmitrov</td>"#),
                "\(all.text)")
            #expect(all.text.contains("postman; member of Postal-telegraph employees of the Dmitrov district; 1 dependant"))
            #expect(all.text.contains("125 employee; 1 member"), "a group's head-counts and members")
            #expect(all.text.contains("under Regional supply committee; replies within 20 working days"), "an authority's parent")
            // The four recorded and the office's own party, made with the ledger.
            #expect(all.text.contains("Rows 1–6 of 6, page 1 of 1."), "\(all.text)")
            // A reader is offered no form to add one.
            #expect(!all.text.contains("/parties/new"))

            let groups = try await client.execute(uri: "/parties?kind=group", method: .get, headers: b.headers)
            #expect(groups.status == .ok && groups.text.contains("dmitrov-post") && !groups.text.contains("petrov"))
            let wrong = try await client.execute(uri: "/parties?kind=guild", method: .get, headers: b.headers)
            #expect(wrong.status == .badRequest)
            #expect(wrong.text.contains(#"id="filter-kind-error""#) && wrong.text.contains("is not a kind of party"), "\(wrong.text)")
            #expect(!wrong.text.contains("<td>"))
        }
    }

    @Test("/parties is 100 a page, with links to the next")
    func paged() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        for i in 1...120 { _ = try AddPetitioner(name: "Petitioner \(i)", handle: "p\(i)").run(in: f.ledger.workspace) }
        try await f.test { client in
            let b = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            let first = try await client.execute(uri: "/parties?kind=petitioner", method: .get, headers: b.headers)
            #expect(first.text.contains("Rows 1–100 of 120, page 1 of 2."), "\(first.text)")
            #expect(first.text.contains(#"href="/parties?kind=petitioner&amp;page=2" rel="next""#), "\(first.text)")
            let second = try await client.execute(uri: "/parties?kind=petitioner&page=2", method: .get, headers: b.headers)
            #expect(second.text.contains("Rows 101–120 of 120, page 2 of 2."))
        }
    }

    @Test("a party's page shows what its show command prints: head-counts and members, groups, household and contact, parent and chain")
    func facts() async throws {
        let f = try Self.fixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let b = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            let group = try await client.execute(uri: "/parties/dmitrov-post", method: .get, headers: b.headers)
            #expect(group.text.contains("<tr><td>employee</td><td>125</td></tr>"), "\(group.text)")
            #expect(group.text.contains(#"<li><a href="/parties/petrov">Ivan Petrov</a> (petrov)</li>"#), "its members")
            #expect(group.text.contains("Pension for Anna"), "its petitions")

            let person = try await client.execute(uri: "/parties/petrov", method: .get, headers: b.headers)
            #expect(person.text.contains(#"<a href="/parties/dmitrov-post">Postal-telegraph employees of the Dmitrov district</a>"#))
            #expect(person.text.contains("<li>Anna Petrova (incapacitated)</li>"))
            #expect(person.text.contains("<dt>Occupation</dt><dd>postman</dd>"))
            #expect(person.text.contains("<dt>Address</dt><dd class=\"lines\">3 Post Street\nDmitrov</dd>"), "\(person.text)")
            #expect(person.text.contains("<dt>Telephone</dt><dd>12-34</dd>"))
            #expect(person.text.contains(#"<a href="/events?party=petrov">Its events</a>"#))
            #expect(person.text.contains("Pension for Anna"), "a petition he carried as intermediary")
            // A reader may not correct it.
            #expect(!person.text.contains("/parties/petrov/edit"))

            let authority = try await client.execute(uri: "/parties/moscow-supply", method: .get, headers: b.headers)
            #expect(authority.text.contains(#"<dt>Above it</dt><dd><a href="/parties/region-supply">Regional supply committee</a></dd>"#))
            #expect(
                authority.text.contains(
                    #"<a href="/parties/region-supply">Regional supply committee</a> → <a href="/parties/narkompochtel">People&#39;s Commissariat of Posts</a>"#
                ), "\(authority.text)")
            #expect(authority.text.contains("<dt>Replies within</dt><dd>20 working days</dd>"))
        }
    }

    @Test("the listings show who: the Via column on /petitions, the From column on /unanswered and the dashboard, quantities on /deliveries")
    func listingFacts() async throws {
        let f = try Self.fixture()
        defer { f.ledger.remove() }
        let ws = f.ledger.workspace
        _ = try SendLetter(
            from: "petrov", to: "moscow-supply", on: try Day(parsing: "1920-02-03"), subject: "Anna's pension", petition: 2
        ).run(in: ws)
        _ = try RecordReceipt(
            decree: "decree-1918", recipient: "dmitrov-post", period: try Period(parsing: "1920-01"), on: try Day(parsing: "1920-01-09"),
            quantities: ["400 funt wheat"]
        ).run(in: ws)
        try await f.test { client in
            let b = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            let petitions = try await client.execute(uri: "/petitions", method: .get, headers: b.headers)
            #expect(petitions.text.contains("<th>Via</th>"))
            #expect(
                petitions.text.contains(
                    #"<td><a href="/parties/dmitrov-post">Postal-telegraph employees of the Dmitrov district</a></td><td><a href="/parties/petrov">Ivan Petrov</a></td>"#
                ), "\(petitions.text)")
            for path in ["/unanswered?as_of=1920-03-04", "/?as_of=1920-03-04"] {
                let page = try await client.execute(uri: path, method: .get, headers: b.headers)
                #expect(page.text.contains("<th>Sent</th><th>From</th><th>To</th>"), "\(path)")
                #expect(
                    page.text.contains(
                        #"<td>1920-02-03</td><td><a href="/parties/petrov">Ivan Petrov</a></td><td><a href="/parties/moscow-supply">"#),
                    "\(path): \(page.text)")
            }
            let deliveries = try await client.execute(uri: "/deliveries", method: .get, headers: b.headers)
            #expect(
                deliveries.text.contains("<td>1,000 funt wheat</td><td>400 funt wheat</td><td>600 funt wheat</td>"), "\(deliveries.text)")
            #expect(deliveries.text.contains(#"<a href="/deliveries/1">receipts</a>"#))
        }
    }

    @Test("a clerk adds a petitioner, a group and an authority through the forms; each event names the clerk")
    func add() async throws {
        let f = try Self.fixture()
        defer { f.ledger.remove() }
        let before = try f.eventCount()
        try await f.test { client in
            var b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let list = try await client.execute(uri: "/parties", method: .get, headers: b.headers)
            #expect(list.text.contains(#"href="/parties/new?kind=group">Add a group</a>"#))
            let newPetition = try await client.execute(uri: "/petitions/new", method: .get, headers: b.headers)
            #expect(newPetition.text.contains(#"<a href="/parties">Parties</a> page"#), "the handles the form asks for are listed")
            let form = try await client.execute(uri: "/parties/new?kind=petitioner", method: .get, headers: b.headers)
            #expect(form.status == .ok && form.text.contains(#"action="/parties/new/petitioner""#))
            b.read(form)
            let person = try await client.execute(
                uri: "/parties/new/petitioner", method: .post, headers: b.formHeaders,
                body: b.form([
                    ("name", "Maria Sidorova"), ("handle", "sidorova"), ("district", "Klin"), ("occupation", "telegraphist"),
                    ("group", "dmitrov-post"), ("dependant", "Pyotr:child\r\nOlga:child"), ("on", "1920-02-10"),
                ]))
            #expect(person.status == .seeOther && person.headers[.location] == "/parties/sidorova", "\(person.text)")
            #expect(try Self.lastEvent(f).map { "\($0.kind) \($0.actor)" } == "petitioner.added clerk-user")
            let page = try await client.execute(uri: "/parties/sidorova", method: .get, headers: b.headers)
            #expect(page.text.contains("<li>Pyotr (child)</li>") && page.text.contains("<li>Olga (child)</li>"), "\(page.text)")
            #expect(page.text.contains("<dt>Occupation</dt><dd>telegraphist</dd>"))

            let group = try await client.execute(
                uri: "/parties/new/group", method: .post, headers: b.formHeaders,
                body: b.form([("name", "Klin telegraph"), ("handle", "klin-tel"), ("count", "employee=40\nretired=3")]))
            #expect(group.status == .seeOther && group.headers[.location] == "/parties/klin-tel", "\(group.text)")
            #expect(try Self.lastEvent(f).map { "\($0.kind) \($0.actor)" } == "group.added clerk-user")
            let authority = try await client.execute(
                uri: "/parties/new/authority", method: .post, headers: b.formHeaders,
                body: b.form([("name", "Klin supply office"), ("handle", "klin-supply"), ("parent", "moscow-supply"), ("reply_within", "10 days")]))
            #expect(authority.status == .seeOther && authority.headers[.location] == "/parties/klin-supply", "\(authority.text)")
            #expect(try Self.lastEvent(f).map { "\($0.kind) \($0.actor)" } == "authority.added clerk-user")
            let shown = try await client.execute(uri: "/parties/klin-supply", method: .get, headers: b.headers)
            #expect(shown.text.contains("<dt>Replies within</dt><dd>10 days</dd>") && shown.text.contains("Moscow postal-telegraph supply centre"))
        }
        #expect(try f.eventCount() == before + 3)
        let klin = try ShowParty(party: "klin-tel").run(in: f.ledger.workspace)
        #expect(klin.counts?.map { "\($0.category)=\($0.count)" } == ["employee=40", "retired=3"])
    }

    @Test("bad input comes back beside its field with what was typed and records nothing; a taken handle is 409; a reader is 403")
    func refusals() async throws {
        let f = try Self.fixture()
        defer { f.ledger.remove() }
        let before = try f.eventCount()
        try await f.test { client in
            let b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let count = try await client.execute(
                uri: "/parties/new/group", method: .post, headers: b.formHeaders,
                body: b.form([("name", "Klin telegraph"), ("count", "employee=forty")]))
            #expect(count.status == .badRequest)
            #expect(count.text.contains(#"id="parties-new-group-count-error""#) && count.text.contains("employee=forty"), "\(count.text)")
            #expect(count.text.contains(#"value="Klin telegraph""#))
            let parent = try await client.execute(
                uri: "/parties/new/authority", method: .post, headers: b.formHeaders,
                body: b.form([("name", "Klin supply office"), ("parent", "nobody")]))
            #expect(parent.status == .badRequest && parent.text.contains(#"id="parties-new-authority-parent-error""#), "\(parent.text)")
            let taken = try await client.execute(
                uri: "/parties/new/petitioner", method: .post, headers: b.formHeaders,
                body: b.form([("name", "Another Petrov"), ("handle", "petrov")]))
            #expect(taken.status == .conflict && taken.text.contains(#"id="parties-new-petitioner-handle-error""#), "\(taken.text)")
            let unknown = try await client.execute(
                uri: "/parties/new/petitioner", method: .post, headers: b.formHeaders, body: b.form([("name", "Vera"), ("parent", "moscow-supply")]))
            #expect(unknown.status == .badRequest && unknown.text.contains("is not a field of this form"), "\(unknown.text)")
            let kind = try await client.execute(uri: "/parties/new?kind=office", method: .get, headers: b.headers)
            #expect(kind.status == .badRequest && kind.text.contains("is not a kind of party a form adds"))

            let reader = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            let page = try await client.execute(uri: "/parties/new?kind=group", method: .get, headers: reader.headers)
            #expect(page.status == .forbidden)
            let post = try await client.execute(
                uri: "/parties/new/group", method: .post, headers: reader.formHeaders, body: reader.form([("name", "Readers' group")]))
            #expect(post.status == .forbidden)
        }
        #expect(try f.eventCount() == before)
    }

    @Test("the handle new is refused (it is the forms' address); /parties/new is the form, naming a kind")
    func partyNamedNew() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let form = try await client.execute(uri: "/parties/new", method: .get, headers: b.headers)
            #expect(form.status == .ok && form.text.contains("<h1>Add a petitioner</h1>"))
            #expect(throws: PetitionsError.self) { try AddGroup(name: "New Dmitrov telegraph", handle: "new").run(in: f.ledger.workspace) }
            let page = try await client.execute(uri: "/parties/new", method: .get, headers: b.headers)
            #expect(page.status == .ok && page.text.contains("<h1>Add a petitioner</h1>"), "\(page.text)")
            let group = try await client.execute(uri: "/parties/new?kind=group", method: .get, headers: b.headers)
            #expect(group.text.contains("<h1>Add a group</h1>"))
        }
    }
}
