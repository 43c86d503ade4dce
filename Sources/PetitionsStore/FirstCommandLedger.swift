import Foundation
import GRDB
import PetitionsDomain

/// A ledger made by the first command recorded into it, built under a name of its own beside the path it is for and
/// put there only when the command has succeeded: a first command that is refused (a petitioner with an empty name,
/// a letter to an authority the new ledger cannot know) leaves no ledger behind, and no folder it made for one.
/// Before, the ledger was made (with the office's `ledger.initialized`) as the command opened it, and stayed when the
/// command was refused.
///
/// The hidden file is held under an exclusive `flock` for as long as its command lives, so that a file whose lock can
/// be taken is one whose command was killed: the next command to make or record into a ledger by that name removes it
/// (`removeAbandoned`). Before, a killed first command left its hidden file (and its `-wal` and `-shm`) for ever.
///
/// Used by one command at a time, as a command is: the application opens every ledger of the command through it,
/// then either `install`s the new ledger or `discard`s it.
public final class FirstCommandLedger: @unchecked Sendable {
    /// The path the ledger is for.
    public let target: String
    /// The name it is built under until the command succeeds: hidden, beside the target, unique to this command.
    public private(set) var temporary: String
    /// Folders above the target that were missing when the command began (deepest first): the store makes them for
    /// the new ledger, and they are removed again (each only if empty) when it is discarded.
    private let missingFolders: [String]
    /// Every ledger opened on the temporary name, closed before the ledger is put in place.
    private var opened: [Ledger] = []
    /// The hidden file, open and locked (`flock`, exclusive) from its making until it is put in place or discarded;
    /// -1 before it is made and after.
    private var lock: Int32 = -1
    /// Whether the command read input that it cannot read again (standard input, a pipe): if another process makes the
    /// ledger meanwhile, the command cannot run again on that one and is refused instead (`Workspace.creatingLedger`).
    public var readsInputOnce = false

    /// Refuses, before any work, a target no ledger can be made at (a folder, a device, a link to nothing).
    public init(target: String) throws {
        try Ledger.requireRegularFile(target)
        try Ledger.refuseDanglingLink(target)
        self.target = target
        temporary = FirstCommandLedger.hiddenName(for: target)
        let dir = FilePaths.folder(of: target)
        var missing: [String] = []
        var folder = dir
        while !folder.isEmpty, folder != "/", !FileManager.default.fileExists(atPath: folder) {
            missing.append(folder)
            folder = FilePaths.folder(of: folder)
        }
        missingFolders = missing
    }

    deinit { release() }

    /// Whether the command opened the new ledger (else there is nothing to put in place).
    public var isOpened: Bool { !opened.isEmpty }

    /// Notes a ledger opened on the temporary name, to be closed before the file is moved.
    public func opened(_ ledger: Ledger) { opened.append(ledger) }

    /// Makes the new ledger, migrated, under the temporary name (mode 0600, the folders above it made when missing),
    /// locked for the life of this command; then removes what killed commands left beside the target. Once only.
    public func make() throws {
        guard lock < 0 else { return }
        try Ledger.makeFolder(for: target)
        let (name, descriptor) = try FirstCommandLedger.lockedHiddenFile(for: target)
        temporary = name
        lock = descriptor
        try Ledger.migrateNew(name, for: target)
        FirstCommandLedger.removeAbandoned(beside: target)
    }

    /// Closes the new ledger (SQLite then copies its write-ahead log into the file and removes it) and puts it at the
    /// target if there is still no ledger there. Returns false, leaving the new ledger to be discarded, when another
    /// process made a ledger at the target meanwhile: the command is then to be run again on that one.
    public func install() throws -> Bool {
        try closeAll()
        // Everything recorded must be in the file itself: a `-wal` beside the temporary name would not be found beside
        // the target.
        guard Ledger.fileSize(temporary + "-wal") == 0 else {
            throw PetitionsError(
                "Cannot create the ledger \(Ledger.shown(target)): the new ledger could not be closed; nothing was recorded.", code: .cannotCreate)
        }
        for _ in 0..<10 {
            switch try Ledger.place(at: target, { temporary }) {
            case .placed:
                Ledger.removeBuilt(temporary)
                release()
                return true
            case .taken: return false
            case .raced: continue
            }
        }
        return false
    }

    /// Removes the new ledger and the folders made for it (each only if it is empty), leaving the target as it was.
    public func discard() {
        try? closeAll()
        Ledger.removeBuilt(temporary)
        release()
        for folder in missingFolders { rmdir(folder) }
    }

    private func closeAll() throws {
        defer { opened = [] }
        for ledger in opened { try ledger.closeDatabase() }
    }

    /// Lets go of the hidden file's lock (its name is gone by then, or about to be).
    private func release() {
        guard lock >= 0 else { return }
        close(lock)
        lock = -1
    }
}
extension Ledger {
    /// Closes the database (every facade over it), everything recorded copied from the write-ahead log into the file
    /// first: for a ledger that is to be moved once its command is done. GRDB closes a pool's writer before its
    /// readers, and a reader closing last cannot copy the log (GRDB issue 739), so the writer copies it itself.
    func closeDatabase() throws {
        try Ledger.wrap(path) {
            try writer?.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
            try reader.close()
        }
    }
}
