import Foundation
import PetitionsDomain

/// Writes CSV (`CSVText`), CRLF line ends, a few thousand rows at a time, to a file handle (standard
/// output or a file, put in place when complete). With `neutralise`, cells that a spreadsheet would run as formulas are defused as in reports.
public final class CSVOutput {
    private let handle: FileHandle
    private let neutralise: Bool
    private var pending: [[String]] = []

    public init(handle: FileHandle, neutralise: Bool) {
        self.handle = handle
        self.neutralise = neutralise
    }

    /// Where the rows go until `commit`: a file of its own beside `path`, removed unless committed.
    private var staged: (temporary: String, path: String, replacing: Bool, option: String)?

    /// Writes to a new file beside `path` (mode 0600: it may hold personal data), put in place by `commit` only: a
    /// command refused after this (an import of a file already imported, a ledger that cannot be written) leaves
    /// `path` as it was, where `--force` used to empty it first. An existing file is replaced only when `replacing`,
    /// and only when it is a regular file: never through a symbolic link, never a device or a FIFO. `option` names
    /// the option in the sentences.
    public convenience init(creating path: String, replacing: Bool, neutralise: Bool, option: String = "--rejects") throws {
        if try OutputPath.existingRegularFile(path, option: option), !replacing { throw CSVOutput.exists(path, option: option) }
        let dir = FilePaths.folder(of: path)
        var template = Array(((dir.isEmpty ? "." : dir) + "/.petitions-output-XXXXXX").utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else { throw CSVOutput.cannotCreate(path, option: option, String(cString: strerror(errno))) }
        fchmod(fd, 0o600)
        self.init(handle: FileHandle(fileDescriptor: fd, closeOnDealloc: true), neutralise: neutralise)
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        staged = (temporary, path, replacing, option)
    }

    deinit {
        if let staged { unlink(staged.temporary) }
    }

    /// Writes what is buffered and puts the file in place: links it there (refusing a file created meanwhile) or,
    /// when replacing, renames it over the old one (a regular file still).
    public func commit() throws {
        try flush()
        guard let (temporary, path, replacing, option) = staged else { return }
        try handle.synchronize()
        if replacing {
            try OutputPath.existingRegularFile(path, option: option)  // again: it may have changed meanwhile
            guard rename(temporary, path) == 0 else { throw CSVOutput.cannotCreate(path, option: option, String(cString: strerror(errno))) }
        } else {
            guard link(temporary, path) == 0 else {
                throw errno == EEXIST
                    ? CSVOutput.exists(path, option: option) : CSVOutput.cannotCreate(path, option: option, String(cString: strerror(errno)))
            }
            unlink(temporary)
        }
        staged = nil
    }

    private static func exists(_ path: String, option: String) -> PetitionsError {
        cannotCreate(path, option: option, "it already exists; give --force to replace it, or choose another name")
    }

    private static func cannotCreate(_ path: String, option: String, _ why: String) -> PetitionsError {
        PetitionsError("\(option): \(path) cannot be created: \(why).", code: .cannotCreate)
    }

    /// Adds one row.
    public func write(_ row: [String]) throws {
        pending.append(neutralise ? row.map(CSVTable.neutralise) : row)
        if pending.count >= 4096 { try flush() }
    }

    /// Writes what is buffered.
    public func flush() throws {
        guard !pending.isEmpty else { return }
        var text = CSVText(reservingCapacity: 64 * pending.count)
        for row in pending { text.append(row: row) }
        pending.removeAll(keepingCapacity: true)
        try handle.write(contentsOf: Data(text.bytes))
    }
}
