import Foundation
import Testing

/// Runs the built `petitions` binary, as a user would, and captures what it prints.
public struct CLI {
    /// What one run printed and how it exited.
    public struct Result: CustomStringConvertible {
        public let status: Int32
        public let stdout: String
        public let stderr: String
        public var description: String { "exit \(status)\nstdout: \(stdout)\nstderr: \(stderr)" }
    }

    /// The ledger file the commands use (passed as --db).
    public let db: String
    public let directory: URL
    public var environment: [String: String]

    /// A CLI over a fresh ledger path in a new temporary folder (the file is created on first use).
    public init() throws {
        directory = try TemporaryLedger.makeDirectory()
        db = directory.appendingPathComponent("ledger.sqlite").path
        var env = ProcessInfo.processInfo.environment
        env["PETITIONS_ACTOR"] = "clerk"
        env["PETITIONS_CONFIG"] = nil
        env["PETITIONS_DB"] = nil
        env["PETITIONS_OFFICE"] = nil
        env["NO_COLOR"] = "1"
        env["COLUMNS"] = nil  // Tables fit 100 columns without a terminal: the same output on every machine.
        env["XDG_CONFIG_HOME"] = directory.appendingPathComponent("config").path
        env["XDG_DATA_HOME"] = directory.appendingPathComponent("data").path
        environment = env
    }

    /// The built binary: $PETITIONS_BIN, else next to the test bundle.
    public static var binary: String {
        if let b = ProcessInfo.processInfo.environment["PETITIONS_BIN"] { return b }
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("petitions").path,
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("petitions").path,
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("petitions").path,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }

    /// How long one run may take before it is killed and the test fails: a hang is a bug, not a slow test.
    public static let timeout: TimeInterval = 60

    /// Words that mean SQLite's, Swift's or a library's own wording reached the user instead of our sentence.
    public static let leakedWording = [
        "SQLite error", "Fatal error", "Optional(", "DecodingError", "GRDB", "codingPath", "debugDescription:",
        "Swift.", "Foundation.", "PetitionsDomain.", "PetitionsStore.", "PetitionsApp.", "PetitionsRules.", "PetitionsReport.",
    ]

    /// The thrown error of a run that did not finish in time.
    public struct TimedOut: Error, CustomStringConvertible {
        public let commandLine: String
        public var description: String { "\(commandLine) did not finish within \(Int(CLI.timeout)) s and was killed" }
    }

