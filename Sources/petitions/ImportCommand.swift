import ArgumentParser
import Foundation
import PetitionsApp

/// What `petitions import` reads.
enum ImportWhat: String, ExpressibleByArgument, CaseIterable {
    case petitioners, letters, receipts, events
}

/// `petitions import`: CSV rows through the single commands' operations, or another office's event log merged in.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import petitioners, letters or receipts from CSV, or merge another office's exported event log.",
        discussion: """
        CSV (UTF-8, with or without a byte-order mark; the first line names the columns, see README): every row is \
        checked first; with any bad row nothing is imported and every problem is listed with its line and column \
        (exit 65). --skip-invalid imports the good rows; --rejects FILE writes the bad ones with a reason column, \
        to correct and import again. FILE may be - for standard input.

        events FILE.jsonl merges an event log written by `petitions export events`: each event is added once (by \
        its UUID), with its office, actor and day; a handle that means something else here is refused unless \
        --map THEIRS=OURS says what it is.

        Example:
          petitions import petitioners Examples/petitioners.csv
          petitions import letters letters.csv --skip-invalid --rejects rejected.csv
          petitions import events klin.jsonl --map ivanov=ivanov-klin
        """)

    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var output: FormatOptions
    @Argument(help: "petitioners, letters, receipts (CSV) or events (JSON Lines).") var what: ImportWhat
    @Argument(help: ArgumentHelp("The file to read, or - for standard input.", valueName: "file")) var file: String
    @Flag(name: .customLong("skip-invalid"), help: "Import the good rows and leave out the bad ones.") var skipInvalid = false
    @Option(help: ArgumentHelp("Write the bad rows here, with a reason column (mode 0600).", valueName: "file")) var rejects: String?
    @Flag(help: "With --rejects, replace an existing file.") var force = false
    @Option(help: ArgumentHelp("For events: their handle THEIRS is our OURS (repeatable).", valueName: "theirs=ours")) var map: [String] = []

    func run() throws {
        if what == .events {
            if skipInvalid || rejects != nil {
                throw PetitionsError("--skip-invalid and --rejects are for CSV rows; an event log is merged whole or not at all.", code: .usage)
            }
            let result = try ledger.run(MergeEvents(path: file, maps: map))
            if output.format == .json { return try Output.json(result) }
            let joined = result.joined > 0 ? " (\(result.joined) joined to records already here)" : ""
            print("Merged \(result.events) events from \(file == "-" ? "standard input" : file): \(result.added) added\(joined), "
                  + "\(result.alreadyPresent) already present.")
            return
        }
        guard map.isEmpty else { throw PetitionsError("--map is for merging events; CSV rows name this ledger's handles.", code: .usage) }
        guard let kind = ImportKind(rawValue: what.rawValue) else { return }
        let bar = ProgressBar(label: kind.rawValue, file: file)
        defer { bar?.finish() }
        let report = try ledger.run(ImportRows(kind: kind, path: file, skipInvalid: skipInvalid, rejectsPath: rejects, replaceRejects: force) { bar?.update($0) })
        bar?.finish()
        if output.format == .json { return try Output.json(report) }
        var text = "Imported \(report.imported) \(kind.rawValue) of \(report.rows) rows from \(report.source)."
        if report.rejected > 0 {
            text += " \(report.rejected) rows were left out\(report.rejects.map { " and written to \($0)" } ?? ""):"
            text += (["" ] + report.problems).joined(separator: "\n  ")
            if report.rejected > report.problems.count { text += "\n  … and \(report.rejected - report.problems.count) more rows" }
        }
        print(text)
    }
}

/// A progress bar on standard error (rows, rate, time left), drawn only when standard error is a terminal.
final class ProgressBar: @unchecked Sendable {
    private let label: String
    private let total: Int?
    private let start = Date()
    private var last = Date.distantPast
    private var drawn = false

    /// Nil when standard error is not a terminal: nothing of it then.
    init?(label: String, file: String) {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        self.label = label
        total = file == "-" ? nil : ProgressBar.dataLines(file)
    }

    func update(_ rows: Int) {
        let now = Date()
        guard now.timeIntervalSince(last) >= 0.1 else { return }
        last = now
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let rate = Double(rows) / elapsed
        var line = "\r\(label): \(rows) rows, \(Int(rate)) rows/s"
        if let total, total > 0 {
            let fraction = min(1, Double(rows) / Double(total))
            let width = 24
            let filled = Int(fraction * Double(width))
            let left = rate > 0 ? Int(Double(max(0, total - rows)) / rate) : 0
            line = "\r\(label) [\(String(repeating: "#", count: filled))\(String(repeating: ".", count: width - filled))] \(rows)/\(total) rows, "
                + "\(Int(rate)) rows/s, \(left / 60):\(String(format: "%02d", left % 60)) left"
        }
        FileHandle.standardError.write(Data((line + "\u{1B}[K").utf8))
        drawn = true
    }

    func finish() {
        guard drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        drawn = false
    }

    /// Lines after the header, counted quickly (a quoted field with a line break makes it an estimate).
    static func dataLines(_ path: String) -> Int? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var count = 0
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            chunk.withUnsafeBytes { raw in
                for b in raw where b == 0x0A { count += 1 }
            }
        }
        return max(0, count - 1)
    }
}
