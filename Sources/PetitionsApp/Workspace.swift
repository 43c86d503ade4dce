import Foundation
import PetitionsDomain
import PetitionsStore

/// What every command needs to reach the ledger: where it is, who records, for which office, and today.
public struct Workspace: Sendable {
    public var databasePath: String?
    public var actor: String?
    public var office: String?
    public var configPath: String?
    public var environment: [String: String]
    public var today: Day
    public var now: @Sendable () -> Date
    /// Told the path when a recording use case created the ledger (its first use), so a front end can say so once.
    public var onCreate: (@Sendable (String) -> Void)?
    /// The ledger held open by a long-lived front end for all its requests; nil for the command line, which opens
    /// the file once per command.
    public var shared: SharedLedger?
    /// The ledger opened by the first use case of a run of several (`oneOpening`), kept for the others.
    var pin: LedgerPin?
    /// The ledger this run is making, under a name of its own until the run succeeds (`creatingLedger`).
    var creation: FirstCommandLedger?

    public init(
        databasePath: String?, actor: String?, office: String? = nil, configPath: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        today: Day, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.databasePath = databasePath
        self.actor = actor
        self.office = office
        self.configPath = configPath
        self.environment = environment
        self.today = today
        self.now = now
    }

    /// `--db`, else `$PETITIONS_DB`, else `$XDG_DATA_HOME/petitions/petitions.sqlite` (default `~/.local/share/…`).
    /// An empty `--db` is kept, and refused when the ledger is opened: it is a mistake (an unset shell variable), not
    /// a wish for the default ledger. An empty `$PETITIONS_DB` is unset, as shells treat it.
    public var resolvedDatabasePath: String {
        if let p = databasePath { return p }
        if let p = environment["PETITIONS_DB"], !p.isEmpty { return p }
        let data =
            environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/share")
        return data + "/petitions/petitions.sqlite"
    }

    /// `--config`, else `$PETITIONS_CONFIG`, else `$XDG_CONFIG_HOME/petitions/config.toml` when it exists.
    public var resolvedConfigPath: String? {
        if let p = configPath, !p.isEmpty { return p }
        if let p = environment["PETITIONS_CONFIG"], !p.isEmpty { return p }
        let dir = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.config")
        let p = dir + "/petitions/config.toml"
        return FileManager.default.fileExists(atPath: p) ? p : nil
    }

    /// `--actor`, else `$PETITIONS_ACTOR`, else `$USER`, else "unknown".
    public var resolvedActor: String { actorSource?.value ?? "unknown" }

    /// Who records and where that was said (`--actor`, `$PETITIONS_ACTOR`, `$USER`, `$LOGNAME`): the first that is not
    /// empty, or nil.
    var actorSource: (value: String, field: String)? {
        let candidates = [
            ("--actor", actor), ("$PETITIONS_ACTOR", environment["PETITIONS_ACTOR"]), ("$USER", environment["USER"]),
            ("$LOGNAME", environment["LOGNAME"]),
        ]
        for (field, candidate) in candidates {
            if let c = candidate?.trimmingCharacters(in: .whitespaces), !c.isEmpty { return (c, field) }
        }
        return nil
    }

    /// Loads the configuration and opens the ledger. For recording, the ledger works out each letter's reply due
    /// day under its own rules and calendar. Front ends reach the ledger through the use cases, not this. A workspace
    /// with a shared ledger (the office server's) gets that one, already open, instead of opening the file anew.
    package func open(readOnly: Bool = false, mustExist: Bool = false) throws -> Ledger {
        if let shared { return try shared.ledger(for: self, recording: !readOnly) }
        guard let pin else { return try openFile(readOnly: readOnly, mustExist: mustExist) }
        // A ledger opened for recording serves reading too; one opened only for reading is replaced by a writer.
        if let kept = pin.ledger, readOnly || !pin.readOnly { return kept }
        let ledger = try openFile(readOnly: readOnly, mustExist: mustExist)
        pin.ledger = ledger
        pin.readOnly = readOnly
        return ledger
    }

