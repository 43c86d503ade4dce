import Foundation
import PetitionsDomain

/// Writes one kind of record (or the event log) as CSV, JSON or JSON Lines, to a handle or to a file.
public struct ExportRecords: UseCase {
    public var what: ExportKind
    public var format: ExportFormat
    /// A file to write (mode 0600, atomically); standard output when nil.
    public var output: String?
    /// Whether an existing file may be replaced.
    public var force: Bool

    public init(what: ExportKind, format: ExportFormat? = nil, output: String? = nil, force: Bool = false) {
        self.what = what
        self.format = format ?? (what == .events ? .jsonl : .csv)
        self.output = output
        self.force = force
    }

    public func run(in workspace: Workspace) throws {
        try workspace.reading { l in
            try OutputFile.write(to: output ?? "-", force: force, verb: "replace") { try RecordExport.run(what, format: format, ledger: l, to: $0) }
        }
    }
}
