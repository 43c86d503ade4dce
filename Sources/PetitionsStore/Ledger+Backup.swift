import Foundation
import GRDB
import PetitionsDomain

extension Ledger {
    // MARK: - Backup

    /// Copies the ledger to `destination` with SQLite's online backup, from one consistent snapshot while other
    /// commands go on writing. The copy is written beside the destination with mode 0600 and renamed into place,
    /// so a reader never sees half a backup; an existing file is replaced only with `overwrite`.
    /// Returns the partial copies of earlier backups to the same file that were killed before they finished, which it
    /// removed (a partial is locked while its backup runs, so one still being written is never taken for stale).
    @discardableResult
    public func backup(to destination: String, overwrite: Bool) throws -> [String] {
        let fm = FileManager.default
        let resolved = { (p: String) in URL(fileURLWithPath: p).standardizedFileURL.resolvingSymlinksInPath().path }
        guard ![path, path + "-wal", path + "-shm"].map(resolved).contains(resolved(destination)) else {
            throw PetitionsError("\(destination) is the ledger itself (or its journal); give the backup another name.", code: .cannotCreate)
        }
        if try OutputPath.existingRegularFile(destination, option: "backup") {
            guard overwrite else { throw PetitionsError("\(destination) already exists; give --force to replace it.", code: .cannotCreate) }
        }
        let folder = FilePaths.folder(of: destination)
        let stale = Ledger.removeStalePartials(of: destination)
        let temporary = (folder.isEmpty ? "." : folder) + "/.\(FilePaths.name(of: destination)).\(UUID().uuidString.prefix(8)).partial"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else {
            // The folder named, in words: "No such file or directory" read as if the backup itself were missing.
            let shown = folder.isEmpty ? "the current folder" : "the folder \(folder)"
            let why: String
            switch errno {
            case ENOENT: why = "\(shown) does not exist; create it first (mkdir -p \(folder.isEmpty ? "." : folder)) or name another"
            case ENOTDIR: why = "\(folder) is not a folder"
            case EACCES, EPERM, EROFS: why = "\(shown) may not be written in"
            default: why = String(cString: strerror(errno)).lowercased()
            }
            throw PetitionsError("backup: \(destination) cannot be created: \(why).", code: .cannotCreate)
        }
        // Held until this backup ends (the process ending releases it too): another backup sees the partial is live.
        _ = flock(fd, LOCK_EX | LOCK_NB)
        defer { close(fd) }
        var done = false
        defer {
            if !done {
                for suffix in ["", "-wal", "-shm", "-journal"] { try? fm.removeItem(atPath: temporary + suffix) }
            }
        }
        do {
            let copy = try DatabaseQueue(path: temporary)
            try reader.backup(to: copy)
            // The copy is one self-contained file: no WAL beside it.
            try copy.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            try copy.close()
        } catch let e as DatabaseError {
            throw PetitionsError("The backup \(destination) could not be written (\(Ledger.describe(e.resultCode))).", code: .ioError)
        }
        // Checked again at the last moment: what was a file may have become something else while the copy was made.
        try OutputPath.existingRegularFile(destination, option: "backup")
        guard rename(temporary, destination) == 0 else {
            throw PetitionsError("The backup \(destination) could not be put in place: \(String(cString: strerror(errno))).", code: .cannotCreate)
        }
        done = true
        return stale
    }

    /// Removes the `.NAME.XXXXXXXX.partial` files (and their journals) that killed backups to `destination` left
    /// beside it: those no running backup holds locked. Returns their names.
    static func removeStalePartials(of destination: String) -> [String] {
        let folder = FilePaths.folder(of: destination)
        let dir = folder.isEmpty ? "." : folder
        let prefix = ".\(FilePaths.name(of: destination))."
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return [] }
        var removed: [String] = []
        for name in names.sorted() where name.hasPrefix(prefix) && name.hasSuffix(".partial") && name.count == prefix.count + 16 {
            let path = dir + "/" + name
            let fd = open(path, O_RDONLY | O_NOFOLLOW)
            guard fd >= 0 else { continue }
            defer { close(fd) }
            var st = stat()
            guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG, flock(fd, LOCK_EX | LOCK_NB) == 0 else { continue }
            for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
            removed.append(path)
        }
        return removed
    }
}
