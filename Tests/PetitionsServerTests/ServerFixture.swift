import Foundation
import Hummingbird
import HummingbirdTesting
import PetitionsApp
import PetitionsServer
import PetitionsTestSupport
import Testing

/// A small office ledger with an admin, a clerk and a reader, each with an API token, served in process. Sendable for
/// the test closures: it is only read once made.
struct ServerFixture: @unchecked Sendable {
    let ledger: TemporaryLedger
    let settings: ServerSettings
    var tokens: [Role: String] = [:]
    static let passwords: [Role: String] = [.admin: "admin-passphrase-1", .clerk: "clerk-passphrase-1", .reader: "reader-passphrase-1"]

    init() throws {
        ledger = try TemporaryLedger()
        let ws = ledger.workspace
        _ = try AddAuthority(name: "Moscow postal-telegraph supply centre", handle: "moscow-supply", replyWithin: Span(20, .workingDays)).run(in: ws)
        _ = try AddGroup(
            name: "Postal-telegraph employees of the Dmitrov district", handle: "dmitrov-post", counts: [HeadCount(category: "employee", count: 125)]
        ).run(in: ws)
        _ = try AddDecree(
            handle: "decree-1918", name: "Decree of 15 August 1918", issued: try Day(parsing: "1918-08-15"), supplier: "moscow-supply",
            rations: ["employee: 8 funt wheat"]
        ).run(in: ws)
        _ = try EnrolRecipient(decree: "decree-1918", recipient: "dmitrov-post", from: try Day(parsing: "1919-09-01")).run(in: ws)
        _ = try ScheduleDeliveries(decree: "decree-1918", from: try Period(parsing: "1920-01"), to: try Period(parsing: "1920-03")).run(in: ws)
        _ = try LogPetition(
            from: "dmitrov-post", to: "moscow-supply", subject: "January provisions not delivered", on: try Day(parsing: "1920-01-20"),
            category: "supply"
        ).run(in: ws)
        for role in Role.allCases {
            _ = try AddUser(name: role.rawValue + "-user", role: role, password: Self.passwords[role]).run(in: ws)
            tokens[role] = try IssueToken(name: role.rawValue + "-user", label: "tests").run(in: ws).secret
        }
        settings = ServerSettings(databasePath: ledger.path, office: "test", environment: [:], today: { TemporaryLedger.today })
    }

    /// Settings over the same ledger with a configuration file that allows attachments of at most `mb` MiB.
    func settings(maxAttachmentMB mb: Int) throws -> ServerSettings {
        let config = ledger.path + ".toml"
        try "max_attachment_mb = \(mb)\n".write(toFile: config, atomically: true, encoding: .utf8)
        return ServerSettings(databasePath: ledger.path, configPath: config, environment: [:], today: { TemporaryLedger.today })
    }

    /// Runs `body` against the server in process.
    func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: OfficeServer.router(settings))
        try await app.test(.router, body)
    }

    func bearer(_ role: Role) -> HTTPFields { [.authorization: "Bearer \(tokens[role] ?? "")"] }

    func bearer(_ role: Role, json: Bool) -> HTTPFields {
        var h = bearer(role)
        h[.contentType] = "application/json"
        return h
    }

    /// How many events the ledger holds.
    func eventCount() throws -> Int { try ListEvents().run(in: ledger.workspace).count }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The body as a JSON object.
    var object: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:] }

    /// The body as a JSON array.
    var array: [Any] { (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [Any] ?? [] }
}

func json(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }
