import Foundation
import HTTPTypes
import PetitionsApp

/// Listings kept between requests (the dashboard's counts and first rows, the whole overdue and unanswered
/// listings), each with the last event it is known to be right at. A request first asks which kinds of event were recorded since (one small indexed query): when none
/// of them is read by the listing (letters recorded do not move the overdue deliveries), the kept listing still
/// stands; else it is computed again. One computation per listing runs at a time, and every request that arrived
/// before it began shares its result: under a stream of writes, reads queue behind one computation instead of
/// each starting its own. A request never gets a listing older than the last event it saw (its own write included).
final class ListingCache: Sendable {
    /// One listing: what it is and, for the dated ones, as of which day.
    struct Key: Hashable, Sendable {
        var name: String
        var asOf: Day?
    }

    private let state = State()

    /// The listing `key`, which reads events of `listing`'s kinds, from the cache or from `compute` (on the listings'
    /// own thread when `long`; a bounded computation, such as the dashboard's, runs on the shared pool).
    /// `changes`, when given, are what was recorded since an event, read once for all the listings of one request
    /// (the dashboard's three); they serve for a kept listing at that event or later, and spare it a read of its own.
    func value<T: Sendable>(
        _ key: Key, reads listing: Listing, office: Office, as account: Account?, long: Bool = true, changes given: LedgerChanges? = nil,
        compute: @escaping @Sendable (Workspace) throws -> T
    ) async throws -> T {
        var given = given
        while true {
            let floor: Int64
            if let known = await state.event(of: key) {
                let changes: LedgerChanges
                // Changes read too far back to be counted (`last` nil) say nothing: this listing asks for its own.
                if let read = given, read.from <= known, read.last != nil {
                    changes = read
                } else {
                    changes = try await office.run(ChangesSince(event: known), as: account)
                }
                // Given changes serve once: a request that looks again reads what was recorded since.
                given = nil
                if !changes.touch(listing, after: known), let last = changes.last, let kept = await state.advance(key, from: known, to: last) as? T {
                    return kept
                }
                if let last = changes.last { floor = last } else { floor = try await office.run(LastEventID(), as: account) }
            } else {
                floor = try await office.run(LastEventID(), as: account)
            }
            let made = try await state.get(key, atLeast: floor) {
                try await office.perform(as: account, long: long) { ws -> Computed in
                    // The event read before the listing: what the listing shows is as of it or later, never earlier.
                    let event = try LastEventID().run(in: ws)
                    return Computed(value: try compute(ws), event: event)
                }
            }
            // Nil: this request waited for a computation begun before its last event; what was recorded since may
            // not touch the listing (letters and the overdue deliveries), so it looks again rather than recompute.
            guard let made else { continue }
            guard let value = made as? T else { throw APIFailure(status: .internalServerError, message: "The listing could not be kept.") }
            return value
        }
    }

    /// The earliest event a kept listing is known to be right at, of those within `ChangesSince.defaultLimit` events of
    /// the newest: a listing nobody has asked for since (the names, after a thousand letters) would make the changes
    /// read for every request reach too far back to be counted, and serve none; nil when none is kept.
    func earliestKept() async -> Int64? { await state.earliest(within: Int64(ChangesSince.defaultLimit)) }

    /// The earliest event the kept listings `keys` were computed at; nil when one of them is not kept.
    func earliestEvent(of keys: [Key]) async -> Int64? {
        var earliest: Int64?
        for key in keys {
            guard let event = await state.event(of: key) else { return nil }
            earliest = min(earliest ?? event, event)
        }
        return earliest
    }

    /// A listing and the event it was computed at.
    struct Computed: Sendable {
        var value: any Sendable
        var event: Int64
    }

    /// The kept listings and the computations under way.
    private actor State {
        var entries: [Key: Computed] = [:]
        var order: [Key] = []
        var running: [Key: (task: Task<Computed, any Error>, floor: Int64)] = [:]
        static let capacity = 32

        func event(of key: Key) -> Int64? { entries[key]?.event }

        func earliest(within reach: Int64) -> Int64? {
            guard let newest = entries.values.lazy.map(\.event).max() else { return nil }
            return entries.values.lazy.map(\.event).filter { $0 >= newest - reach }.min()
        }

        /// The kept listing, now known to be right at `last` too, unless another request replaced it meanwhile.
        func advance(_ key: Key, from known: Int64, to last: Int64) -> (any Sendable)? {
            guard var entry = entries[key], entry.event >= known else { return nil }
            if entry.event <= last {
                entry.event = last
                entries[key] = entry
            }
            return entry.value
        }

        /// A listing right at `floor` or later, kept or computed now; nil after waiting for a computation that began
        /// before `floor`, for the caller to look again.
        func get(_ key: Key, atLeast floor: Int64, compute: @escaping @Sendable () async throws -> Computed) async throws -> (any Sendable)? {
            if let entry = entries[key], entry.event >= floor { return entry.value }
            if let run = running[key] {
                if run.floor >= floor { return try await run.task.value.value }
                _ = try? await run.task.value
                return nil
            }
            // Kept as soon as it is made, before any waiter looks again.
            let task = Task {
                let made = try await compute()
                self.keep(key, made)
                return made
            }
            running[key] = (task, floor)
            defer { if running[key]?.task == task { running[key] = nil } }
            return try await task.value.value
        }

        private func keep(_ key: Key, _ made: Computed) {
            if let old = entries[key], old.event > made.event { return }
            if entries.updateValue(made, forKey: key) == nil { order.append(key) }
            while order.count > Self.capacity { entries[order.removeFirst()] = nil }
        }
    }
}
