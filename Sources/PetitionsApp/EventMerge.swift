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
        try merge(readLog(path: path, maps: maps, attachmentMB: attachmentMB), into: ledger)
    }

    /// An event log read whole (`readLog`), with its handle maps checked: what `merge` needs, read before the ledger is opened so
    /// that standard input, read once, serves a merge that has to run again (`Workspace.creatingLedger`).
    public struct Log: Sendable {
        let data: Data
        let source: String
        let map: [String: String]
        let attachmentBytes: Int
    }

    /// Checks `maps` (`THEIRS=OURS` handle pairs) and reads `path` (`-` for standard input) whole, within the bounds
    /// of an event log with attachments of at most `attachmentMB`.
    public static func readLog(path: String, maps: [String], attachmentMB: Int = Configuration().maxAttachmentMB) throws -> Log {
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
        let attachmentBytes = attachmentMB * AttachmentFile.bytesPerMB
        let data = try readText(fd, source: source, lineLimit: lineLimit(attachmentBytes: attachmentBytes), attachmentMB: attachmentMB)
        return Log(data: data, source: source, map: map, attachmentBytes: attachmentBytes)
    }

    /// Merges an event log read by `readLog` into `ledger`, whole or not at all.
    public static func merge(_ log: Log, into ledger: Ledger) throws -> MergeResult {
        try ledger.importEvents(log.data, source: log.source, map: log.map, attachmentBytes: log.attachmentBytes)
    }

    /// The most an event log may hold: a bound, so that a device that never ends (`/dev/zero`,
    /// `/dev/urandom`) is refused instead of read until memory runs out.
    public static let sizeLimit = 1 << 30

    /// The longest a line of an event log may be, in bytes, with attachments of at most `attachmentBytes`: the base64 of
    /// the largest attachment, and room for the rest of the event. The rest is at most a few texts of `TextLimits`: the
    /// longest, a letter's body of `TextLimits.text` characters, is at most 12 bytes a character escaped (`\ud83d\ude00`),
    /// so 16 times that is room enough, and still a bound: a line of hundreds of megabytes is refused as it is read.
    public static func lineLimit(attachmentBytes: Int) -> Int { (attachmentBytes + 2) / 3 * 4 + 16 * TextLimits.text }

    /// Reads `fd` to its end, refusing at once a NUL byte (not a text file) with its line, a line longer than
    /// `lineLimit` bytes with its line (as soon as it is that long, not once it is read whole), or more than `sizeLimit`.
    static func readText(_ fd: Int32, source: String, lineLimit: Int, attachmentMB: Int) throws -> Data {
        var data = Data()
        var block = [UInt8](repeating: 0, count: 1 << 16)
        var line = 1
        // The bytes of the current line read so far.
        var lineLength = 0
        while true {
            let n = block.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw PetitionsError("\(source) cannot be read (\(String(cString: strerror(errno)))); nothing was imported.", code: .ioError)
            }
            if n == 0 { return data }
            try block.withUnsafeBytes { raw in
                let chunk = UnsafeRawBufferPointer(rebasing: raw[0..<n])
                let nul = memchr(chunk.baseAddress!, 0, n).map { chunk.baseAddress!.distance(to: UnsafeRawPointer($0)) } ?? n
                var start = 0
                while true {
                    let end = memchr(chunk.baseAddress! + start, 0x0A, n - start).map { chunk.baseAddress!.distance(to: UnsafeRawPointer($0)) } ?? n
                    if nul < end {
                        throw PetitionsError("\(source) line \(line) holds a NUL byte: it is not a text (JSON Lines) file. Nothing was imported.")
                    }
                    lineLength += end - start
                    if lineLength > lineLimit {
                        throw PetitionsError(
                            "\(source) line \(line) is longer than \(Quantity.grouped(Decimal(lineLimit))) bytes, more than an event can be here (an attachment of at most \(attachmentMB) MB, max_attachment_mb in the configuration, in base64, and the rest of the event); nothing was imported."
                        )
                    }
                    guard end < n else { break }
                    line += 1
                    lineLength = 0
                    start = end + 1
                }
            }
            guard data.count + n <= sizeLimit else {
                throw PetitionsError("\(source) is larger than \(sizeLimit >> 30) GB, more than an event log may be. Nothing was imported.")
            }
            data.append(contentsOf: block[0..<n])
        }
    }
}
