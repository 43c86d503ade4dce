import CSV
import Foundation
import PetitionsDomain

/// Reads CSV (RFC 4180: quoted fields, commas, quotes and newlines inside them; UTF-8 with or without a BOM)
/// through CSV.swift, one row at a time, with the line each row starts on, so that a million rows never sit in memory.
public final class CSVInput: Sequence, IteratorProtocol {
    /// The first row, with names trimmed.
    public let header: [String]
    /// The file name, or "standard input".
    public let source: String
    private let reader: CSVReader
    private var line = 2
    private var finished = false

    /// Opens `path` (`-` for standard input). A missing file is exit 66; an empty one or one without a header, 65.
    public init(path: String) throws {
        let stream: InputStream?
        if path == "-" {
            source = "standard input"
            stream = DescriptorInputStream(descriptor: STDIN_FILENO)
        } else {
            source = path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw PetitionsError("\(path): no such file; nothing was imported.", code: .noInput)
            }
            guard !isDirectory.boolValue, access(path, R_OK) == 0 else {
                throw PetitionsError("\(path) cannot be read (it is a folder or not readable); nothing was imported.", code: .noInput)
            }
            let fd = open(path, O_RDONLY)
            stream = fd >= 0 ? DescriptorInputStream(descriptor: fd) : nil
        }
        guard let stream else { throw PetitionsError("\(path) cannot be opened; nothing was imported.", code: .noInput) }
        do {
            reader = try CSVReader(stream: stream, hasHeaderRow: false)
        } catch {
            throw PetitionsError("\(path == "-" ? "standard input" : path) cannot be read; nothing was imported.", code: .noInput)
        }
        guard let first = reader.next(), !(first.count == 1 && first[0].isEmpty) else {
            throw PetitionsError("\(source) is empty; the first line must name the columns. Nothing was imported.")
        }
        if let error = reader.error { throw CSVInput.unreadable(source, line: 1, error) }
        var names = first.map { $0.trimmingCharacters(in: .whitespaces) }
        // CSV.swift skips a byte-order mark; a file saved twice may carry a second one.
        if let f = names.first, f.hasPrefix("\u{FEFF}") { names[0] = String(f.dropFirst()) }
        header = names
        line = 1 + CSVInput.lines(in: first)
    }

    /// The next row and the line it starts on, or nil at the end. Throws nothing: a file that stops being
    /// readable ends the rows and sets `failure`.
    public func next() -> (line: Int, cells: [String])? {
        guard !finished else { return nil }
        while let row = reader.next() {
            if let error = reader.error {
                failure = CSVInput.unreadable(source, line: line, error)
                finished = true
                return nil
            }
            let start = line
            line += CSVInput.lines(in: row)
            if row.allSatisfy({ $0.isEmpty }) { continue }  // a blank line
            return (start, row)
        }
        if let error = reader.error { failure = CSVInput.unreadable(source, line: line, error) }
        finished = true
        return nil
    }

    /// Why the rows stopped early, when they did.
    public private(set) var failure: PetitionsError?

    /// How many lines a row spans: one, plus the line breaks inside its quoted fields.
    static func lines(in row: [String]) -> Int {
        var n = 1
        for cell in row {
            var previousCR = false
            for b in cell.utf8 {
                if b == 0x0A { if !previousCR { n += 1 } } else if b == 0x0D { n += 1 }
                previousCR = b == 0x0D
            }
        }
        return n
    }

    static func unreadable(_ source: String, line: Int, _ error: Error) -> PetitionsError {
        if case CSVError.unicodeDecoding = error {
            return PetitionsError("\(source) line \(line): the text is not UTF-8; save the file as UTF-8 CSV. Nothing was imported.")
        }
        return PetitionsError("\(source) line \(line) cannot be read (\(error)); nothing was imported.", code: .ioError)
    }
}

/// A file descriptor as an `InputStream` that knows exactly when the bytes end. Foundation's file stream on Linux
/// says bytes are available until a read returns none, and CSV.swift takes that last empty read for an error;
/// reading one block ahead answers `hasBytesAvailable` truly. Works for pipes (standard input) as well as files.
final class DescriptorInputStream: InputStream {
    private let descriptor: Int32
    private var block = [UInt8](repeating: 0, count: 1 << 16)
    private var start = 0
    private var end = 0
    private var ended = false
    private var status: Stream.Status = .notOpen
    private var failure: Error?

    init(descriptor: Int32) {
        self.descriptor = descriptor
        super.init(data: Data())
    }

    override var streamStatus: Stream.Status { status }
    override var streamError: Error? { failure }
    override func open() { status = .open }

    override func close() {
        guard status != .closed else { return }
        status = .closed
        if descriptor != STDIN_FILENO { Foundation.close(descriptor) }
    }

    /// Reads the next block when the current one is used up.
    private func fill() {
        guard start == end, !ended else { return }
        var n: Int
        repeat { n = block.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) } } while n < 0 && errno == EINTR
        if n < 0 {
            failure = PetitionsError(String(cString: strerror(errno)), code: .ioError)
            status = .error
            ended = true
        } else if n == 0 {
            ended = true
        }
        start = 0
        end = max(0, n)
    }

    override var hasBytesAvailable: Bool {
        fill()
        return start < end
    }

    override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength len: Int) -> Int {
        fill()
        if status == .error { return -1 }
        let n = min(len, end - start)
        guard n > 0 else { return 0 }
        block.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            buffer.update(from: base.assumingMemoryBound(to: UInt8.self) + start, count: n)
        }
        start += n
        return n
    }

    override func getBuffer(_ buffer: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>, length len: UnsafeMutablePointer<Int>) -> Bool { false }
}

/// Writes CSV through CSV.swift, CRLF line ends, a few thousand rows at a time, to a file handle (standard
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
    /// replaced only when `replacing`.
    public convenience init(creating path: String, replacing: Bool, neutralise: Bool) throws {
        let fd = open(path, O_WRONLY | O_CREAT | (replacing ? O_TRUNC : O_EXCL), 0o600)
        guard fd >= 0 else {
            let why = errno == EEXIST ? "it already exists; choose another name or remove it" : String(cString: strerror(errno))
            throw PetitionsError("\(path) cannot be created: \(why).", code: .cannotCreate)
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
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream, newline: .crlf)
        for row in pending { try writer.write(row: row) }
        writer.stream.close()
        pending.removeAll(keepingCapacity: true)
        guard var data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else { return }
        data.append(contentsOf: [0x0D, 0x0A])
        try handle.write(contentsOf: data)
    }
}
