import Foundation
import GRDB
import PetitionsDomain

/// The ledger as a file on disk: what it is before it is opened (a regular file, a ledger of ours, not newer than this
/// program, writable or not), creating it whole or not at all, and saying what is wrong with it in our words.
extension Ledger {
    /// A path as a sentence names it: a new line, tab or control character in it written as `\u000A`, so that the
    /// sentence stays one line and nothing in the path acts on the terminal.
    public static func shown(_ path: String) -> String { ControlCharacters.quotable(path) }

    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    static func wrap<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as PetitionsError { throw e } catch let e as DatabaseError {
            if e.resultCode == .SQLITE_NOTADB {
                throw PetitionsError(
                    "\(Ledger.shown(path)) is not a petitions ledger (not an SQLite database); it was left untouched.", code: .dataError)
            }
            if e.resultCode == .SQLITE_CORRUPT {
                throw PetitionsError(damagedPrefix(path) + damagedAdvice, code: .ioError)
            }
            if e.resultCode == .SQLITE_READONLY || e.resultCode == .SQLITE_CANTOPEN {
                if let companion = readOnlyCompanion(path) { throw leftover(companion, of: path) }
                throw PetitionsError(
                    "The ledger \(Ledger.shown(path)) cannot be opened for writing (it, its folder or a file beside it is read-only); nothing was recorded.",
                    code: .noPermission)
            }
            if e.resultCode == .SQLITE_BUSY || e.resultCode == .SQLITE_LOCKED {
                throw PetitionsError(
                    "The ledger \(Ledger.shown(path)) is busy with another command (waited 10 seconds); try again when it is done; nothing was recorded.",
                    code: .ioError)
            }
            throw PetitionsError("The ledger \(Ledger.shown(path)) could not be opened: \(Ledger.plainReason(e)).", code: .ioError)
        }
    }

    /// Where to open a ledger for reading only. SQLite reads a WAL ledger by creating its `-shm` file (and a `-wal`)
    /// with the ledger's own mode: reading a 0444 ledger would leave a 0444 `-shm` that stops every write once the
    /// ledger is made writable again. So a ledger this process cannot write, with no WAL content beside it (all of it
    /// is in the file, and no writer is half-way), is opened as immutable (SQLite's URI parameter), which creates
    /// nothing; so is one in a folder not ours to write, where no `-shm` exists.
    static func readOnlyLocation(_ path: String) -> String {
        let dir = FilePaths.folder(of: path)
        let fm = FileManager.default
        let unwritable = access(path, W_OK) != 0 && fileSize(path + "-wal") == 0
        let folderUnwritable = access(dir.isEmpty ? "." : dir, W_OK) != 0 && !fm.fileExists(atPath: path + "-shm")
        guard unwritable || folderUnwritable else { return path }
        return immutable(path)
    }

    /// Where to open a file only to look at it (`inspect`, verify's `fileProblems`) without creating anything beside
    /// it. A read-only connection to a WAL file creates its `-wal` and `-shm`, and one that only reads, or fails to,
    /// leaves them: beside another program's database, or a ledger cut short, that nobody asked for. With neither
    /// beside it, nobody has the file open in WAL mode and all of it is in the file: it is opened as immutable.
    static func lookingLocation(_ path: String) -> String {
        let fm = FileManager.default
        if fm.fileExists(atPath: path + "-wal") || fm.fileExists(atPath: path + "-shm") { return readOnlyLocation(path) }
        return immutable(path)
    }

    /// The URI that opens `path` as immutable: SQLite reads it without locking it or creating a file beside it.
    static func immutable(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        return "file:" + (absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute) + "?immutable=1"
    }

    /// A `-shm` or `-wal` beside the ledger that this process cannot write: left by an earlier read of the ledger
    /// while it was read-only (by an older petitions, or by sqlite3), it stops every write.
    /// Only a file that is there and refuses writing counts: another command's last connection deletes its `-wal`
    /// and `-shm` as it closes, and a file gone between the two looks (ENOENT) is no leftover (eight processes
    /// recording at once were refused, one time in 1,600, as if the `-wal` were read-only).
    static func readOnlyCompanion(_ path: String) -> String? {
        ["-shm", "-wal"].map { path + $0 }.first {
            FileManager.default.fileExists(atPath: $0) && access($0, W_OK) != 0 && [EACCES, EROFS, EPERM].contains(errno)
        }
    }

    /// The sentence for a write stopped by a read-only `-shm` or `-wal`, naming it.
    static func leftover(_ companion: String, of path: String) -> PetitionsError {
        PetitionsError(
            "The ledger \(Ledger.shown(path)) cannot be written because \(Ledger.shown(companion)) beside it is read-only (left by reading the ledger while it was read-only); delete \(Ledger.shown(companion)) while no command is using the ledger, and try again.",
            code: .noPermission)
    }

    /// Refuses a path that names something other than a regular file (a folder, `/`, a device, a FIFO), through
    /// symlinks too: SQLite and the header check would fail on it with their own words, crash, or wait for ever.
    static func requireRegularFile(_ path: String) throws {
        guard !path.isEmpty else { throw PetitionsError("--db: the ledger's path is empty; give a file name.", code: .usage) }
        // Every way a ledger is opened passes here: from now on no output file may replace it (OutputPath).
        OutputPath.protectLedger(path)
        var st = stat()
        guard stat(path, &st) == 0 else { return try refuseLongName(path) }  // Missing: created on first use.
        switch st.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR:
            throw PetitionsError(
                "--db \(quoted(path)) is a folder, not a ledger file; give the ledger's file name, e.g. \(quoted((path.hasSuffix("/") ? path : path + "/") + "ledger.sqlite")).",
                code: .noInput)
        default:
            throw PetitionsError(
                "--db \(quoted(path)) is not a regular file (a device, pipe or socket); give the ledger's file name.", code: .noInput)
        }
    }

    /// The longest file name a new ledger may have, in bytes: it is built first under a hidden name 16 bytes longer
    /// (`.NAME.XXXXXXXX.first`), beside which SQLite makes a `-journal`, and a name holds at most 255 bytes.
    static let longestNewName = 255 - 16 - 8

    /// Refuses a new ledger whose name the file system takes but whose hidden name would not fit: the hidden file, or
    /// the journal beside it, failed with "the folder is missing or not writable" or "read-only", which is not why.
    static func refuseLongName(_ path: String) throws {
        let bytes = FilePaths.name(of: path).utf8.count
        guard bytes > longestNewName else { return }
        throw PetitionsError(
            "Cannot create the ledger \(shown(path)): its file name is \(bytes) bytes, too long for petitions, which builds a new ledger first under a hidden name 24 bytes longer; give a name of at most \(longestNewName) bytes.",
            code: .cannotCreate)
    }

    /// Creates the ledger at `path` when there is none (or only the empty file of a killed first run) and says
    /// whether it did. The new ledger is built whole, migrated, in a file of mode 0600 beside the path and linked into
    /// place, so that processes starting on a new path at once never see a half-made ledger: the first link wins, the
    /// others open the winner's. An empty file is replaced under its lock, for the same reason.
    static func createIfMissing(path: String) throws -> Bool {
        try makeFolder(for: path)
        for _ in 0..<10 {
            var built: String?
            defer { if let built { removeBuilt(built) } }
            let placed = try place(at: path) {
                built = try buildNewLedger(beside: path)
                return built!
            }
            switch placed {
            case .placed: return true
            case .taken: return false  // Another process put its ledger there first (or it cannot be read): open it.
            case .raced: continue
            }
        }
        throw PetitionsError("Cannot create the ledger \(Ledger.shown(path)): other processes kept creating and removing it.", code: .cannotCreate)
    }

    /// Makes the folder a new ledger at `path` goes in (mode 0700), with the folders above it, when it is missing.
    static func makeFolder(for path: String) throws {
        let dir = FilePaths.folder(of: path)
        let fm = FileManager.default
        guard !dir.isEmpty, !fm.fileExists(atPath: dir) else { return }
        do {
            try fm.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            if !fm.fileExists(atPath: dir) {
                throw PetitionsError("Cannot create the folder \(dir) for the ledger: \(error.localizedDescription)", code: .cannotCreate)
            }
        }
    }

    /// What became of a built ledger offered to a path (`place`).
    enum Placement {
        /// It is the ledger at the path now.
        case placed
        /// A ledger (or a file that cannot be read: opening it says why) is there, not this one.
        case taken
        /// The path changed while this one looked: look again.
        case raced
    }

    /// Puts the ledger that `build` makes (called at most once, only when there is room) at `path` when no ledger is
    /// there: linked in where nothing is, so that the first of several processes wins and none sees a half-made
    /// ledger; renamed over an empty file (left by an interrupted first run, or made by someone's touch) under its
    /// lock, so that of several only the holder replaces it and the others find it replaced. The built file keeps its
    /// own name too; the caller removes it.
    static func place(at path: String, _ build: () throws -> String) throws -> Placement {
        let dir = FilePaths.folder(of: path)
        var st = stat()
        if stat(path, &st) != 0 {
            guard errno == ENOENT else { return .taken }  // Unreadable: opening it says why.
            try refuseDanglingLink(path)
            if link(try build(), path) == 0 { return .placed }
            guard errno == EEXIST else {
                throw PetitionsError("Cannot create the ledger \(Ledger.shown(path)): \(String(cString: strerror(errno))).", code: .cannotCreate)
            }
            return .raced
        }
        guard st.st_size == 0, access(path, W_OK) == 0, access(dir.isEmpty ? "." : dir, W_OK) == 0 else { return .taken }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return .raced }
        defer { close(fd) }
        guard flock(fd, LOCK_EX) == 0 else { return .raced }
        var held = stat()
        var now = stat()
        guard fstat(fd, &held) == 0, stat(path, &now) == 0, held.st_ino == now.st_ino, held.st_dev == now.st_dev,
            now.st_size == 0
        else { return .raced }
        guard rename(try build(), path) == 0 else {
            throw PetitionsError("Cannot create the ledger \(Ledger.shown(path)): \(String(cString: strerror(errno))).", code: .cannotCreate)
        }
        return .placed
    }

    /// Refuses a symbolic link to nothing at `path`: linking a new ledger in place would fail at every try, and it is
    /// not a race.
    static func refuseDanglingLink(_ path: String) throws {
        var own = stat()
        guard lstat(path, &own) == 0, (own.st_mode & S_IFMT) == S_IFLNK, stat(path, &own) != 0 else { return }
        let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
        throw PetitionsError(
            "--db \(quoted(path)) is a symbolic link to a missing file (\(quoted(target))); petitions does not create a ledger through a link: remove the link, or give the path of the ledger itself.",
            code: .cannotCreate)
    }

    /// A new, migrated ledger in a file of mode 0600 beside `path`, closed, with no journal beside it.
    static func buildNewLedger(beside path: String) throws -> String {
        let dir = FilePaths.folder(of: path)
        let temporary = (dir.isEmpty ? "." : dir) + "/.\(FilePaths.name(of: path)).\(UUID().uuidString.prefix(8)).new"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else {
            throw PetitionsError(
                "Cannot create the ledger \(Ledger.shown(path)): \(String(cString: strerror(errno))) (the folder is missing or not writable).",
                code: .cannotCreate)
        }
        close(fd)
        do {
            try migrateNew(temporary, for: path)
        } catch {
            removeBuilt(temporary)
            throw error
        }
        return temporary
    }

    /// Migrates the new, empty file `file` into a whole ledger and closes it, no journal left beside it; errors name
    /// `path`, the ledger it is being made for.
    static func migrateNew(_ file: String, for path: String) throws {
        try wrap(path) {
            let pool = try DatabasePool(path: file)
            try migrator.migrate(pool)
            try pool.close()
        }
    }

    /// Removes a built ledger's name (and any journal left beside it); the ledger it became keeps its own name.
    static func removeBuilt(_ temporary: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(temporary + suffix) }
    }

    /// Refuses a file that is not ours, without changing it. A file whose header already carries the ledger's
    /// application id is looked at no further here: the connection that then opens it refuses a newer schema
    /// (`refuseNewer`) before it migrates or reads anything. Checking that on a connection of its own parsed the whole
    /// schema once more: 13.5 of the 115 million instructions of a `letter send` (callgrind, medium ledger).
    static func inspect(path: String) throws {
        guard access(path, R_OK) == 0 else {
            throw PetitionsError("The ledger \(Ledger.shown(path)) cannot be read (permission denied).", code: .noPermission)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw PetitionsError("The ledger \(Ledger.shown(path)) cannot be read.", code: .ioError)
        }
        let header = [UInt8](handle.readData(ofLength: 100))
        try? handle.close()
        guard header.starts(with: Array("SQLite format 3\0".utf8)) else {
            throw PetitionsError("\(Ledger.shown(path)) is not a petitions ledger (not an SQLite database); it was left untouched.", code: .dataError)
        }
        // The application id is the big-endian 4-byte integer at offset 68 of the file's header (sqlite.org/fileformat).
        if header.count >= 72, header[68..<72].reduce(UInt32(0), { $0 << 8 | UInt32($1) }) == UInt32(Schema.applicationID) { return }
        // Not ours by its header (or set only in a write-ahead log not yet copied into the file): ask SQLite.
        var config = Configuration()
        config.readonly = true
        // Another process may be committing or checkpointing right now: wait for it like every other connection.
        config.busyMode = .timeout(10)
        let (appID, tables): (Int32, Int) = try wrap(path) {
            let q = try DatabaseQueue(path: lookingLocation(path), configuration: config)
            defer { try? q.close() }
            return try q.read { db in
                let appID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0
                try refuseNewer(db, path: path)
                return (appID, tables)
            }
        }
        if appID != Schema.applicationID && (appID != 0 || tables > 0) {
            throw PetitionsError("\(Ledger.shown(path)) is an SQLite database but not a petitions ledger; it was left untouched.", code: .dataError)
        }
    }

    /// Refuses a ledger that records a migration this program does not know (written by a newer version), before
    /// anything is migrated or read on `db`.
    static func refuseNewer(_ db: Database, path: String) throws {
        guard try db.tableExists("grdb_migrations") else { return }
        let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        let known = Set(Schema.migrations.map(\.id))
        if let newer = applied.first(where: { !known.contains($0) }) {
            throw PetitionsError(
                "The ledger \(Ledger.shown(path)) was written by a newer version of petitions (schema \(newer)); upgrade petitions to use it. It was left untouched.",
                code: .dataError)
        }
    }

    /// The connection(s) a writable ledger is opened with. A server's pool (`oneConnection` false) reads beside its
    /// writer. One command reads on the connection it writes with, so it opens one connection, not a pool: GRDB's
    /// pool makes sure the write-ahead log exists by creating and dropping a table (GRDB issue 102), a commit with
    /// four `fdatasync` calls and a schema change on every command, reading ones too (strace of `overdue`: 4 WAL
    /// pages written, the file's modification time changed). The one connection keeps what the pool set up: the
    /// write-ahead log (persistent in the file: this only switches a ledger restored in another mode) and
    /// `synchronous = NORMAL`.
    static func connect(_ path: String, configuration: Configuration, oneConnection: Bool) throws -> any DatabaseWriter {
        guard oneConnection else { return try DatabasePool(path: path, configuration: configuration) }
        var config = configuration
        config.prepareDatabase { db in
            if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
                    throw PetitionsError("The ledger \(path) could not be opened with its write-ahead log.", code: .cannotCreate)
                }
            }
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        return try DatabaseQueue(path: path, configuration: config)
    }

    static func storedUnits(_ db: Database) throws -> [MeasureUnit] {
        try Row.fetchAll(db, sql: "SELECT name, dimension, base FROM unit ORDER BY dimension, base").map {
            MeasureUnit(name: $0["name"], dimension: $0["dimension"], base: $0["base"])
        }
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        for (id, apply) in Schema.migrations {
            m.registerMigration(id, migrate: apply)
        }
        return m
    }
}
