import Foundation
import Hummingbird
import HummingbirdTesting
import PetitionsApp
import PetitionsTestSupport
import Testing

@testable import PetitionsServer

/// A user disabled on the command line (`user disable`, which the server does not hear of) is signed out of the web
/// application within seconds, even in a session nobody uses meanwhile: enabled again, that session does not come back.
@Suite("Office server: sessions of users disabled elsewhere") struct SessionSweepTests {
    @Test("a sweep ends the sessions of a user disabled since, and keeps everyone else's")
    func sweepEndsDisabledSessions() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let office = Office(settings: f.settings)
        try await Application(router: OfficeServer.router(f.settings, office: office)).test(.router) { client in
            let clerk = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let reader = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            _ = try DisableUser(name: "clerk-user").run(in: f.ledger.workspace)
            await office.sweepSessions()
            _ = try EnableUser(name: "clerk-user").run(in: f.ledger.workspace)
            let old = try await client.execute(uri: "/petitions/new", method: .get, headers: clerk.headers)
            #expect(old.status == .seeOther && (old.headers[.location] ?? "").hasPrefix("/login"), "\(old.status)")
            #expect(try await client.execute(uri: "/petitions", method: .get, headers: reader.headers).status == .ok)
            let again = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            #expect(try await client.execute(uri: "/petitions/new", method: .get, headers: again.headers).status == .ok)
        }
    }

    @Test("the running server sweeps by itself: a session unused while its user was disabled stays ended")
    func serverSweepsByItself() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        var settings = f.settings
        settings.port = 0
        try await OfficeServer.application(settings).test(.live) { client in
            let clerk = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            _ = try DisableUser(name: "clerk-user").run(in: f.ledger.workspace)
            // Longer than a sweep's interval, and the session is not used meanwhile.
            try await Task.sleep(for: SessionSweep.every * 2)
            _ = try EnableUser(name: "clerk-user").run(in: f.ledger.workspace)
            let old = try await client.execute(uri: "/petitions/new", method: .get, headers: clerk.headers)
            #expect(old.status == .seeOther && (old.headers[.location] ?? "").hasPrefix("/login"), "\(old.status)")
        }
    }
}
