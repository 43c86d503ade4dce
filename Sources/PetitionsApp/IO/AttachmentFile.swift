import Foundation
import PetitionsDomain

/// Reading a file to attach: a regular file with something in it, no larger than the configured limit.
enum AttachmentFile {
    static let bytesPerMB = 1_048_576

    /// The bytes of the file at `path`, read to its end (a file under /proc reports 0 bytes and holds some), refused
    /// (naming the path) when it is missing, a folder, a device or a socket, empty, or larger than `limitMB`.
    static func read(_ path: String, limitMB: Int) throws -> Data {
        guard !path.isEmpty else { throw PetitionsError("attach: the file's path is empty; give the file to attach.", code: .usage) }
        let limit = limitMB * bytesPerMB
        var st = stat()
        // A regular file that says it is too large is refused before it is read, naming its size.
        if stat(path, &st) == 0, st.st_mode & S_IFMT == S_IFREG, Int(st.st_size) > limit {
            try check(Int(st.st_size), path: path, limit: limit, limitMB: limitMB)
        }
        let data = try InputFile.contents(path, field: "attach", limit: limit, consequence: "nothing was attached.") {
            PetitionsError(
                "attach: \(ControlCharacters.quotable(path)) is over the limit of \(limitMB) MB for an attachment (max_attachment_mb in the configuration); nothing was attached."
            )
        }
        try check(data.count, path: path, limit: limit, limitMB: limitMB)
        return data
    }

    private static func check(_ size: Int, path: String, limit: Int, limitMB: Int) throws {
        guard size > 0 else {
            throw PetitionsError("attach: \(ControlCharacters.quotable(path)) is empty; there is nothing to attach.", code: .dataError)
        }
        guard size <= limit else {
            throw PetitionsError(
                "attach: \(ControlCharacters.quotable(path)) is \(shown(size, limitMB: limitMB)), over the limit of \(limitMB) MB for an attachment (max_attachment_mb in the configuration); nothing was attached.",
                code: .dataError)
        }
    }

    /// `size` in MB with one decimal, or in bytes when that would read as the limit itself: a file one byte over 25 MB
    /// was "25.0 MB, over the limit of 25 MB".
    static func shown(_ size: Int, limitMB: Int) -> String {
        let mb = megabytes(size)
        return mb == "\(limitMB).0 MB" ? "\(Quantity.grouped(Decimal(size))) bytes" : mb
    }

    /// A size in MB with one decimal, e.g. "30.2 MB".
    static func megabytes(_ size: Int) -> String {
        let tenths = (size * 10 + bytesPerMB / 2) / bytesPerMB
        return "\(tenths / 10).\(tenths % 10) MB"
    }
}
