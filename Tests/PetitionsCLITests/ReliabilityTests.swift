import Foundation
import PetitionsTestSupport
import Testing

/// Proof that nothing is lost: clerks recording at once, hostile command lines and files, writes that SQL rules
/// attempt, and the permissions of what petitions creates. Figures are in README's reliability section.
@Suite struct ReliabilityTests {
    // MARK: - Running the binary with a limit

    /// How one run ended: its exit status, or the signal that killed it, and what it printed.
    struct Run: CustomStringConvertible {
        var status: Int32
        var signaled: Bool
        var timedOut: Bool
        var stdout: String
        var stderr: String
        var description: String {
            "\(signaled ? "signal" : "exit") \(status)\(timedOut ? " (timed out)" : "")\nstdout: \(stdout.prefix(2_000))\nstderr: \(stderr.prefix(2_000))"
        }
    }

    /// Runs `petitions ARGS` with the CLI's environment, killing it after `limit` seconds.
    static func run(_ cli: CLI, _ args: [String], limit: TimeInterval = 60) throws -> Run {
        try run(args, environment: cli.environment, directory: cli.directory, limit: limit)
    }

    static func run(_ args: [String], environment: [String: String], directory: URL, limit: TimeInterval = 60) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = args
        process.environment = environment
        // Relative paths the fuzz gives (a backup named 'sovnarkom') land in the scratch folder, not the repository.
        process.currentDirectoryURL = directory
        let out = directory.appendingPathComponent("out-\(UUID().uuidString)")
        let err = directory.appendingPathComponent("err-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        let o = try FileHandle(forWritingTo: out)
        let e = try FileHandle(forWritingTo: err)
        process.standardOutput = o
        process.standardError = e
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(limit)
        var timedOut = false
        while process.isRunning {
            if Date() > deadline {
                timedOut = true
                process.terminate()
                break
            }
            usleep(2_000)
        }
        process.waitUntilExit()
        try? o.close()
        try? e.close()
        let run = Run(
            status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal, timedOut: timedOut,
            stdout: String(decoding: (try? Data(contentsOf: out)) ?? Data(), as: UTF8.self),
            stderr: String(decoding: (try? Data(contentsOf: err)) ?? Data(), as: UTF8.self))
        // The fuzzed and racing runs are checked for foreign wording too, as every run through CLI is.
        CLI.expectOwnWords(args, stderr: run.stderr)
        return run
    }

    /// A command this build offers, read from its own help: its path, its options and its positional arguments.
    struct Command {
        var path: [String]
        /// Each option and whether it takes a value.
        var options: [(name: String, takesValue: Bool)]
        var arguments: Int
        var takesDB: Bool
        /// The options its usage line does not put in brackets.
        var required: Set<String>
    }

    static func commands() throws -> [Command] {
        let env = ProcessInfo.processInfo.environment
        func help(_ path: [String]) throws -> String { try CLI.exec(["help"] + path, environment: env).stdout }
        func section(_ text: String, _ name: String) -> [Substring] {
            guard let start = text.range(of: name + ":\n") else { return [] }
            return text[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).prefix { !$0.isEmpty }
        }
        func subcommands(_ text: String) -> [String] {
            section(text, "SUBCOMMANDS").compactMap { line in
                guard line.hasPrefix("  "), !line.hasPrefix("   "), let word = line.split(separator: " ").first,
                    word.first?.isLetter == true, word != "help"
                else { return nil }
                return String(word)
            }
        }
        var out: [Command] = []
        var queue: [[String]] = subcommands(try help([])).map { [$0] }
        while let path = queue.first {
            queue.removeFirst()
            let text = try help(path)
            let subs = subcommands(text)
            guard subs.isEmpty else {
                queue += subs.map { path + [$0] }
                continue
            }
            let options: [(name: String, takesValue: Bool)] = section(text, "OPTIONS").compactMap { line in
                let words = line.split(separator: " ")
                guard let first = words.first, first.hasPrefix("--") else { return nil }
                let name = String(first.split(separator: ",").first ?? first)
                return ["--help", "--version"].contains(name) ? nil : (name, words.count > 1 && words[1].hasPrefix("<"))
            }
            let arguments = section(text, "ARGUMENTS").filter { $0.hasPrefix("  <") }.count
            var usage = String(text[(text.range(of: "USAGE:")?.upperBound ?? text.startIndex)...].prefix { $0 != "\n" || false })
            while let open = usage.firstIndex(of: "["), let close = usage[open...].firstIndex(of: "]") { usage.removeSubrange(open...close) }
            let required = Set(usage.split(separator: " ").filter { $0.hasPrefix("--") }.map(String.init))
            out.append(
                Command(
                    path: path, options: options.filter { $0.name != "--db" }, arguments: arguments, takesDB: options.contains { $0.name == "--db" },
                    required: required))
        }
        return out
    }

