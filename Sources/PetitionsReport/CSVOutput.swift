import Foundation
import PetitionsDomain

/// Writes CSV (`CSVText`), CRLF line ends, a few thousand rows at a time, to a file handle (standard
/// output or a file). With `neutralise`, cells that a spreadsheet would run as formulas are defused as in reports.
public final class CSVOutput {
    private let handle: FileHandle
    private let neutralise: Bool
    private var pending: [[String]] = []

    public init(handle: FileHandle, neutralise: Bool) {
        self.handle = handle
        self.neutralise = neutralise
    }

    /// Creates `path` with mode 0600 (it may hold personal data) and writes to it; an existing file is
    /// replaced only when `replacing`, and only when it is a regular file: never through a symbolic link
    /// (O_NOFOLLOW), never a device or a FIFO. `option` names the option in the sentences.
    public convenience init(creating path: String, replacing: Bool, neutralise: Bool, option: String = "--rejects") throws {
        try OutputPath.existingRegularFile(path, option: option)
        // O_NONBLOCK: a FIFO put there since the check must not hold the command; it is refused below.
        let fd = open(path, O_WRONLY | O_CREAT | O_NOFOLLOW | O_NONBLOCK | (replacing ? O_TRUNC : O_EXCL), 0o600)
        guard fd >= 0 else {
            let why =
                errno == EEXIST
                ? "it already exists; give --force to replace it, or choose another name"
                : errno == ELOOP ? "it is a symbolic link" : String(cString: strerror(errno))
            throw PetitionsError("\(option): \(path) cannot be created: \(why).", code: .cannotCreate)
        }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw PetitionsError("\(option): \(path) is not a regular file; petitions replaces only regular files.", code: .cannotCreate)
        }
        fchmod(fd, 0o600)
        self.init(handle: FileHandle(fileDescriptor: fd, closeOnDealloc: true), neutralise: neutralise)
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
