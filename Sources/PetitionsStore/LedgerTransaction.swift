import GRDB
import PetitionsDomain

/// One write of the ledger under way: its open transaction and the identity (stamp) of the event it appends.
///
/// The shape of every intent that records a letter, a petition, a case note or an attachment: its one implementation
/// is a method of this value, in the file of its subject (`Ledger+Letters.swift`, `Ledger+Petitions.swift`, …). The
/// public method of the `Ledger` facade runs it once in a transaction of this ledger's own, stamped now
/// (`Ledger.transaction(_:)`); the merge replay and the import run the very same method in the transaction they hold,
/// under another office's stamp or the import's (`Ledger.transaction(_:stamp:)`). No intent is written twice, and
/// no facade method makes a stamp of its own.
struct LedgerTransaction {
    /// The ledger written to: how parties and petitions are resolved, how due days are stored.
    let ledger: Ledger
    /// The open transaction.
    let db: Database
    /// The identity of the event this write appends.
    let stamp: EventStamp

    /// Appends this write's event under its stamp; returns the event's id.
    @discardableResult
    func append(_ event: LedgerEvent, day: Day, subjects: [Subject], summary: String) throws -> Int64 {
        try ledger.appendEvent(db, event, day: day, subjects: subjects, summary: summary, stamp: stamp)
    }
}

extension Ledger {
    /// Runs `body` as one IMMEDIATE transaction of this ledger's own, its event stamped now: all of it is recorded,
    /// or none of it.
    func transaction<T>(_ body: (LedgerTransaction) throws -> T) throws -> T {
        try write { db in try body(LedgerTransaction(ledger: self, db: db, stamp: newStamp())) }
    }

    /// The write under way in `db`, its events stamped `stamp` (another office's, or the import's).
    func transaction(_ db: Database, stamp: EventStamp) -> LedgerTransaction {
        LedgerTransaction(ledger: self, db: db, stamp: stamp)
    }
}
