import Crypto
import Foundation
import PetitionsDomain

/// The SHA-256 of a file, read in blocks: what an import records, so that the same file is recognised again.
enum FileDigest {
    /// The lower-case hexadecimal SHA-256 of the file at `path`.
    static func sha256(_ path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw PetitionsError("\(path) does not exist or cannot be read.", code: .noInput)
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        while true {
            let block: Data
            do {
                guard let read = try handle.read(upToCount: 1 << 20), !read.isEmpty else { break }
                block = read
            } catch {
                throw PetitionsError("\(path) cannot be read to the end.", code: .ioError)
            }
            hasher.update(data: block)
        }
        return Hex.lowercase(hasher.finalize())
    }
}
