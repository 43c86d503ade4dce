import Foundation

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

    /// Runs `petitions ARGS --db LEDGER`.
    @discardableResult
    public func run(_ args: [String], withDB: Bool = true, stdin: String? = nil) throws -> Result {
        try CLI.exec(args + (withDB ? ["--db", db] : []), environment: environment, stdin: stdin)
    }

    /// Runs the binary with exactly these arguments.
    public static func exec(_ args: [String], environment: [String: String], stdin: String? = nil, executable: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable ?? binary)
        process.arguments = executable == nil ? args : Array(args.dropFirst())
        process.environment = environment
        // Run in a scratch folder, so that relative paths a test (or a fuzzed argument) names never land in the repository.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("petitions-cwd")
        try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        process.currentDirectoryURL = scratch
        // Output goes to files, so that a large output can never block the child on a full pipe.
        let dir = FileManager.default.temporaryDirectory
        let outURL = dir.appendingPathComponent("petitions-out-\(UUID().uuidString)")
        let errURL = dir.appendingPathComponent("petitions-err-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        try? out.close()
        try? err.close()
        let outData = (try? Data(contentsOf: outURL)) ?? Data()
        let errData = (try? Data(contentsOf: errURL)) ?? Data()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Parses a JSON result.
    public static func json(_ r: Result) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(r.stdout.utf8), options: [.fragmentsAllowed])
    }

    public func remove() { try? FileManager.default.removeItem(at: directory) }
}
