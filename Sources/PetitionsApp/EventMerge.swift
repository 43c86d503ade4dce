import Foundation
import PetitionsDomain
import PetitionsStore

/// `petitions import events FILE`: merges another office's exported event log into this ledger.
public enum EventMerge {
    /// Reads `path` (`-` for standard input) and merges it; `maps` are `THEIRS=OURS` handle pairs.
    /// `attachmentMB`: `max_attachment_mb`, the most an attachment merged may hold.
    public static func run(path: String, maps: [String], ledger: Ledger, attachmentMB: Int = Configuration().maxAttachmentMB) throws
        -> MergeResult
    {
        var map: [String: String] = [:]
        for m in maps {
            let parts = m.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw PetitionsError.invalid("--map", m, "is not THEIRS=OURS, e.g. --map ivanov=ivanov-klin")
            }
            // The value as given, not as folded to lower case: it is what the user typed.
            guard Handle.isValid(parts[0]) else { throw PetitionsError.invalid("--map", m, "does not start with a valid handle") }
            guard Handle.isValid(parts[1]) else { throw PetitionsError.invalid("--map", m, "does not map to a valid handle") }
            if let earlier = map[parts[0]], earlier != parts[1] {
                throw PetitionsError.invalid("--map", m, "maps \(parts[0]) a second time (it already maps to \(earlier))")
            }
            map[parts[0]] = parts[1]
        }
        let source = path == "-" ? "standard input" : path
        let fd: Int32
        if path == "-" {
            fd = STDIN_FILENO
        } else {
            fd = try InputFile.open(path, field: "", consequence: "nothing was imported.")
        }
        defer { if fd != STDIN_FILENO { close(fd) } }
        return try ledger.importEvents(
            try readText(fd, source: source), source: source, map: map, attachmentBytes: attachmentMB * AttachmentFile.bytesPerMB)
    }

    /// The most bytes an event log may hold: a bound, so that a device that never ends (`/dev/zero`,
    /// `/dev/urandom`) is refused instead of read until memory runs out.
    public static let sizeLimit = 1 << 30

    /// Reads `fd` to its end, refusing at once a NUL byte (not a text file) with its line, or more than `sizeLimit`.
    static func readText(_ fd: Int32, source: String) throws -> Data {
        var data = Data()
        var block = [UInt8](repeating: 0, count: 1 << 16)
        var lines = 1
        while true {
            let n = block.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw PetitionsError("\(source) cannot be read (\(String(cString: strerror(errno)))); nothing was imported.", code: .ioError)
            }
            if n == 0 { return data }
            let chunk = block[0..<n]
            if let nul = chunk.firstIndex(of: 0) {
                lines += chunk[..<nul].filter { $0 == 0x0A }.count
                throw PetitionsError("\(source) line \(lines) holds a NUL byte: it is not a text (JSON Lines) file. Nothing was imported.")
            }
            lines += chunk.filter { $0 == 0x0A }.count
            guard data.count + n <= sizeLimit else {
                throw PetitionsError("\(source) is larger than \(sizeLimit >> 30) GB, more than an event log may be. Nothing was imported.")
            }
            data.append(contentsOf: chunk)
        }
    }
}
