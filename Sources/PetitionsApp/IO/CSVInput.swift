import Foundation
import PetitionsDomain

/// Reads CSV (RFC 4180: quoted fields, commas, quotes and newlines inside them; UTF-8 with or without a BOM)
/// one row at a time, with the line each row starts on, so that a million rows never sit in memory. Strictly: a
/// malformed row (a quote never closed, text after a closing quote), a NUL byte or a field past `fieldLimit`
/// stops the rows with a sentence naming the line.
public final class CSVInput: Sequence, IteratorProtocol {
    /// The most bytes one field may hold unless told otherwise: 1 MB.
    public static let defaultFieldLimit = 1 << 20

    /// The first row, with names trimmed.
    public let header: [String]
    /// The file name, or "standard input".
    public let source: String
    private var reader: CSVRecordReader
    private var finished = false

    /// Opens `path` (`-` for standard input). A missing file is exit 66; an empty one or one without a header, 65.
    public init(path: String, fieldLimit: Int = CSVInput.defaultFieldLimit) throws {
        let stream: InputStream
        if path == "-" {
            source = "standard input"
            stream = DescriptorInputStream(descriptor: STDIN_FILENO)
        } else {
            source = path
            stream = DescriptorInputStream(descriptor: try InputFile.open(path, field: "", consequence: "nothing was imported."))
        }
        reader = CSVRecordReader(stream: stream, fieldLimit: fieldLimit)
        let first: [String]
        do {
            guard let row = try reader.next(), !(row.fields.count == 1 && row.fields[0].isEmpty) else {
                throw PetitionsError("\(source) is empty; the first line must name the columns. Nothing was imported.")
            }
            first = row.fields
        } catch let e as CSVRecordReader.Problem {
            throw CSVInput.unreadable(source, e)
        }
        var names = first.map { $0.trimmingCharacters(in: .whitespaces) }
        // A file saved twice may carry a second byte-order mark.
        if let f = names.first, f.hasPrefix("\u{FEFF}") { names[0] = String(f.dropFirst()) }
        header = names
    }

    /// The next row and the line it starts on, or nil at the end. Throws nothing: a row that cannot be read
    /// ends the rows and sets `failure`.
    public func next() -> (line: Int, cells: [String])? {
        guard !finished else { return nil }
        do {
            while let row = try reader.next() {
                if row.fields.allSatisfy({ $0.isEmpty }) { continue }  // a blank line
                return (row.line, row.fields)
            }
        } catch let e as CSVRecordReader.Problem {
            failure = CSVInput.unreadable(source, e, header: header)
        } catch let e as PetitionsError {
            failure = PetitionsError("\(source) line \(reader.line) cannot be read (\(e.message)); nothing was imported.", code: .ioError)
        } catch {
            failure = PetitionsError("\(source) line \(reader.line) cannot be read (\(error)); nothing was imported.", code: .ioError)
        }
        finished = true
        return nil
    }

    /// Why the rows stopped early, when they did.
    public private(set) var failure: PetitionsError?

    /// The sentence for a record that cannot be read, naming its line and, past the header, its column as a row's
    /// problems do (`line 2, column name: …`; a column the header does not name by its number).
    static func unreadable(_ source: String, _ problem: CSVRecordReader.Problem, header: [String]? = nil) -> PetitionsError {
        var place = "line \(problem.line)"
        if let header, let i = problem.column {
            place += i < header.count && !header[i].isEmpty ? ", column \(ControlCharacters.visible(header[i]))" : ", column \(i + 1)"
        }
        return PetitionsError("\(source) \(place): \(problem.message). Nothing was imported.")
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
