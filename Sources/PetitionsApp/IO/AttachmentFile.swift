import Foundation
import PetitionsDomain

/// Reading a file to attach: a regular file with something in it, no larger than the configured limit.
enum AttachmentFile {
    static let bytesPerMB = 1_048_576

    /// The bytes of the file at `path`, refused (naming the path) when it is missing, a folder or not a regular
    /// file, empty, or larger than `limitMB`.
    static func read(_ path: String, limitMB: Int) throws -> Data {
        guard !path.isEmpty else { throw PetitionsError("attach: the file's path is empty; give the file to attach.", code: .usage) }
        var st = stat()
        guard stat(path, &st) == 0 else {
            throw PetitionsError("attach: \(path): no such file; nothing was attached.", code: .noInput)
        }
        switch st.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw PetitionsError("attach: \(path) is a folder, not a file; give a file to attach.", code: .noInput)
        default: throw PetitionsError("attach: \(path) is not a regular file (a device, pipe or socket); give a file to attach.", code: .noInput)
        }
        let limit = limitMB * bytesPerMB
        try check(Int(st.st_size), path: path, limit: limit, limitMB: limitMB)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw PetitionsError("attach: \(path) cannot be read (permission denied); nothing was attached.", code: .noInput)
        }
        defer { try? handle.close() }
        let data: Data
        do {
            // One byte past the limit is enough to know a file that grew meanwhile is too large.
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            throw PetitionsError("attach: \(path) cannot be read to the end; nothing was attached.", code: .ioError)
        }
        try check(data.count, path: path, limit: limit, limitMB: limitMB)
        return data
    }

    private static func check(_ size: Int, path: String, limit: Int, limitMB: Int) throws {
        guard size > 0 else { throw PetitionsError("attach: \(path) is empty; there is nothing to attach.", code: .dataError) }
        guard size <= limit else {
            throw PetitionsError(
                "attach: \(path) is \(megabytes(size)), over the limit of \(limitMB) MB for an attachment (max_attachment_mb in the configuration); nothing was attached.",
                code: .dataError)
        }
    }

    /// A size in MB with one decimal, e.g. "30.2 MB".
    static func megabytes(_ size: Int) -> String {
        let tenths = (size * 10 + bytesPerMB / 2) / bytesPerMB
        return "\(tenths / 10).\(tenths % 10) MB"
    }
}
