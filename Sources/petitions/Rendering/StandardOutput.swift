import Foundation
import PetitionsApp

/// Bytes to standard output, where a full disk or a closed pipe is a sentence and exit 74, never a trap.
enum StandardOutput {
    static func write(_ bytes: Data) throws {
        do {
            try FileHandle.standardOutput.write(contentsOf: bytes)
        } catch {
            let reason = (error as NSError).code == Int(ENOSPC) ? "the disk is full" : "it is closed or cannot be written"
            throw PetitionsError("could not write to standard output: \(reason).", code: .ioError)
        }
    }

    /// Whether `path` (of `--output`) means standard output.
    static func means(_ path: String) -> Bool { path == "-" || path == "/dev/stdout" }
}
