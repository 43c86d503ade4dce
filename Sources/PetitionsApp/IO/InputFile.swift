import Foundation
import PetitionsDomain

/// Opening and reading a file a user names as an input (a configuration, rules, calendar, template or draft file, a
/// CSV to import, an event log, a file to attach), the same way everywhere.
///
/// The size a file reports is not trusted: files under /proc and /sys say 0 bytes and hold text, so a file is read
/// until its end. A folder, a device (`/dev/zero` never ends, a terminal waits for typing) or a socket is refused with
/// a sentence (exit 66). A named pipe is read to its end as `cat` reads it, waiting for its writer: when nothing has come
/// through it after a moment, a note on stderr says what petitions waits for, so that it never waits without a word.
public enum InputFile {
    /// Opens `path` for reading and returns its descriptor, or a sentence (exit 66) naming `field` and the path and
    /// ending with `consequence` (e.g. "nothing was imported.").
    public static func open(_ path: String, field: String, consequence: String = "nothing was changed.") throws -> Int32 {
        let lead = field.isEmpty ? "" : "\(field): "
        var st = stat()
        guard stat(path, &st) == 0 else {
            if errno == EACCES {
                throw PetitionsError("\(lead)\(ControlCharacters.quotable(path)) cannot be read (permission denied); \(consequence)", code: .noInput)
            }
            throw PetitionsError("\(lead)\(ControlCharacters.quotable(path)): no such file; \(consequence)", code: .noInput)
        }
        switch st.st_mode & S_IFMT {
        case S_IFREG, S_IFIFO: break
        case S_IFDIR:
            throw PetitionsError(
                "\(lead)\(ControlCharacters.quotable(path)) is a folder, not a file; give a file. \(capitalised(consequence))", code: .noInput)
        case S_IFCHR, S_IFBLK:
            throw PetitionsError(
                "\(lead)\(ControlCharacters.quotable(path)) is a device, not a file; give a file. \(capitalised(consequence))", code: .noInput)
        default:
            throw PetitionsError(
                "\(lead)\(ControlCharacters.quotable(path)) is a socket, not a file; give a file. \(capitalised(consequence))", code: .noInput)
        }
        var fd: Int32
        repeat { fd = Foundation.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC) } while fd < 0 && errno == EINTR
        guard fd >= 0 else {
            let why = errno == EACCES ? "permission denied" : String(cString: strerror(errno))
            throw PetitionsError("\(lead)\(ControlCharacters.quotable(path)) cannot be read (\(why)); \(consequence)", code: .noInput)
        }
        if st.st_mode & S_IFMT == S_IFIFO { waitForWriter(fd, path: path) }
        // Reads wait again from here on: a pipe's writer may be slower than us.
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
        return fd
    }

    /// How long a named pipe may give nothing before a note says that petitions waits for it, in milliseconds.
    static let quietPipeMilliseconds: Int32 = 500

    /// Waits until the named pipe open on `fd` has something to read or its writer has closed it. A pipe opened without
    /// waiting reads as empty until a writer comes, and one that started later was taken for an empty file; after
    /// `quietPipeMilliseconds` of nothing, a note on stderr says what is awaited.
    static func waitForWriter(_ fd: Int32, path: String) {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        if poll(&p, 1, quietPipeMilliseconds) != 0 { return }
        FileHandle.standardError.write(
            Data("note: waiting for \(ControlCharacters.quotable(path)), a named pipe, to be written to (Ctrl-C stops).\n".utf8))
        while poll(&p, 1, -1) < 0 && errno == EINTR {}
    }

    /// Whether `path` is a named pipe, which can be read only once.
    public static func isPipe(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFIFO
    }

    /// Whether `path` is a regular file (one that can be read twice, e.g. for its digest and then for its rows).
    public static func isRegular(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFREG
    }

    /// The text of a file that must be text (a draft, a template): `data` as UTF-8 when it is UTF-8 and holds no NUL,
    /// else nil. Swift reads each byte that is not UTF-8 as U+FFFD, and a binary file's bytes went on into the letter.
    public static func utf8Text(_ data: Data) -> String? {
        guard !data.contains(0) else { return nil }
        return String(validating: data, as: UTF8.self)
    }

    /// The bytes of `path`, read to its end (see `open`). More than `limit` bytes is refused with `tooLarge`, else a
    /// sentence naming the limit.
    public static func contents(
        _ path: String, field: String, limit: Int = 64 << 20, consequence: String = "nothing was changed.",
        tooLarge: (() -> PetitionsError)? = nil
    ) throws -> Data {
        let fd = try open(path, field: field, consequence: consequence)
        defer { close(fd) }
        let lead = field.isEmpty ? "" : "\(field): "
        do {
            return try readAll(fd, limit: limit)
        } catch is TooLarge {
            throw tooLarge?()
                ?? PetitionsError(
                    "\(lead)\(ControlCharacters.quotable(path)) is larger than \(limit >> 20) MB, more than such a file may be; \(consequence)",
                    code: .dataError)
        } catch let e as PetitionsError {
            throw PetitionsError(
                "\(lead)\(ControlCharacters.quotable(path)) cannot be read to the end (\(e.message)); \(consequence)", code: .ioError)
        }
    }

    /// Thrown by `readAll` when the bytes go past the limit.
    struct TooLarge: Error {}

    /// Reads `fd` to its end, at most `limit` bytes.
    static func readAll(_ fd: Int32, limit: Int) throws -> Data {
        var data = Data()
        var block = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = block.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw PetitionsError(String(cString: strerror(errno)), code: .ioError)
            }
            if n == 0 { return data }
            guard data.count + n <= limit else { throw TooLarge() }
            data.append(contentsOf: block[0..<n])
        }
    }

    private static func capitalised(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
}
