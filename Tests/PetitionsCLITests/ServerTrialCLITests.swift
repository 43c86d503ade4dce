import Foundation
import PetitionsTestSupport
import Testing

/// What a trial of the office server found in the command line around it.
@Suite struct ServerTrialCLITests {
    @Test("calendar set with no weekend days says so, not \"weekend , 0 holidays\"")
    func noWeekendDays() throws {
        let cli = try CLI()
        defer { cli.remove() }
        #expect(try cli.run(["init", "--office", "test"]).status == 0)
        let file = cli.directory.appendingPathComponent("every-day.toml")
        try Data("weekend = []\n".utf8).write(to: file)
        let set = try cli.run(["calendar", "set", file.path, "--on", "1920-01-01"])
        #expect(set.status == 0, "\(set)")
        #expect(set.stdout == "Stored the calendar of \(file.path) in the ledger: no weekend days, 0 holidays.\n", "\(set.stdout)")
    }

    @Test("serve --host on an address other than loopback warns on stderr that the ledger is reachable beyond this machine")
    func exposedHostWarned() throws {
        let cli = try CLI()
        defer { cli.remove() }
        #expect(try cli.run(["init", "--office", "test"]).status == 0)
        // 192.0.2.1 (TEST-NET-1) is no address of this machine: the warning comes before the port is tried, which fails
        // (nothing here listens beyond loopback).
        let exposed = try cli.run(["serve", "--host", "192.0.2.1", "--port", "8080"])
        #expect(exposed.status == 69, "\(exposed)")
        #expect(
            exposed.stderr.hasPrefix(
                "warning: --host '192.0.2.1' is not loopback: the ledger is reachable beyond this machine, by every machine that can reach it. Serve it behind HTTPS (a reverse proxy in front) and give --secure-cookies"
            ), "\(exposed.stderr)")
        let secure = try cli.run(["serve", "--host", "192.0.2.1", "--port", "8080", "--secure-cookies"])
        #expect(secure.stderr.hasPrefix("warning: --host '192.0.2.1' is not loopback") && !secure.stderr.contains("give --secure-cookies"))
    }

    @Test("serve --host written as numbers that are no IPv4 address is one sentence naming it, exit 64, with no warning before it")
    func numericHostThatIsNoAddress() throws {
        let cli = try CLI()
        defer { cli.remove() }
        #expect(try cli.run(["init", "--office", "test"]).status == 0)
        for host in ["999.1.1.1", "10.0.0", "1.2.3.4.5"] {
            let r = try cli.run(["serve", "--host", host, "--port", "8080"])
            #expect(r.status == 64, "\(host): \(r)")
            #expect(
                r.stderr
                    == "error: --host '\(host)': not an address of this machine to listen on; an IPv4 address is four numbers from 0 to 255, such as 127.0.0.1.\n",
                "\(r.stderr)")
        }
    }

    @Test("serve --host that no address goes by is one sentence naming it, exit 64, with no warning: it was 'The server stopped'")
    func hostThatIsNoName() throws {
        let cli = try CLI()
        defer { cli.remove() }
        #expect(try cli.run(["init", "--office", "test"]).status == 0)
        for (host, shown) in [("not an address", "not an address"), ("-x", "-x"), ("a\nb", "a\\u000Ab"), ("[::1", "[::1")] {
            let r = try cli.run(["serve", "--host", host, "--port", "8080"])
            #expect(r.status == 64, "\(host): \(r)")
            #expect(
                r.stderr
                    == "error: --host '\(shown)': no address goes by that name here; give an address of this machine, such as 127.0.0.1 or ::1, or a name it resolves.\n",
                "\(r.stderr)")
        }
    }

    @Test("serve --host [::1], an IPv6 address in brackets as an address bar writes it, listens on ::1")
    func bracketedIPv6Host() throws {
        let cli = try CLI()
        defer { cli.remove() }
        #expect(try cli.run(["init", "--office", "test"]).status == 0)
        let port = ServeTests.freePort()
        let server = Process()
        server.executableURL = URL(fileURLWithPath: CLI.binary)
        server.arguments = ["serve", "--db", cli.db, "--host", "[::1]", "--port", String(port)]
        server.environment = cli.environment
        let out = Pipe()
        server.standardOutput = out
        server.standardError = Pipe()
        try server.run()
        defer { if server.isRunning { server.terminate() } }
        var line = ""
        for _ in 0..<100 where !line.contains("\n") && server.isRunning {
            line += String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
        }
        #expect(line == "Serving \(cli.db) at http://[::1]:\(port)\n")
        server.terminate()
        server.waitUntilExit()
        #expect(server.terminationReason == .exit && server.terminationStatus == 0)
    }
}
