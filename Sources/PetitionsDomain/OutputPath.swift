import Foundation

/// Where a command writes a file: checks made before anything is replaced.
public enum OutputPath {
    /// Whether `path` means standard output: `-` or `/dev/stdout`.
    public static func isStandardOutput(_ path: String) -> Bool {
        path == "-" || path == "/dev/stdout"
    }

    /// Whether something is at `path` (not following a symbolic link); throws when it is anything but a regular
    /// file, which petitions never replaces: a folder, a device (`/dev/null`), a FIFO, a socket, a symbolic link.
    /// `option` names the option in the sentence (`--output`, `--rejects`, `backup`).
    @discardableResult
    public static func existingRegularFile(_ path: String, option: String) throws -> Bool {
        guard !path.isEmpty else { throw PetitionsError("\(option): the file name is empty; give a file name.", code: .usage) }
        if isOpenLedger(path) {
            throw PetitionsError(
                "\(option): \(ControlCharacters.quotable(path)) is the ledger itself (or its journal); give the file another name.",
                code: .cannotCreate)
        }
        var st = stat()
        guard lstat(path, &st) == 0 else { return false }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return true
        case S_IFDIR: throw PetitionsError("\(option): \(ControlCharacters.quotable(path)) is a folder; give a file name.", code: .cannotCreate)
        case S_IFLNK:
            throw PetitionsError(
                "\(option): \(ControlCharacters.quotable(path)) is a symbolic link; petitions writes only to a plain file name, never through a link.",
                code: .cannotCreate)
        default:
            throw PetitionsError(
                "\(option): \(ControlCharacters.quotable(path)) is not a regular file (a device, pipe or socket); petitions replaces only regular files.",
                code: .cannotCreate)
        }
    }

    /// Whether `a` and `b` name the same file (device and inode), both existing.
    public static func sameFile(_ a: String, _ b: String) -> Bool {
        var sa = stat()
        var sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }

    /// Marks `path` as a ledger this process opens: no file a user names as an output (`--rejects`, `--output`, a
    /// backup) may then be it, its journal or its WAL, even with `--force`. `import --rejects office.sqlite --force`
    /// emptied the ledger it was importing into, and `export --output office.sqlite --force` replaced it with CSV.
    public static func protectLedger(_ path: String) {
        guard !path.isEmpty else { return }
        OpenLedgers.shared.add(path)
    }

    /// Whether `path` is a ledger this process opened, or one of its companion files: the same file (device and
    /// inode), or the same name once `.`, `..` and symbolic links are resolved (a `-wal` not there yet).
    static func isOpenLedger(_ path: String) -> Bool {
        let resolved = { (p: String) in URL(fileURLWithPath: p).standardizedFileURL.resolvingSymlinksInPath().path }
        let target = resolved(path)
        for ledger in OpenLedgers.shared.paths {
            for companion in [ledger, ledger + "-wal", ledger + "-shm", ledger + "-journal"] {
                if sameFile(path, companion) || resolved(companion) == target { return true }
            }
        }
        return false
    }
}

/// The paths of the ledgers this process opened (`OutputPath.protectLedger`).
private final class OpenLedgers: @unchecked Sendable {
    static let shared = OpenLedgers()
    private let lock = NSLock()
    private var stored: Set<String> = []
    var paths: Set<String> { lock.withLock { stored } }
    func add(_ path: String) { _ = lock.withLock { stored.insert(path) } }
}
