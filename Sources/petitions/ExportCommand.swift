import ArgumentParser
import Foundation
import PetitionsApp
import PetitionsDomain

extension ExportKind: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}

/// `petitions export`: records as CSV or JSON, the event log as JSON Lines, streamed.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export petitioners, letters, deliveries or petitions (CSV or JSON), or the whole event log (JSON Lines).",
        discussion: """
        CSV cells that begin with =, +, - or @ are defused with a leading ' as in reports. The event log, one event a \
        line with its UUID, office, actor, days and payload, is what `petitions import events` merges into another \
        ledger (README: "JSON Lines events"). --output writes a file readable by its owner only.

        Example:
          petitions export petitioners --format csv > petitioners.csv
          petitions export deliveries --format json
          petitions export events --format jsonl --output dmitrov-events.jsonl
        """)

    @OptionGroup var ledger: LedgerOptions
    @Argument(help: "petitioners, letters, deliveries, petitions or events.") var what: ExportKind
    @Option(help: "csv or json for records (default csv); jsonl for events (the default for them).") var format: ExportFormat?
    @Option(help: ArgumentHelp("Write to this file (mode 0600) instead of standard output.", valueName: "file")) var output: String?
    @Flag(help: "With --output, replace an existing file.") var force = false

    func run() throws {
        let format = format ?? (what == .events ? .jsonl : .csv)
        let l = try ledger.open(readOnly: true)
        guard let output else {
            return try RecordExport.run(what, format: format, ledger: l, to: FileHandle.standardOutput)
        }
        try ExportFile.write(to: output, force: force) { try RecordExport.run(what, format: format, ledger: l, to: $0) }
    }
}

/// A file written beside its destination with mode 0600 and moved into place when complete, so that nobody
/// reads half an export; an existing file is replaced only with --force.
enum ExportFile {
    static func write(to path: String, force: Bool, _ body: (FileHandle) throws -> Void) throws {
        if OutputPath.isStandardOutput(path) { return try body(FileHandle.standardOutput) }
        if try OutputPath.existingRegularFile(path, option: "--output") {
            if !force { throw PetitionsError("--output: \(path) already exists; add --force to replace it.", code: .cannotCreate) }
        }
        let dir = FilePaths.folder(of: path)
        var template = Array(((dir.isEmpty ? "." : dir) + "/.petitions-export-XXXXXX").utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else { throw PetitionsError("--output: cannot create \(path) (\(String(cString: strerror(errno)))).", code: .cannotCreate) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var done = false
        defer { if !done { unlink(temporary) } }
        fchmod(fd, 0o600)
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        try body(handle)
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw PetitionsError("--output: cannot write \(path) (\(error.localizedDescription)).", code: .ioError)
        }
        try OutputPath.existingRegularFile(path, option: "--output")  // again: it may have changed meanwhile
        guard rename(temporary, path) == 0 else {
            throw PetitionsError("--output: cannot create \(path) (\(String(cString: strerror(errno)))).", code: .cannotCreate)
        }
        done = true
    }
}
