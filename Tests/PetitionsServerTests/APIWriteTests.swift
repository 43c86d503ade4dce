import Foundation
import Hummingbird
import HummingbirdTesting
import PetitionsApp
import PetitionsServer
import PetitionsTestSupport
import Testing

@Suite("JSON API: recording") struct APIWriteTests {
    @Test("a clerk logs a petition: 201 with the petition as show prints it, and the event names the clerk")
    func logPetition() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let r = try await client.execute(
                uri: "/api/v1/petitions", method: .post, headers: f.bearer(.clerk, json: true),
                body: json(#"{"from":"dmitrov-post","to":"moscow-supply","subject":"February provisions","on":"1920-02-20","category":"supply"}"#))
            #expect(r.status == .created, "\(r.text)")
            let petition = r.object["petition"] as? [String: Any]
            #expect(petition?["subject"] as? String == "February provisions")
            #expect(r.object["letters"] is [Any])
            #expect(r.object["events"] is [Any])
        }
        let last = try ListEvents().run(in: f.ledger.workspace).max(by: { $0.id < $1.id })
        #expect(last?.actor == "clerk-user")
    }

    @Test("a reader may not record (403) and an admin may; nothing is recorded on a refusal")
    func roles() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let before = try f.eventCount()
        let body = #"{"name":"Vera Figner","district":"Dmitrov"}"#
        try await f.test { client in
            let r = try await client.execute(uri: "/api/v1/petitioners", method: .post, headers: f.bearer(.reader, json: true), body: json(body))
            #expect(r.status == .forbidden)
            #expect((r.object["error"] as? String)?.contains("reader") == true)
        }
        #expect(try f.eventCount() == before)
        try await f.test { client in
            let r = try await client.execute(uri: "/api/v1/petitioners", method: .post, headers: f.bearer(.admin, json: true), body: json(body))
            #expect(r.status == .created)
            #expect(r.object["handle"] as? String == "vera-figner")
        }
        #expect(try f.eventCount() == before + 1)
    }

    @Test("a duplicate handle is 409; bad input is 400 naming the field with the command's sentence; the ledger is unchanged")
    func refusals() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let before = try f.eventCount()
        try await f.test { client in
            let dup = try await client.execute(
                uri: "/api/v1/authorities", method: .post, headers: f.bearer(.clerk, json: true),
                body: json(#"{"name":"Another","handle":"moscow-supply"}"#))
            #expect(dup.status == .conflict)
            #expect(dup.object["field"] as? String == "handle")
            let cases: [(String, String, String)] = [
                ("petitions", #"{"from":"dmitrov-post","to":"moscow-supply","subject":"x","on":"1920-02-31"}"#, "on"),
                ("petitions", #"{"from":"dmitrov-post","to":"moscow-supply","subject":"x"}"#, "on"),
                ("petitions", #"{"from":"nobody","to":"moscow-supply","subject":"x","on":"1920-02-01"}"#, "from"),
                ("petitions", #"{"from":"dmitrov-post","to":"moscow-supply","subject":"x","on":"1920-02-01","colour":"red"}"#, "colour"),
                ("petitions", #"[1,2]"#, "body"),
                ("letters", #"{"direction":"sideways","from":"dmitrov-post","to":"moscow-supply","subject":"x","on":"1920-02-01"}"#, "direction"),
                (
                    "letters",
                    #"{"direction":"sent","from":"dmitrov-post","to":"moscow-supply","subject":"x","on":"1920-02-01","reply_within":"soon"}"#,
                    "reply_within"
                ),
                (
                    "receipts",
                    #"{"decree":"decree-1918","recipient":"dmitrov-post","period":"1920-01","on":"1920-01-09","quantity":["lots of wheat"]}"#,
                    "quantity"
                ),
                ("groups", #"{"name":"G","count":["employee=many"]}"#, "count"),
            ]
            for (path, body, field) in cases {
                let r = try await client.execute(uri: "/api/v1/" + path, method: .post, headers: f.bearer(.clerk, json: true), body: json(body))
                #expect(r.status == .badRequest, "\(path) \(body): \(r.status) \(r.text)")
                #expect(r.object["field"] as? String == field, "\(path) \(body): \(r.text)")
                let sentence = r.object["error"] as? String ?? ""
                #expect(!sentence.isEmpty && !sentence.contains("SQLite") && !sentence.contains("Optional("), "\(sentence)")
            }
        }
        #expect(try f.eventCount() == before)
    }

    @Test("a body over 1 MiB is 413 and changes nothing")
    func tooLarge() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let before = try f.eventCount()
        let big = #"{"name":""# + String(repeating: "a", count: 1 << 21) + #""}"#
        try await f.test { client in
            let r = try await client.execute(uri: "/api/v1/authorities", method: .post, headers: f.bearer(.clerk, json: true), body: json(big))
            #expect(r.status == .contentTooLarge)
            #expect(r.object["error"] is String)
        }
        #expect(try f.eventCount() == before)
    }

    @Test("a calendar stored while the server runs gives the next letter recorded through the API its due day, after letters in between")
    func calendarStoredMeanwhile() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let body = json(#"{"direction":"sent","from":"dmitrov-post","to":"moscow-supply","on":"1920-01-21","subject":"Appeal"}"#)
        try await f.test { client in
            var due: [String] = []
            for _ in 0..<3 {
                let sent = try await client.execute(uri: "/api/v1/letters", method: .post, headers: f.bearer(.clerk, json: true), body: body)
                #expect(sent.status == .created, "\(sent.text)")
                due.append(sent.object["reply_due"] as? String ?? "")
            }
            // 20 working days from 21 January 1920 under the built-in calendar, for each of the three.
            #expect(due == Array(repeating: "1920-02-18", count: 3), "\(due)")
            // Another process (the command line) stores a calendar with a day off within those 20 days.
            let file = f.ledger.directory.appendingPathComponent("calendar.toml").path
            try "weekend = [\"saturday\", \"sunday\"]\n\n[[holiday]]\ndate = \"1920-02-10\"\nname = \"A day off\"\n"
                .write(toFile: file, atomically: true, encoding: .utf8)
            _ = try StoreRules(.calendar, file: file, on: try Day(parsing: "1920-01-21")).run(in: f.ledger.workspace)
            let after = try await client.execute(uri: "/api/v1/letters", method: .post, headers: f.bearer(.clerk, json: true), body: body)
            #expect(after.status == .created, "\(after.text)")
            #expect(after.object["reply_due"] as? String == "1920-02-19", "\(after.text)")
        }
    }

    @Test("letters sent and received, a receipt, a status change, groups and authorities are recorded as the commands record them")
    func records() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let sent = try await client.execute(
                uri: "/api/v1/letters", method: .post, headers: f.bearer(.clerk, json: true),
                body: json(
                    #"{"direction":"sent","from":"dmitrov-post","to":"moscow-supply","on":"1920-01-21","subject":"Appeal","petition":1,"reply_within":"10 days"}"#
                ))
            #expect(sent.status == .created, "\(sent.text)")
            let letterID = sent.object["id"] as? Int ?? 0
            let received = try await client.execute(
                uri: "/api/v1/letters", method: .post, headers: f.bearer(.clerk, json: true),
                body: json(
                    #"{"direction":"received","from":"moscow-supply","to":"dmitrov-post","on":"1920-02-01","subject":"Answer","in_reply_to":\#(letterID)}"#
                ))
            #expect(received.status == .created, "\(received.text)")
            let receipt = try await client.execute(
                uri: "/api/v1/receipts", method: .post, headers: f.bearer(.clerk, json: true),
                body: json(
                    #"{"decree":"decree-1918","recipient":"dmitrov-post","period":"1920-01","on":"1920-01-09","quantity":["500 funt wheat"],"note":"first cart"}"#
                ))
            #expect(receipt.status == .created, "\(receipt.text)")
            #expect(receipt.object["status"] as? String == "partial")
            let status = try await client.execute(
                uri: "/api/v1/petitions/1/status", method: .post, headers: f.bearer(.clerk, json: true),
                body: json(#"{"to":"answered","on":"1920-02-02","note":"answered by letter"}"#))
            #expect(status.status == .ok, "\(status.text)")
            #expect(status.object["status"] as? String == "answered")
            let group = try await client.execute(
                uri: "/api/v1/groups", method: .post, headers: f.bearer(.clerk, json: true),
                body: json(#"{"name":"Klin post office","count":["employee=40"]}"#))
            #expect(group.status == .created)
            let authority = try await client.execute(
                uri: "/api/v1/authorities", method: .post, headers: f.bearer(.clerk, json: true),
                body: json(#"{"name":"Narkompochtel","handle":"narkompochtel","reply_within":"20 working days"}"#))
            #expect(authority.status == .created)
            let events = try await client.execute(uri: "/api/v1/events?petition=1", method: .get, headers: f.bearer(.reader))
            #expect(events.array.count >= 3)
        }
        let actors = Set(try ListEvents(since: try Day(parsing: "1920-01-21")).run(in: f.ledger.workspace).map(\.actor))
        #expect(actors.contains("clerk-user"))
    }

    @Test("a letter or receipt recorded answers the command's warnings in warnings, [] when none; recorded all the same")
    func warnings() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        _ = try AddAuthority(name: "Tver supply", handle: "tver-supply").run(in: f.ledger.workspace)
        let sent = try SendLetter(from: "dmitrov-post", to: "moscow-supply", on: try Day(parsing: "1920-02-01"), subject: "Appeal")
            .run(in: f.ledger.workspace)
        try await f.test { client in
            let plain = #"{"direction":"sent","from":"dmitrov-post","to":"moscow-supply","on":"1920-02-02","subject":"Plain"}"#
            let quiet = try await client.execute(uri: "/api/v1/letters", method: .post, headers: f.bearer(.clerk, json: true), body: json(plain))
            #expect(quiet.status == .created && (quiet.object["warnings"] as? [Any])?.isEmpty == true, "\(quiet.text)")
            #expect(quiet.object["subject"] as? String == "Plain")
            let reply = """
                {"direction":"received","from":"tver-supply","to":"dmitrov-post","on":"1920-02-20","subject":"Answer","in_reply_to":\(sent.id)}
                """
            let r = try await client.execute(uri: "/api/v1/letters", method: .post, headers: f.bearer(.clerk, json: true), body: json(reply))
            #expect(r.status == .created, "\(r.text)")
            let said = r.object["warnings"] as? [String] ?? []
            #expect(said.count == 1 && said.first?.contains("but this reply comes from tver-supply") == true, "\(r.text)")
            #expect(r.object["in_reply_to"] as? Int == Int(sent.id))
            let receipt = #"{"decree":"decree-1918","recipient":"dmitrov-post","period":"1920-01","on":"1920-01-10","quantity":["1500 funt wheat"]}"#
            let over = try await client.execute(uri: "/api/v1/receipts", method: .post, headers: f.bearer(.clerk, json: true), body: json(receipt))
            #expect(over.status == .created, "\(over.text)")
            let overSaid = over.object["warnings"] as? [String] ?? []
            #expect(overSaid.count == 1 && overSaid.first?.contains("more than the 1,000 funt wheat expected") == true, "\(over.text)")
            #expect(over.object["period"] as? String == "1920-01")
        }
        let letters = try ListLetters().run(in: f.ledger.workspace)
        #expect(letters.contains { $0.subject == "Answer" })
    }

    @Test("a reply put on a petition while the letter it answers is on none is warned of in warnings and the web notice; recorded")
    func replyOnAPetitionToALetterOnNone() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let loose = try SendLetter(from: "dmitrov-post", to: "moscow-supply", on: try Day(parsing: "1920-02-01"), subject: "Loose")
            .run(in: f.ledger.workspace).id
        let said = "letter \(loose) is on no petition, but this reply is on petition 1; recorded all the same."
        try await f.test { client in
            let reply = #"{"direction":"received","from":"moscow-supply","to":"dmitrov-post","on":"1920-02-20","subject":"Answer","in_reply_to":"#
            let r = try await client.execute(
                uri: "/api/v1/letters", method: .post, headers: f.bearer(.clerk, json: true), body: json(reply + "\(loose),\"petition\":1}"))
            #expect(r.status == .created && r.object["warnings"] as? [String] == [said], "\(r.text)")
            #expect(r.object["petition"] as? Int == 1, "\(r.text)")
            // Without petition, the reply is on no petition either: nothing to say.
            let plain = try await client.execute(
                uri: "/api/v1/letters", method: .post, headers: f.bearer(.clerk, json: true), body: json(reply + "\(loose)}"))
            #expect(plain.status == .created && plain.object["warnings"] as? [String] == [], "\(plain.text)")

            let b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let form = try await client.execute(
                uri: "/petitions/1/letters", method: .post, headers: b.formHeaders,
                body: b.form([
                    ("direction", "received"), ("from", "moscow-supply"), ("to", "dmitrov-post"), ("on", "1920-02-21"), ("subject", "By hand"),
                    ("channel", "post"), ("in_reply_to", "\(loose)"),
                ]))
            #expect(form.status == .seeOther && form.headers[.location] == "/petitions/1", "\(form.status) \(form.text)")
            let page = try await client.execute(uri: "/petitions/1", method: .get, headers: b.headers)
            #expect(page.text.contains(#"<p class="notice" role="status">Warning: \#(said)</p>"#), "\(page.text)")
        }
        #expect(try ListLetters(petition: 1).run(in: f.ledger.workspace).map(\.subject) == ["Answer", "By hand"])
    }

}
