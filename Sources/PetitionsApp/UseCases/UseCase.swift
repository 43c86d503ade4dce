import PetitionsDomain
import PetitionsStore

/// One thing a user can do, as a typed request: a front end (the command line, the office server) fills one in
/// from its words or its request and runs it in a workspace, and gets a typed result back to render. The use
/// case opens the ledger, records or reads, asks the rules, and returns; it never prints.
public protocol UseCase: Sendable {
    /// What the use case hands back to the front end.
    associatedtype Result
    /// Runs the use case against the ledger of `workspace`.
    func run(in workspace: Workspace) throws -> Result
}

/// Which calendar and rules a use case that computes deadlines judges by: files given for this run, else the
/// ledger's own, else the environment's and the built-in defaults.
public struct RuleSources: Sendable, Equatable {
    /// A calendar file for this run only.
    public var calendar: String?
    /// A rules file for this run only.
    public var rules: String?

    public init(calendar: String? = nil, rules: String? = nil) {
        self.calendar = calendar
        self.rules = rules
    }
}

extension Workspace {
    /// Runs `body` on the ledger opened for reading.
    func reading<T>(_ body: (Ledger) throws -> T) throws -> T { try body(open(readOnly: true)) }

    /// Runs `body` on the ledger opened for reading, without the office, calendar and rules it records under: for the
    /// server's lookups on every request (a token, the last event, what was recorded since), which need none of them
    /// and which, on a shared ledger, would otherwise first ask whether those changed.
    func readingFacts<T>(_ body: (Ledger) throws -> T) throws -> T {
        if let shared { return try body(shared.base(for: self)) }
        return try body(open(readOnly: true))
    }

    /// Runs `body` on the ledger opened for recording. A ledger that is not there yet is made for it, and put in place
    /// only if `body` succeeds (`creatingLedger`). `readsInputOnce`: `body` reads input that cannot be read again
    /// (standard input, a pipe), so it is not to be run again if another process makes the ledger meanwhile.
    func recording<T>(readsInputOnce: Bool = false, _ body: (Ledger) throws -> T) throws -> T {
        if readsInputOnce { creation?.readsInputOnce = true }
        if shared == nil, pin == nil, creation == nil, !ledgerFile.exists {
            return try creatingLedger(readsInputOnce: readsInputOnce) { w in try body(w.open()) }
        }
        return try body(open())
    }

    /// Runs `body` on the ledger opened for recording a change to what it already holds (a correction, a removal, an
    /// account): a ledger that is not there is refused as for reading, never created empty only to find nothing.
    func amending<T>(_ body: (Ledger) throws -> T) throws -> T { try body(open(mustExist: true)) }

    /// The calendar and rules in force for `ledger` under `sources`.
    func rules(_ ledger: Ledger, _ sources: RuleSources) throws -> RuleContext {
        if let shared, sources == RuleSources() { return try shared.rules(ledger, self) }
        return try Checker.context(ledger: ledger, calendarPath: sources.calendar, rulesPath: sources.rules, environment: environment)
    }
}