    // MARK: - Eight clerks at once

    /// 8 processes each record 200 letters into one ledger at once: every letter and its event is there, none failed.
    @Test func eightProcessesRecordingAtOnceLoseNothing() throws {
        let cli = try CLI()
        defer { cli.remove() }
        for step in [
            ["init", "--office", "dmitrov"], ["authority", "add", "--name", "Council of People's Commissars", "--handle", "sovnarkom"],
            ["petitioner", "add", "--name", "Pëtr Kropotkin", "--handle", "kropotkin"],
        ] {
            #expect(try cli.run(step).status == 0)
        }
        let processes = 8
        let letters = Int(ProcessInfo.processInfo.environment["PETITIONS_CONCURRENCY_LETTERS"] ?? "") ?? 200
        let failures = Failures()
        let db = cli.db
        let environment = cli.environment
        let directory = cli.directory
        DispatchQueue.concurrentPerform(iterations: processes) { p in
            for i in 0..<letters {
                do {
                    let r = try Self.run(
                        [
                            "letter", "send", "--from", "kropotkin", "--to", "sovnarkom", "--on", "1920-03-04",
                            "--subject", "Clerk \(p) letter \(i)", "--db", db,
                        ], environment: environment, directory: directory)
                    if r.status != 0 { failures.add("clerk \(p) letter \(i): \(r)") }
                } catch {
                    failures.add("clerk \(p) letter \(i): \(error)")
                }
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all.count) failed, e.g. \(failures.all.prefix(3))")
        #expect(!failures.all.contains { $0.contains("locked") || $0.contains("busy") })

        let list = try #require(try CLI.json(cli.run(["letter", "list", "--format", "json"])) as? [[String: Any]])
        #expect(list.count == processes * letters)
        let subjects = Set(list.compactMap { $0["subject"] as? String })
        #expect(subjects.count == processes * letters, "every letter once")
        let ids = list.compactMap { $0["id"] as? Int }
        #expect(Set(ids) == Set(1...(processes * letters)), "ids without gaps: no transaction was lost half-way")
        let events = try #require(try CLI.json(cli.run(["events", "--kind", "letter.sent", "--format", "json"])) as? [[String: Any]])
        #expect(events.count == processes * letters)
        try expectVerifyIsClean(cli)
    }

    /// Runs `verify` when this build has it: the ledger's own consistency check.
    func expectVerifyIsClean(_ cli: CLI, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let help = try cli.run(["help", "verify"], withDB: false)
        guard help.status == 0, !help.stderr.contains("Unexpected") else { return }
        let r = try cli.run(["verify"])
        #expect(r.status == 0, "verify: \(r)", sourceLocation: sourceLocation)
    }

    final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [String] = []
        func add(_ s: String) {
            lock.lock()
            list.append(s)
            lock.unlock()
        }
        var all: [String] {
            lock.lock()
            defer { lock.unlock() }
            return list
        }
    }
}
