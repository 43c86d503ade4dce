import Foundation
import PetitionsTestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `petitions user …` and `petitions serve`, run as a user would.
@Suite struct ServeTests {
    @Test func usersAndTokensAreManagedFromTheCommandLineAndLeftOutOfTheEventExport() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let added = try cli.run(["user", "add", "vera", "--role", "admin"])
        #expect(added.status == 0, "\(added)")
        let password = added.stdout.split(separator: "\n").last?.split(separator: " ").last.map(String.init) ?? ""
        #expect(password.count == 20, "\(added.stdout)")
        #expect(try cli.run(["user", "add", "ivan", "--role", "clerk", "--password-stdin"], stdin: "a long passphrase\n").status == 0)
        let short = try cli.run(["user", "add", "olga", "--role", "reader", "--password-stdin"], stdin: "short\n")
        #expect(short.status == 65 && short.stderr.contains("password"), "\(short)")
        let again = try cli.run(["user", "add", "IVAN", "--role", "reader"])
        #expect(again.status == 65 && again.stderr.contains("'IVAN' is already a user"), "\(again)")
        let badRole = try cli.run(["user", "add", "olga", "--role", "boss"])
        #expect(badRole.status == 64, "\(badRole)")
        #expect(try cli.run(["user", "role", "ivan", "--to", "reader"]).stdout == "User ivan is now reader (was clerk).\n")
        let token = try cli.run(["user", "token", "ivan", "--label", "nightly"])
        #expect(token.status == 0)
        let secret = token.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(secret.hasPrefix("pt_") && secret.count == 67)
        let tokens = try cli.run(["user", "tokens", "ivan", "--format", "json"])
        #expect(!tokens.stdout.contains(secret))
        let list = try #require(try CLI.json(tokens) as? [[String: Any]])
        #expect(Set(list.first?.keys.map { $0 } ?? []) == ["id", "user", "label", "created", "revoked"])
        #expect(try cli.run(["user", "token", "revoke", "1"]).stdout == "Token 1 of ivan revoked.\n")
        let revokedAt = try #require(try CLI.json(try cli.run(["user", "tokens", "ivan", "--format", "json"])) as? [[String: Any]]).first?["revoked"]
        // A second time says so, exits 0 as a command asked for what already holds does (init), and keeps the first moment.
        let twice = try cli.run(["user", "token", "revoke", "1"])
        #expect(
            twice.status == 0 && twice.stdout.hasPrefix("Token 1 of ivan was already revoked (") && twice.stdout.hasSuffix("); nothing changed.\n"),
            "\(twice)")
        let after = try #require(try CLI.json(try cli.run(["user", "tokens", "ivan", "--format", "json"])) as? [[String: Any]]).first?["revoked"]
        #expect((revokedAt as? String) != nil && (after as? String) == (revokedAt as? String))
        #expect(try cli.run(["user", "token", "revoke", "9"]).status == 65)
        #expect(
            try cli.run(["user", "disable", "ivan"]).stdout == "Disabled user ivan (reader, disabled): its sessions and tokens stopped working.\n")
        // Asked again, the command says nothing changed rather than repeating the line of a change.
        #expect(try cli.run(["user", "disable", "ivan"]).stdout == "User ivan was already disabled; nothing changed.\n")
        #expect(try cli.run(["user", "enable", "ivan"]).stdout.contains("Enabled user ivan (reader)"))
        #expect(try cli.run(["user", "enable", "ivan"]).stdout == "User ivan is not disabled; nothing changed.\n")
        #expect(try cli.run(["user", "role", "ivan", "--to", "reader"]).stdout == "User ivan is already reader; nothing changed.\n")
        #expect(try cli.run(["user", "role", "ivan", "--to", "clerk"]).stdout == "User ivan is now clerk (was reader).\n")
        #expect(try cli.run(["user", "role", "ivan", "--to", "reader"]).status == 0)
        #expect(try cli.run(["user", "disable", "ivan"]).stdout.contains("disabled"))
        // Nobody could manage the users again: the last admin who can log in stays one.
        let lastAdmin = try cli.run(["user", "disable", "vera"])
        #expect(lastAdmin.status == 65, "\(lastAdmin)")
        #expect(
            lastAdmin.stderr == "error: name 'vera' is the last admin who can log in; make another user admin first (user role NAME --to admin).\n")
        #expect(try cli.run(["user", "role", "vera", "--to", "clerk"]).status == 65)
        let users = try #require(try CLI.json(try cli.run(["user", "list", "--format", "json"])) as? [[String: Any]])
        #expect(users.map { $0["name"] as? String } == ["ivan", "vera"])
        #expect(Set(users.first?.keys.map { $0 } ?? []) == ["id", "name", "role", "disabled", "created"])
        #expect(try cli.run(["user", "password", "vera", "--password-stdin"], stdin: "another long passphrase\n").status == 0)
        let export = try cli.run(["export", "events"])
        #expect(!export.stdout.contains("vera") && !export.stdout.contains("password"))
    }

    /// A free port on loopback, as the kernel gives one.
    static func freePort() -> Int { Int.random(in: 20000...60000) }

    @Test func serveAnswersStopsOnSIGTERMAndRefusesATakenPort() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        #expect(try cli.run(["init", "--office", "test"]).status == 0)
        let port = Self.freePort()
        let server = Process()
        server.executableURL = URL(fileURLWithPath: CLI.binary)
        server.arguments = ["serve", "--db", cli.db, "--port", String(port)]
        server.environment = cli.environment
        let out = Pipe()
        server.standardOutput = out
        server.standardError = Pipe()
        try server.run()
        defer { if server.isRunning { server.terminate() } }
        var line = ""
        for _ in 0..<100 where !line.contains("\n") {
            line += String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
        }
        #expect(line == "Serving \(cli.db) at http://127.0.0.1:\(port)\n")
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/api/v1/health"))
        let (body, response) = try await URLSession.shared.data(from: url)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: body, as: UTF8.self) == "{\"status\":\"ok\"}\n")
        // The command line goes on using the ledger while the server runs.
        #expect(try cli.run(["authority", "add", "--name", "Moscow supply"]).status == 0)
        let taken = try cli.run(["serve", "--port", String(port)])
        #expect(taken.status == 69)
        #expect(taken.stderr == "error: --port \(port): the port is taken on 127.0.0.1; choose another with --port.\n")
        server.terminate()
        server.waitUntilExit()
        #expect(server.terminationReason == .exit && server.terminationStatus == 0)
    }
}
