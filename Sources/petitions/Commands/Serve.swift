import ArgumentParser
import Foundation
import PetitionsApp
import PetitionsServer

/// `petitions serve`: the office server, the web application and the JSON API over the ledger. The one file of
/// the command line that imports the server: another front end, reached only to start it.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the ledger to the office: a web application and a JSON API, with accounts and roles.",
        discussion: """
            Runs until SIGINT or SIGTERM, then finishes the requests in flight and exits 0. Listens on loopback unless
            --host says otherwise; behind HTTPS (a reverse proxy), give --secure-cookies. Add users first with petitions user add.

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

    /// `--port` as a number: anything but a whole number from 1 to 65535 is refused naming it.
    func portNumber() throws -> Int {
        guard let n = Int(port.trimmingCharacters(in: .whitespaces)), (1...65535).contains(n) else {
            throw PetitionsError(
                "--port \(quoted(port)) is not a port number; a port is a whole number from 1 to 65535.", code: .usage, field: "--port")
        }
        return n
    }

    func run() throws {
        let settings = ServerSettings(
            databasePath: ledger.db, configPath: ledger.config, office: ledger.office, host: host, port: try portNumber(),
            secureCookies: secureCookies)
        try OfficeServer.refuseHost(host)
        if let warning = OfficeServer.exposureWarning(host: host, secureCookies: secureCookies) { Output.warn(warning) }
        try OfficeServer.serve(settings) { line in
            // A server whose standard output is closed still serves: the line is a courtesy.
            try? StandardOutput.write(Data((line + "\n").utf8))
        }
    }
}
