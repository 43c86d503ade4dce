import Foundation
import PetitionsDomain

/// The one way petitions writes a file a user named (a report, an export, a draft): readable by its owner only
/// (it may hold personal names), written beside its destination and moved into place when complete so that nobody
/// reads half of it, and never over an existing file unless asked.
public enum OutputFile {
    /// Refuses a folder, and an existing file unless `force`: checked before any work is done.
    /// Anything but a regular file (a folder, a device such as /dev/null, a FIFO, a symbolic link) is refused even
    /// with `force`; `-` and `/dev/stdout` mean standard output.
    /// `verb` is what --force does in the sentence: exports have always said "replace", reports and drafts "overwrite".
    public static func refuseExisting(_ path: String, force: Bool, verb: String = "overwrite") throws {
        guard !OutputPath.isStandardOutput(path), try OutputPath.existingRegularFile(path, option: "--output") else { return }
        if !force {
            throw PetitionsError("--output: \(ControlCharacters.quotable(path)) already exists; add --force to \(verb) it.", code: .cannotCreate)
        }
    }

    /// Writes `text` to `path` as `write(to:force:_:)` does.
    public static func write(_ text: String, to path: String, force: Bool) throws {
        try write(to: path, force: force) { handle in try handle.write(contentsOf: Data(text.utf8)) }
    }

    /// Writes a temporary file (mode 0600) beside `path` with `body`, then links it into place (refusing an existing
    /// file) or, with `force`, renames it over the old one.
    public static func write(to path: String, force: Bool, verb: String = "overwrite", _ body: (FileHandle) throws -> Void) throws {
        if OutputPath.isStandardOutput(path) {
            do {
                return try body(FileHandle.standardOutput)
            } catch let e as PetitionsError {
                throw e
            } catch {
                throw standardOutputFailure(error)
            }
        }
        try refuseExisting(path, force: force, verb: verb)
        let dir = FilePaths.folder(of: path)
        var template = Array(((dir.isEmpty ? "." : dir) + "/.petitions-output-XXXXXX").utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else { throw cannotCreate(path) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var done = false
        defer { if !done { unlink(temporary) } }
        fchmod(fd, 0o600)
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        do {
            try body(handle)
            try handle.synchronize()
            try handle.close()
        } catch let e as PetitionsError {
            throw e
        } catch {
            throw PetitionsError("--output: cannot write \(ControlCharacters.quotable(path)) (\(error.localizedDescription)).", code: .ioError)
        }
        if force {
            try OutputPath.existingRegularFile(path, option: "--output")  // again: it may have changed meanwhile
            guard rename(temporary, path) == 0 else { throw cannotCreate(path) }
        } else if link(temporary, path) != 0 {
            if errno == EEXIST {
                throw PetitionsError("--output: \(ControlCharacters.quotable(path)) already exists; add --force to \(verb) it.", code: .cannotCreate)
            }
            throw cannotCreate(path)
        } else {
            unlink(temporary)
        }
        done = true
    }

    /// The sentence for standard output that cannot be written (a full disk, a closed pipe): Foundation's own
    /// error names a Cocoa domain and code.
    public static func standardOutputFailure(_ error: Error) -> PetitionsError {
        let full =
            (error as? CocoaError)?.code == .fileWriteOutOfSpace
            || ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError)?.code == Int(ENOSPC)
        let reason = full ? "the disk is full" : "it is closed or cannot be written"
        return PetitionsError("could not write to standard output: \(reason).", code: .ioError)
    }

    private static func cannotCreate(_ path: String) -> PetitionsError {
        PetitionsError("--output: cannot create \(ControlCharacters.quotable(path)) (\(String(cString: strerror(errno)))).", code: .cannotCreate)
    }
}
