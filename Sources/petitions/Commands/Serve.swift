import ArgumentParser
import Foundation
import PetitionsApp

/// `petitions serve`: the office server, the web application and the JSON API over the ledger. The server is a program
/// of its own, `petitions-server`, installed beside this one: this command starts it in its place (the same process,
/// so that SIGINT and SIGTERM reach it and its exit status is the command's), so that the command line links neither
/// Hummingbird nor SwiftNIO and every other command starts faster (BENCHMARKS.md, "Messages and JSON written into
/// buffers of their own; the command line without the server"). The server checks the port and the address and says
/// what is wrong with them, as every command does; an empty `--host` is refused here, with this command's usage.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the ledger to the office: a web application and a JSON API, with accounts and roles.",
        discussion: """
            Runs until SIGINT or SIGTERM, then finishes the requests in flight and exits 0. Listens on loopback unless
            --host says otherwise; behind HTTPS (a reverse proxy), give --secure-cookies. Add users first with petitions user add.
            The server is the program petitions-server, installed beside petitions.

            Example:
              petitions serve --db office.sqlite --port 8080
            """)
    @OptionGroup var ledger: LedgerOptions
    @Option(parsing: .unconditional, help: "The address to listen on.") var host: String = "127.0.0.1"
    @Option(parsing: .unconditional, help: "The port to listen on (1–65535).") var port: String = "8080"
    @Flag(name: .customLong("secure-cookies"), help: "Mark session cookies Secure (when served over HTTPS).") var secureCookies = false

    func validate() throws {
        guard !host.isEmpty else { throw ValidationError("--host: give an address to listen on, such as 127.0.0.1.") }
    }

    /// The server's options as it takes them: those given, and the ledger options only where given (it reads the same
    /// environment variables).
    var serverArguments: [String] {
        var args = ["--host", host, "--port", port]
        if let db = ledger.db { args += ["--db", db] }
        if let config = ledger.config { args += ["--config", config] }
        if let office = ledger.office { args += ["--office", office] }
        if secureCookies { args.append("--secure-cookies") }
        return args
    }

    func run() throws {
        let server = ServerProgram.path()
        guard FileManager.default.isExecutableFile(atPath: server) else {
            // One that is there but may not be run (its mode lost in a copy) is not called missing.
            let what = FileManager.default.fileExists(atPath: server) ? "is there but may not be run" : "is missing"
            throw PetitionsError(
                "the office server is not installed: \(ControlCharacters.quotable(server)) \(what); install petitions again (Scripts/install) to serve the ledger.",
                code: .unavailable)
        }
        // Accepted (a shell alias may put it before every command) but not passed on: the server records each change
        // as the user signed in, never as one actor for all.
        if let actor = ledger.actor {
            Output.warn(
                "--actor \(quoted(actor)) is not used by the server: each change is recorded as the user signed in (petitions user add).")
        }
        try StandardOutput.finish()
        let argv = [server] + serverArguments
        var cArgs = argv.map { strdup($0) }
        cArgs.append(nil)
        execv(server, cArgs)
        // Here only when the server could not be started.
        let reason = String(cString: strerror(errno))
        throw PetitionsError("the office server \(ControlCharacters.quotable(server)) could not be started (\(reason)).", code: .unavailable)
    }
}

/// Where `petitions-server` is: beside the running `petitions` (the installed pair, or the build folder's).
enum ServerProgram {
    static func path() -> String {
        let own = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: own).deletingLastPathComponent().appendingPathComponent("petitions-server").path
    }
}
