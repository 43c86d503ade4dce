import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PetitionsApp
import PetitionsServer
import PetitionsTestSupport
import Testing

@Suite("JSON API: search, notes and list filters") struct APICaseworkTests {
    @Test("search answers as search --format json; a case note is 201 and then found; a bad filter is 400, never an empty list")
    func searchNotesAndFilters() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let found = try await client.execute(uri: "/api/v1/search?q=moscow", method: .get, headers: f.bearer(.reader))
            #expect(found.status == .ok, "\(found.text)")
            let first = found.array.first as? [String: Any]
            #expect(Set(first?.keys.map { $0 } ?? []) == ["kind", "id", "handle", "title", "day", "snippet", "matches", "rank"], "\(found.text)")

            let note = try await client.execute(
                uri: "/api/v1/petitions/1/notes", method: .post, headers: f.bearer(.clerk, json: true),
                body: json(#"{"text":"Telephoned the kerosene depot","on":"1920-03-01"}"#))
            #expect(note.status == .created && (note.object["warnings"] as? [String]) == [], "\(note.text)")
            // Kept all the same, with the sentence `petition note` prints on stderr.
            let early = try await client.execute(
                uri: "/api/v1/petitions/1/notes", method: .post, headers: f.bearer(.clerk, json: true),
                body: json(#"{"text":"From the 1919 file","on":"1919-12-30"}"#))
            #expect(early.status == .created, "\(early.text)")
            #expect(
                (early.object["warnings"] as? [String])
                    == ["the note is dated 1919-12-30, before petition 1 was logged on 1920-01-20; it is recorded all the same."], "\(early.text)")
            #expect(early.object["text"] as? String == "From the 1919 file")
            let notes = try await client.execute(uri: "/api/v1/search?q=kerosene&kind=note", method: .get, headers: f.bearer(.reader))
            #expect(notes.array.count == 1, "\(notes.text)")
            // A query string written as a form writes a space as "+": two words, both searched for (FTS5 would read a bare "+" as a phrase, which does not match).
            let spaced = try await client.execute(uri: "/api/v1/search?q=depot+telephoned&kind=note", method: .get, headers: f.bearer(.reader))
            #expect(spaced.status == .ok && spaced.array.count == 1, "\(spaced.text)")

            let readerNote = try await client.execute(
                uri: "/api/v1/petitions/1/notes", method: .post, headers: f.bearer(.reader, json: true), body: json(#"{"text":"x"}"#))
            #expect(readerNote.status == .forbidden)
            let missing = try await client.execute(
                uri: "/api/v1/petitions/999/notes", method: .post, headers: f.bearer(.clerk, json: true), body: json(#"{"text":"x"}"#))
            #expect(missing.status == .notFound, "\(missing.text)")
            // A refused value names its field, so a client can show the sentence beside it.
            let nul = try await client.execute(
                uri: "/api/v1/petitions/1/notes", method: .post, headers: f.bearer(.clerk, json: true), body: json(#"{"text":"a\u0000b"}"#))
            #expect(nul.status == .badRequest && nul.object["field"] as? String == "text", "\(nul.text)")
            let long = try await client.execute(
                uri: "/api/v1/search?q=\(String(repeating: "a", count: 2_000))", method: .get, headers: f.bearer(.reader))
            #expect(long.status == .badRequest && long.object["field"] as? String == "q", "\(long.text)")

            for uri in [
                "/api/v1/search?q=%22unbalanced", "/api/v1/petitions?party=nosuch", "/api/v1/petitions?search=*", "/api/v1/letters?search=AND",
            ] {
                let r = try await client.execute(uri: uri, method: .get, headers: f.bearer(.reader))
                #expect(r.status == .badRequest, "\(uri): \(r.status) \(r.text)")
                #expect(r.object["error"] is String, "\(uri): \(r.text)")
            }
        }
    }

    @Test("a status change's note, given through the API, is among the petition's notes there and on its page, and is found by search")
    func statusNoteShownAndFound() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let changed = try await client.execute(
                uri: "/api/v1/petitions/1/status", method: .post, headers: f.bearer(.clerk, json: true),
                body: json(#"{"to":"answered","on":"1920-02-02","note":"Moscow promised <barley> instead"}"#))
            #expect(changed.status == .ok, "\(changed.text)")
            let shown = try await client.execute(uri: "/api/v1/petitions/1", method: .get, headers: f.bearer(.reader))
            let notes = shown.object["notes"] as? [[String: Any]] ?? []
            #expect(notes.count == 1 && notes.first?["text"] as? String == "Moscow promised <barley> instead", "\(shown.text)")
            #expect(notes.first?["recorded_by"] as? String == "clerk-user" && notes.first?["on"] as? String == "1920-02-02", "\(shown.text)")
            let change = notes.first?["status_change"] as? [String: Any]
            #expect(change?["from"] as? String == "open" && change?["to"] as? String == "answered", "\(shown.text)")
            let found = try await client.execute(uri: "/api/v1/search?q=barley", method: .get, headers: f.bearer(.reader))
            let hit = found.array.first as? [String: Any]
            #expect(found.array.count == 1 && hit?["kind"] as? String == "note" && hit?["day"] as? String == "1920-02-02", "\(found.text)")

            let b = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            let page = try await client.execute(uri: "/petitions/1", method: .get, headers: b.headers)
            #expect(
                page.text.contains(
                    #"<li><span class="day">1920-02-02</span> Moscow promised &lt;barley&gt; instead <small class="status-note">(with the status change from open to answered, recorded by clerk-user)</small></li>"#
                ), "\(page.text)")
            let search = try await client.execute(uri: "/search?q=barley", method: .get, headers: b.headers)
            #expect(search.text.contains(#"<a href="/petitions/1">Moscow promised &lt;barley&gt; instead</a>"#), "\(search.text)")
        }
    }
}
