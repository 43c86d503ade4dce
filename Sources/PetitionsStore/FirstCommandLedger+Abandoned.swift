import Foundation
import PetitionsDomain

/// The hidden files of first commands (`.NAME.XXXXXXXX.first` beside the ledger `NAME`): made locked, and removed
/// when their lock can be taken, which is when the command that made them is gone.
extension FirstCommandLedger {
    /// The last part of every hidden file's name.
    static let hiddenSuffix = ".first"

    /// A new hidden name beside `target`: `.NAME.` and eight hexadecimal digits (upper case) and `.first`.
    static func hiddenName(for target: String) -> String {
        let dir = FilePaths.folder(of: target)
        return (dir.isEmpty ? "." : dir) + "/.\(FilePaths.name(of: target)).\(UUID().uuidString.prefix(8))" + hiddenSuffix
    }

    /// Whether `name` (a file's name in the ledger's folder) is exactly a hidden name for the ledger named
    /// `ledgerName`, compared byte for byte: a name that only looks the same (another Unicode form) is another
    /// ledger's, and no other file is ever taken for one.
    static func isHiddenName(_ name: String, of ledgerName: String) -> Bool {
        let bytes = Array(name.utf8)
        let head = Array(".\(ledgerName).".utf8)
        let tail = Array(hiddenSuffix.utf8)
        guard bytes.count == head.count + 8 + tail.count, bytes.starts(with: head), bytes.suffix(tail.count).elementsEqual(tail) else {
            return false
        }
        return bytes[head.count..<(head.count + 8)].allSatisfy { (0x30...0x39).contains($0) || (0x41...0x46).contains($0) }
    }

    /// Creates a new, empty hidden file for `target` and takes its lock, returning its name and the descriptor that
    /// holds the lock. A sweeper (`removeAbandoned`) that opened the file in the instant between its creation and its
    /// lock removes it: the lock is then refused, or the file found gone once it is taken, and another name is tried.
    static func lockedHiddenFile(for target: String) throws -> (String, Int32) {
        for _ in 0..<10 {
            let name = hiddenName(for: target)
            let fd = open(name, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard fd >= 0 else {
                if errno == EEXIST { continue }
                throw PetitionsError(
                    "Cannot create the ledger \(Ledger.shown(target)): \(String(cString: strerror(errno))) (the folder is missing or not writable).",
                    code: .cannotCreate)
            }
            var own = stat()
            var now = stat()
            let locked = flock(fd, LOCK_EX | LOCK_NB) == 0
            // A file system without `flock` (errno other than EWOULDBLOCK) keeps the file unlocked, as before: a
            // sweeper there cannot take its lock either, so it is never removed while in use.
            if locked || errno != EWOULDBLOCK, fstat(fd, &own) == 0, own.st_nlink > 0, lstat(name, &now) == 0, now.st_ino == own.st_ino,
                now.st_dev == own.st_dev
            {
                return (name, fd)
            }
            close(fd)
            unlink(name)
        }
        throw PetitionsError(
            "Cannot create the ledger \(Ledger.shown(target)): its new file kept being removed by other processes.", code: .cannotCreate)
    }

    /// Removes the hidden files beside `target` (with their `-wal`, `-shm` and `-journal`) that were left by first
    /// commands killed before they finished: those whose lock can be taken. A file whose lock is held belongs to a
    /// command still running and is left alone; nothing whose name is not exactly a hidden name of this ledger is
    /// touched. Cheap: one listing of the folder, and an open only of the names that match.
    public static func removeAbandoned(beside target: String) {
        let dir = FilePaths.folder(of: target)
        let folder = dir.isEmpty ? "." : dir
        let ledgerName = FilePaths.name(of: target)
        guard !ledgerName.isEmpty, let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where isHiddenName(name, of: ledgerName) {
            let path = folder + "/" + name
            let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            guard fd >= 0 else { continue }
            defer { close(fd) }
            var held = stat()
            var now = stat()
            guard fstat(fd, &held) == 0, (held.st_mode & S_IFMT) == S_IFREG, flock(fd, LOCK_EX | LOCK_NB) == 0, lstat(path, &now) == 0,
                now.st_ino == held.st_ino, now.st_dev == held.st_dev
            else { continue }
            // Its companions first, while the lock still says the name is being removed.
            for suffix in ["-wal", "-shm", "-journal", ""] { unlink(path + suffix) }
        }
    }
}
