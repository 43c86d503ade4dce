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

    /// Whether `path` (of `--output`) means standard output.
    static func means(_ path: String) -> Bool { path == "-" || path == "/dev/stdout" }
}