    /// Runs several use cases (`body` runs them in the workspace it is given) on one opening of the ledger: a command
    /// that records and then checks what it recorded (a note dated before its petition) opened the file twice, and each
    /// opening costs a transaction to start the WAL file and a checkpoint when it closes. The ledger is closed when
    /// `body` returns. A workspace with a shared ledger (the server's) already opens it once.
    public func oneOpening<T>(_ body: (Workspace) throws -> T) throws -> T {
        guard shared == nil, pin == nil else { return try body(self) }
        if creation == nil, !ledgerFile.exists { return try creatingLedger { w in try w.oneOpening(body) } }
        var w = self
        let pin = LedgerPin()
        w.pin = pin
        defer { pin.ledger = nil }
        return try body(w)
    }

    /// Runs `body` (a command's use cases) on a ledger that is not there yet: a recording opening makes it under a
    /// name of its own (`FirstCommandLedger`), and it is put at the ledger's path only when `body` has succeeded, so
    /// that a first command refused half-way leaves no ledger behind. If another process made the ledger meanwhile,
    /// `body` runs again on that one, as if it had been there from the start; but a `body` that read input it cannot
    /// read again (standard input, a pipe: `readsInputOnce`) would find it used up, and is refused instead (exit 75),
    /// nothing recorded in either ledger.
    func creatingLedger<T>(readsInputOnce: Bool = false, _ body: (Workspace) throws -> T) throws -> T {
        let creation = try FirstCommandLedger(target: resolvedDatabasePath)
        creation.readsInputOnce = readsInputOnce
        var w = self
        w.creation = creation
        let result: T
        do {
            result = try body(w)
            guard creation.isOpened else {
                creation.discard()
                return result
            }
            try loseTheRaceForTests(creation)
            guard try creation.install() else {
                creation.discard()
                guard !creation.readsInputOnce else { throw Workspace.madeMeanwhile(creation.target) }
                return try body(self)
            }
        } catch {
            creation.discard()
            throw error
        }
        onCreate?(creation.target)
        return result
    }

    /// The refusal of a first command that lost the race to make its ledger after reading input it cannot read again.
    static func madeMeanwhile(_ path: String) -> PetitionsError {
        PetitionsError(
            "Another command created the ledger \(ControlCharacters.quotable(path)) meanwhile; nothing was recorded; run the command again.",
            code: .tempFail)
    }

    /// In a debug build (the tests) with `PETITIONS_TEST_FIRST_LEDGER_RACE=1` in the environment, makes the ledger at
    /// the target (as another process's `init` would) just before `creation` is put there, so that it loses the race
    /// every time: the loser's path is tested without timing. Does nothing in a release build.
    private func loseTheRaceForTests(_ creation: FirstCommandLedger) throws {
        #if DEBUG
            guard environment["PETITIONS_TEST_FIRST_LEDGER_RACE"] == "1" else { return }
            var other = Workspace(databasePath: creation.target, actor: "other-process", environment: [:], today: today, now: now)
            other.onCreate = nil
            _ = try InitLedger(on: today).run(in: other)
        #endif
    }

    private func openFile(readOnly: Bool, mustExist: Bool) throws -> Ledger {
        let (opened, config) = try openStore(readOnly: readOnly, mustExist: mustExist)
        var ledger = opened
        let office = try officeName(ledger, config)
        if office != ledger.context.office {
            var kept = ledger.context
            kept.office = office
            ledger = ledger.recording(as: kept, dueDays: nil)
        }
        if !readOnly {
            // Letters recorded now get their reply due day under the ledger's rules and calendar.
            let rules = try Checker.context(ledger: ledger, calendarPath: nil, rulesPath: nil, environment: environment)
            ledger = ledger.recording(dueDays: rules.engine)
        }
        return ledger
    }

