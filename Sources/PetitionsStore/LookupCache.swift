import Foundation

/// Parties and decrees resolved by reference during one bulk import, so that the same few groups, decrees and
/// authorities are looked up once: nothing an import does changes a party or decree that exists. Outside an
/// import it holds nothing and answers nothing. A lock keeps it safe to share with the `Sendable` ledger.
final class LookupCache: @unchecked Sendable {
    private let lock = NSLock()
    private var parties: [String: PartyRef]?
    private var decrees: [String: Ledger.DecreeRef]?
    private var addressees: [Int64: AddresseeFacts]?

    /// Starts remembering lookups (at the start of an import).
    func begin() {
        lock.withLock {
            parties = [:]
            decrees = [:]
            addressees = [:]
        }
    }

    /// Forgets every lookup (at the end of an import).
    func end() {
        lock.withLock {
            parties = nil
            decrees = nil
            addressees = nil
        }
    }

    /// The party already resolved for `key`, during an import.
    func party(_ key: String) -> PartyRef? { lock.withLock { parties?[key] } }

    /// Remembers a resolved party, during an import.
    func remember(_ party: PartyRef, for key: String) { lock.withLock { parties?[key] = party } }

    /// The decree already resolved for `key`, during an import.
    func decree(_ key: String) -> Ledger.DecreeRef? { lock.withLock { decrees?[key] } }

    /// Remembers a resolved decree, during an import.
    func remember(_ decree: Ledger.DecreeRef, for key: String) { lock.withLock { decrees?[key] = decree } }

    /// The addressee facts already read for party `id`, during an import.
    func addressee(_ id: Int64) -> AddresseeFacts? { lock.withLock { addressees?[id] } }

    /// Remembers an addressee's facts, during an import.
    func remember(_ facts: AddresseeFacts, for id: Int64) { lock.withLock { addressees?[id] = facts } }
}
