import Foundation
import PetitionsTestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `petitions serve` holds the ledger open for its life, while the command line goes on using the same file.
@Suite struct ServeLedgerTests {
    /// A running `petitions serve` on `cli`'s ledger, and its base address.
    static func serve(_ cli: CLI) throws -> (Process, String) {
        let port = ServeTests.freePort()
        let server = Process()
        server.executableURL = URL(fileURLWithPath: CLI.binary)
        server.arguments = ["serve", "--db", cli.db, "--port", String(port)]
        server.environment = cli.environment
        let out = Pipe()
        server.standardOutput = out
        server.standardError = Pipe()
        try server.run()
        var line = ""
        for _ in 0..<100 where !line.contains("\n") {
            line += String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
        }
        return (server, "http://127.0.0.1:\(port)")
    }

    /// The status and JSON body of one API request.
    static func call(_ url: String, token: String, post body: String? = nil) async throws -> (Int, Any?) {
        var request = URLRequest(url: try #require(URL(string: url)))
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        if let body {
            request.httpMethod = "POST"
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, try? JSONSerialization.jsonObject(with: data))
    }

    static func subjects(_ json: Any?) -> [String] { (json as? [[String: Any]] ?? []).compactMap { $0["subject"] as? String } }

    @Test func aLetterRecordedThroughTheCommandLineWhileTheServerRunsIsSeenThroughTheAPI() async throws {
        let cli = try CLI()
        defer { cli.remove() }
        #expect(try cli.run(["init", "--office", "test"]).status == 0)
        #expect(try cli.run(["authority", "add", "--name", "Moscow supply", "--handle", "moscow-supply"]).status == 0)
        #expect(try cli.run(["group", "add", "--name", "Dmitrov post", "--handle", "dmitrov-post"]).status == 0)
        #expect(try cli.run(["user", "add", "ivan", "--role", "clerk", "--password-stdin"], stdin: "a long passphrase\n").status == 0)
        let token = try cli.run(["user", "token", "ivan"]).stdout.split(separator: "\n").last.map(String.init) ?? ""
        let (server, base) = try Self.serve(cli)
        defer { if server.isRunning { server.terminate() } }

        // The server has opened the ledger (and read its rules) before the command line writes to it.
        let empty = try await Self.call(base + "/api/v1/letters", token: token)
        #expect(empty.0 == 200 && Self.subjects(empty.1).isEmpty, "\(empty)")
        let sent = try cli.run([
            "letter", "send", "--from", "dmitrov-post", "--to", "moscow-supply", "--on", "1920-01-20", "--subject", "From the terminal",
        ])
        #expect(sent.status == 0, "\(sent)")
        let seen = try await Self.call(base + "/api/v1/letters", token: token)
        #expect(Self.subjects(seen.1) == ["From the terminal"], "\(seen)")
        let waiting = try await Self.call(base + "/api/v1/unanswered?as_of=1920-03-04", token: token)
        #expect(Self.subjects(waiting.1) == ["From the terminal"], "\(waiting)")

        // A party the command line adds can be written to through the server at once, and the server's letter is
        // in the file for the command line.
        #expect(try cli.run(["authority", "add", "--name", "Sovnarkom", "--handle", "sovnarkom"]).status == 0)
        let posted = try await Self.call(
            base + "/api/v1/letters", token: token,
            post: #"{"direction":"sent","from":"dmitrov-post","to":"sovnarkom","on":"1920-01-21","subject":"From the browser"}"#)
        #expect(posted.0 == 201, "\(posted)")
        let listed = try cli.run(["letter", "list", "--format", "json"])
        #expect(Set(Self.subjects(try CLI.json(listed))) == ["From the terminal", "From the browser"], "\(listed)")
        server.terminate()
        server.waitUntilExit()
        #expect(server.terminationReason == .exit && server.terminationStatus == 0)
    }
}