    /// Loads the configuration and opens the ledger's file, recording as this workspace's actor and today. `shared`:
    /// for a server whose requests read side by side (each read on a reader's connection of its own); one command
    /// reads on the connection it writes with.
    func openStore(readOnly: Bool, mustExist: Bool, mappedBytes: Int64 = 0, shared: Bool = false) throws -> (Ledger, Configuration) {
        let path = resolvedDatabasePath
        // Reading a ledger that is not there would create an empty one and list nothing: refuse, naming the path.
        var (existed, emptyFile) = ledgerFile
        // A ledger this run is making (`creatingLedger`) is opened under its own name until the run has succeeded:
        // made by the run's first recording opening, found there by the others.
        let building = creation.map { $0.isOpened || (!existed && !readOnly && !mustExist) } ?? false
        if building, creation?.isOpened == true { existed = true }
        let config = try Configuration.load(path: resolvedConfigPath)
        let units = try config.units.map { try UnitsFile.load(path: $0) } ?? UnitsFile.defaults()
        if (readOnly || mustExist) && !existed { throw MissingLedger(path: path, empty: emptyFile) }
        // The actor and office as they will be recorded, whichever source gave them, under one check naming it.
        try Workspace.refuseBadName(actor, field: "--actor", what: "who records")
        try Workspace.refuseBadName(office, field: "--office", what: "an office's name")
        if let (name, field) = actorSource { try RecorderName.refuse(name, field: field, what: "who records") }
        if let (name, field) = officeSource { try RecorderName.refuse(name, field: field, what: "an office's name") }
        let context = RecordingContext(actor: resolvedActor, office: explicitOffice ?? config.office, today: today, now: now)
        if building, let creation, !creation.isOpened { try creation.make() }
        // Hidden files of first commands killed before they finished are removed by the next command that records.
        if !readOnly, !building, existed { FirstCommandLedger.removeAbandoned(beside: path) }
        let ledger = try Ledger(
            path: building ? creation!.temporary : path, context: context, defaultUnits: units, readOnly: readOnly, mappedBytes: mappedBytes,
            readsOnWriter: !shared)
        if building { creation?.opened(ledger) }
        if !existed {
            // A ledger made by its first recording command is made as `init` makes it: the office (its setting, its
            // party, its `ledger.initialized` event) first, so that no ledger lacks what `init` gives. One this run is
            // making is announced when it is put in place (`creatingLedger`).
            _ = try ledger.initialize(on: today)
            if creation == nil { onCreate?(path) }
        }
        return (ledger, config)
    }

    /// Whether the ledger's file holds a ledger already (an empty path counts as one: it is refused when opened), and
    /// whether it is an empty file (0 bytes), which holds no ledger either: SQLite would make one in it.
    var ledgerFile: (exists: Bool, empty: Bool) {
        let path = resolvedDatabasePath
        var info = stat()
        let emptyFile = !path.isEmpty && stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && info.st_size == 0
        return (path.isEmpty || (FileManager.default.fileExists(atPath: path) && !emptyFile), emptyFile)
    }

    /// The longest `--actor` or `--office` may be, in characters: a name, not a text.
    public static let longestName = RecorderName.longest

    /// Refuses a `--actor` or `--office` given that cannot be a name (`RecorderName`), empty included: an empty
    /// option is a mistake (an unset shell variable), where an empty variable is unset.
    static func refuseBadName(_ value: String?, field: String, what: String) throws {
        guard let value else { return }
        try RecorderName.refuse(value, field: field, what: what)
    }

    /// `--office`, else `$PETITIONS_OFFICE`, when either is given.
    var explicitOffice: String? { officeSource?.value }

    /// The explicit office and where it was said (`--office`, `$PETITIONS_OFFICE`), or nil.
    var officeSource: (value: String, field: String)? {
        for (field, candidate) in [("--office", office), ("$PETITIONS_OFFICE", environment["PETITIONS_OFFICE"])] {
            if let c = candidate?.trimmingCharacters(in: .whitespaces), !c.isEmpty { return (c, field) }
        }
        return nil
    }

    /// The office recording: the explicit one, else the configuration's unless it is the default, else the one the
    /// ledger was initialised for (it keeps it), else the default.
    func officeName(_ ledger: Ledger, _ config: Configuration) throws -> String {
        if let explicitOffice { return explicitOffice }
        if config.office == Configuration().office, let stored = try ledger.setting("office") { return stored }
        return config.office
    }
}

/// The ledger a run of use cases opened once (`Workspace.oneOpening`); used by one thread at a time, as a command is.
final class LedgerPin: @unchecked Sendable {
    var ledger: Ledger?
    var readOnly = true
}