    /// Runs `petitions ARGS --db LEDGER`.
    @discardableResult
    public func run(
        _ args: [String], withDB: Bool = true, stdin: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Result {
        try CLI.exec(args + (withDB ? ["--db", db] : []), environment: environment, stdin: stdin, sourceLocation: sourceLocation)
    }

    /// Runs the binary with exactly these arguments, under `timeout`. Every run is also a check that what the
    /// program printed on stderr is in its own words: a leaked SQLite message, trap or type dump is a test issue.
    public static func exec(
        _ args: [String], environment: [String: String], stdin: String? = nil, executable: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Result {
        check(
            args, try execute(args, environment: environment, stdin: stdin, executable: executable, sourceLocation: sourceLocation),
            sourceLocation: sourceLocation)
    }

    /// Records a test issue when `result`'s stderr holds wording that is not the program's own.
    static func check(_ args: [String], _ result: Result, sourceLocation: SourceLocation) -> Result {
        expectOwnWords(args, stderr: result.stderr, sourceLocation: sourceLocation)
        return result
    }

    /// Records a test issue when `stderr`, printed by `petitions ARGS`, holds wording that is not the program's own:
    /// for tests that start the binary themselves.
    public static func expectOwnWords(_ args: [String], stderr: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let leaked = leakedWording.filter { stderr.contains($0) }
        if !leaked.isEmpty {
            Issue.record(
                Comment(
                    rawValue:
                        "petitions \(shellLine(args)) printed \(leaked.map { "'\($0)'" }.joined(separator: ", ")) on stderr, not our own words:\n\(stderr)"
                ),
                sourceLocation: sourceLocation)
        }
    }

    /// The arguments as one line, quoted where a shell would need it, to name a run in a failure.
    static func shellLine(_ args: [String]) -> String {
        args.map { a in
            a.isEmpty || a.contains(where: { " '\"$\\".contains($0) }) ? "'" + a.replacingOccurrences(of: "'", with: "'\\''") + "'" : a
        }.joined(separator: " ")
    }

    /// Starts every run at once (not one after another, nor as many as the machine has cores), then waits for each:
    /// for tests of processes racing on one ledger. Each run is checked as `exec` checks it.
    public static func execAll(
        _ runs: [[String]], environment: [String: String], sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [Result] {
        let started = try runs.map { try Launched(args: $0, environment: environment, stdin: nil, executable: nil) }
        return try zip(runs, started).map { args, launched in
            check(args, try launched.finish(sourceLocation: sourceLocation), sourceLocation: sourceLocation)
        }
    }

    static func execute(
        _ args: [String], environment: [String: String], stdin: String?, executable: String?, sourceLocation: SourceLocation
    ) throws -> Result {
        try Launched(args: args, environment: environment, stdin: stdin, executable: executable).finish(sourceLocation: sourceLocation)
    }

    /// One started run of the binary, its output going to files.
    struct Launched {
        let args: [String]
        let process = Process()
        let outURL: URL
        let errURL: URL
        let out: FileHandle
        let err: FileHandle
        let finished = DispatchSemaphore(value: 0)

        init(args: [String], environment: [String: String], stdin: String?, executable: String?) throws {
            // A child killed while its standard input is still being written must not take the test runner with it.
            signal(SIGPIPE, SIG_IGN)
            self.args = args
            process.executableURL = URL(fileURLWithPath: executable ?? CLI.binary)
            process.arguments = executable == nil ? args : Array(args.dropFirst())
            process.environment = environment
            // Run in a scratch folder, so that relative paths a test (or a fuzzed argument) names never land in the repository.
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("petitions-cwd")
            try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            process.currentDirectoryURL = scratch
            // Output goes to files, so that a large output can never block the child on a full pipe.
            let dir = FileManager.default.temporaryDirectory
            outURL = dir.appendingPathComponent("petitions-out-\(UUID().uuidString)")
            errURL = dir.appendingPathComponent("petitions-err-\(UUID().uuidString)")
            _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
            _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
            out = try FileHandle(forWritingTo: outURL)
            err = try FileHandle(forWritingTo: errURL)
            let input = Pipe()
            process.standardOutput = out
            process.standardError = err
            process.standardInput = input
            let finished = self.finished
            process.terminationHandler = { _ in finished.signal() }
            try process.run()
            // Written on its own thread: a child that never reads its input must not stop the clock.
            let writer = input.fileHandleForWriting
            DispatchQueue.global().async {
                if let stdin { try? writer.write(contentsOf: Data(stdin.utf8)) }
                try? writer.close()
            }
        }

        /// Waits for the run, killing it (and failing the test, naming the command line) after `CLI.timeout`.
        func finish(sourceLocation: SourceLocation) throws -> Result {
            defer {
                try? FileManager.default.removeItem(at: outURL)
                try? FileManager.default.removeItem(at: errURL)
            }
            if finished.wait(timeout: .now() + CLI.timeout) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                finished.wait()
                try? out.close()
                try? err.close()
                let error = TimedOut(commandLine: "petitions " + shellLine(args))
                Issue.record(Comment(rawValue: error.description), sourceLocation: sourceLocation)
                throw error
            }
            try? out.close()
            try? err.close()
            let outData = (try? Data(contentsOf: outURL)) ?? Data()
            let errData = (try? Data(contentsOf: errURL)) ?? Data()
            return Result(
                status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                stderr: String(decoding: errData, as: UTF8.self))
        }
    }

    /// Parses a JSON result.
    public static func json(_ r: Result) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(r.stdout.utf8), options: [.fragmentsAllowed])
    }

    public func remove() { try? FileManager.default.removeItem(at: directory) }
}
