// swift-format-ignore: OrderedImports
// Before Foundation: Glibc declares `stdout` a mutable global, which Swift 6 refuses to read without this
// (swiftlang/swift#77866); it is never reassigned.
@preconcurrency import Glibc
import Foundation
import PetitionsApp

/// Bytes to standard output, where a full disk or a closed descriptor is a sentence and exit 74, never a trap.
enum StandardOutput {
    static func write(_ bytes: Data) throws {
        // write(2) itself, so that the reason is errno's, whatever wrapper Foundation would put around it.
        try bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(STDOUT_FILENO, base + offset, raw.count - offset)
                if n < 0 {
                    let code = errno
                    if code == EINTR { continue }
                    let reason = code == ENOSPC ? "the disk is full" : "it is closed or cannot be written"
                    throw PetitionsError("could not write to standard output: \(reason).", code: .ioError)
                }
                offset += n
            }
        }
    }

    /// Flushes what `print` buffered: a listing printed line by line to a full disk or a closed pipe fails here, at
    /// the end, and must not exit 0 as if it had been written.
    static func finish() throws {
        let flushed = fflush(stdout) == 0
        let code = errno
        guard !flushed || ferror(stdout) != 0 else { return }
        clearerr(stdout)
        let reason = code == ENOSPC ? "the disk is full" : "it is closed or cannot be written"
        throw PetitionsError("could not write to standard output: \(reason).", code: .ioError)
    }

    /// Whether `path` (of `--output`) means standard output.
    static func means(_ path: String) -> Bool { path == "-" || path == "/dev/stdout" }
}
