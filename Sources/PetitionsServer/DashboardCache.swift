import Foundation
import PetitionsApp

/// The dashboard's listings per (as-of day, last event id): a page view while nothing was recorded costs one
/// small query instead of a recomputation. A few days are kept; the oldest entry goes first.
final class DashboardCache: @unchecked Sendable {
    struct Key: Hashable {
        var asOf: Day
        var lastEvent: Int64
    }

    private let lock = NSLock()
    private var entries: [Key: Web.Dashboard] = [:]
    private var order: [Key] = []
    static let capacity = 16

    func get(_ key: Key) -> Web.Dashboard? { lock.withLock { entries[key] } }

    func put(_ key: Key, _ value: Web.Dashboard) {
        lock.withLock {
            if entries.updateValue(value, forKey: key) == nil { order.append(key) }
            while order.count > Self.capacity { entries[order.removeFirst()] = nil }
        }
    }
}
