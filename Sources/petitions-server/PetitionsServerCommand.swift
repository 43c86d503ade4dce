import ArgumentParser
import Foundation
import PetitionsApp
import PetitionsServer

/// `petitions-server`: the office server, the web application and the JSON API over the ledger. `petitions serve`
/// starts this program in its place (the same process, so signals reach it) with the options it was given, so that the
/// command line itself links neither Hummingbird nor SwiftNIO: every other command starts faster (BENCHMARKS.md,
/// "Messages and JSON written into buffers of their own; the command line without the server"). It checks the port
/// and the address itself, and may also be run by itself, with the same options. Its version line is the command
/// line's, with the same commit (`BuildInfo`, which `Scripts/install` stamps for both).
@main
struct PetitionsServerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "petitions-server",
        abstract: "The office server of petitions: a web application and a JSON API over the ledger (petitions serve starts it).",
        discussion: "Runs until SIGINT or SIGTERM, then finishes the requests in flight and exits 0.",
        version: ProductInfo.versionLine(commit: BuildInfo.commit))

    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp("The ledger file (else $PETITIONS_DB, else $XDG_DATA_HOME/petitions/petitions.sqlite).", valueName: "path"))
    var db: String?
    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp("The office recording the events (else $PETITIONS_OFFICE, else the configuration).", valueName: "name"))
    var office: String?
    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp("A configuration file (else $PETITIONS_CONFIG, else $XDG_CONFIG_HOME/petitions/config.toml).", valueName: "file"))
    var config: String?
    @Option(parsing: .unconditional, help: "The address to listen on.") var host: String = "127.0.0.1"
    @Option(parsing: .unconditional, help: "The port to listen on (1–65535).") var port: String = "8080"
    @Flag(name: .customLong("secure-cookies"), help: "Mark session cookies Secure (when served over HTTPS).") var secureCookies = false

    func validate() throws {
        guard !host.isEmpty else { throw ValidationError("--host: give an address to listen on, such as 127.0.0.1.") }
    }

    func run() throws {
        let host = OfficeServer.listeningHost(host)
        let settings = ServerSettings(
            databasePath: db, configPath: config, office: office, host: host, port: try OfficeServer.port(port), secureCookies: secureCookies)
        try OfficeServer.refuseHost(host)
        if let warning = OfficeServer.exposureWarning(host: host, secureCookies: secureCookies) {
            FileHandle.standardError.write(Data("warning: \(warning)\n".utf8))
        }
        try OfficeServer.serve(settings) { line in
            // A server whose standard output is closed still serves: the line is a courtesy.
            try? FileHandle.standardOutput.write(contentsOf: Data((line + "\n").utf8))
        }
    }

    /// An option given twice is a usage error naming it, as `petitions` says it (where the last one won, `--port 8080
    /// --port 9090` listened on 9090 without a word). Every option of this program takes one value or is a flag.
    static func refuseRepeatedOptions(_ args: [String]) throws {
        var seen: Set<String> = []
        for a in args.prefix(while: { $0 != "--" }) where a.hasPrefix("--") && a.count > 2 {
            let name = String(a.split(separator: "=", maxSplits: 1)[0])
            guard ["--db", "--office", "--config", "--host", "--port", "--secure-cookies"].contains(name) else { continue }
            if !seen.insert(name).inserted {
                throw PetitionsError("\(name) is given more than once; give it once.", code: .usage)
            }
        }
    }

    static func main() {
        do {
            try CommandLineFailure.refuseArgumentsNotUTF8()
            try refuseRepeatedOptions(Array(CommandLine.arguments.dropFirst()))
            var command = try parseAsRoot()
            try command.run()
        } catch {
            // In the command line's words (`petitions serve` is this program).
            CommandLineFailure(error)?.exit()
            exit(withError: error)
        }
    }
}
