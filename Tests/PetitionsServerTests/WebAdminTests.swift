import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PetitionsApp
import PetitionsServer
import PetitionsTestSupport
import Testing

@Suite("Web application: the admin's users page") struct WebAdminTests {
    @Test("an admin enables a disabled user again through the users page; it may log in; a clerk may not; an unknown name is refused")
    func enableUser() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let ws = f.ledger.workspace
        _ = try AddUser(name: "vera", role: .reader, password: "vera-passphrase-1").run(in: ws)
        _ = try DisableUser(name: "vera").run(in: ws)
        try await f.test { client in
            var admin = try await Browser.logIn(client, "admin-user", ServerFixture.passwords[.admin] ?? "")
            let page = try await client.execute(uri: "/admin/users", method: .get, headers: admin.headers)
            admin.read(page)
            #expect(page.text.contains(#"<label for="admin-users-enable-name">Name</label>"#), "\(page.text)")
            #expect(ServerDefectTests.formToken(page.text, action: "/admin/users/enable") != nil)

            // A clerk may not, and vera stays disabled.
            let clerk = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let refused = try await client.execute(
                uri: "/admin/users/enable", method: .post, headers: clerk.formHeaders, body: clerk.form([("name", "vera")]))
            #expect(refused.status == .forbidden)
            #expect(try ListUsers().run(in: ws).first { $0.name == "vera" }?.disabled == true)

            for said in [
                "Enabled user vera (reader): it may log in, and its tokens not revoked work again.",
                "User vera is not disabled; nothing changed.",
            ] {
                let done = try await client.execute(
                    uri: "/admin/users/enable", method: .post, headers: admin.formHeaders, body: admin.form([("name", "vera")]))
                #expect(done.status == .seeOther && done.headers[.location] == "/admin/users", "\(done.text)")
                let users = try await client.execute(uri: "/admin/users", method: .get, headers: admin.headers)
                #expect(users.text.contains(#"<p class="notice" role="status">\#(said)</p>"#), "\(said): \(users.text)")
            }
            #expect(try ListUsers().run(in: ws).first { $0.name == "vera" }?.disabled == false)
            let vera = try await Browser.logIn(client, "vera", "vera-passphrase-1")
            #expect(try await client.execute(uri: "/", method: .get, headers: vera.headers).status == .ok)

            // A name that is no user: 400 (as disabling one), the sentence beside the enable form's field, as typed.
            let unknown = try await client.execute(
                uri: "/admin/users/enable", method: .post, headers: admin.formHeaders, body: admin.form([("name", "nobody-here")]))
            #expect(unknown.status == .badRequest, "\(unknown.status)")
            #expect(unknown.text.contains(#"id="admin-users-enable-name-error""#) && unknown.text.contains("nobody-here"), "\(unknown.text)")
        }
    }
}
