import Foundation
import PetitionsDomain

extension Ledger {
    // MARK: - Values no ledger could record

    /// The kinds of event that make a record under the payload's `handle`.
    static let handleMakingKinds: Set<String> = [
        LedgerEvent.Kind.authorityAdded.rawValue, LedgerEvent.Kind.groupAdded.rawValue, LedgerEvent.Kind.petitionerAdded.rawValue,
        LedgerEvent.Kind.decreeAdded.rawValue,
    ]

    /// Refuses the whole log, naming the line, the payload key and the problem, when one of its events holds a value that
    /// no ledger could have recorded: a text longer than `TextLimits` allows (or a line break in a one-line value), or a
    /// record's handle that is not a handle. That is a fault of the log, not this ledger having moved on since it was
    /// written, so it is never kept "without effect" (with everything that depends on it).
    static func refuseBadValues(_ events: [ExchangedEvent], source: String) throws {
        for e in events {
            guard case .object(let payload) = e.payload else { continue }
            do {
                try refuseLongText(in: payload)
                if handleMakingKinds.contains(e.kind), case .string(let handle)? = payload["handle"] {
                    _ = try Handle.validate(handle, field: "handle")
                }
            } catch let error as PetitionsError {
                throw PetitionsError("\(source) line \(e.line) (event \(e.uuid), \(e.kind)): payload key \(error.message) Nothing was imported.")
            }
        }
    }

    // MARK: - Maps the log has no use for

    /// Refuses a `--map THEIRS=OURS` whose THEIRS no event of the log uses: a handle mistyped would otherwise map
    /// nothing, unseen, and the record it meant be merged under its own handle.
    static func refuseUnusedMaps(_ map: [String: String], events: [ExchangedEvent], source: String) throws {
        guard !map.isEmpty else { return }
        var used: Set<String> = []
        for e in events {
            guard let event = try? LedgerEvent(kind: e.kind, payload: e.payload) else { continue }
            if case .ledgerInitialized(let p) = event { used.insert(Schema.officeHandleBase(p.office)) }
            _ = event.mappingHandles { handle in
                used.insert(handle)
                return handle
            }
        }
        let unused = map.keys.filter { !used.contains($0) }.sorted()
        guard !unused.isEmpty else { return }
        let names = unused.map { quoted($0) }.joined(separator: ", ")
        throw PetitionsError(
            "--map: \(source) uses no handle \(names), so \(unused.count == 1 ? "that map maps" : "those maps map") nothing; leave \(unused.count == 1 ? "it" : "them") out or correct \(unused.count == 1 ? "it" : "them"). Nothing was imported.",
            field: "--map", kind: .invalid)
    }
}
