import Foundation
import PetitionsApp

/// The dashboard's body as last drawn from each set of listings, shared by every session. Drawing it through
/// Mustache cost about 2.5 ms of CPU a view (61% of the server's time under `Scripts/bench-server`, perf): the
/// listings are kept between requests (ListingCache), and now so is what is drawn of them, until they change. The
/// body holds nothing of a session (the layout around it, drawn per request, holds the user and the CSRF token).
final class DrawnDashboards: @unchecked Sendable {
    /// What a body was drawn from: the day, what was typed for it (the links carry it) and the listings.
    struct Key: Equatable {
        var asOf: Day
        var typed: String?
        var dashboard: Web.Dashboard
    }

    private let lock = NSLock()
    private var kept: [(key: Key, body: String)] = []
    /// Bodies kept at once: a few days looked at by a few people, the newest first.
    static let capacity = 16

    /// The body drawn from `key`, kept or drawn now by `draw`.
    func body(for key: Key, draw: () -> String) -> String {
        if let body = lock.withLock({ kept.first { $0.key == key }?.body }) { return body }
        let body = draw()
        lock.withLock {
            kept.removeAll { $0.key.asOf == key.asOf && $0.key.typed == key.typed }
            kept.insert((key, body), at: 0)
            if kept.count > Self.capacity { kept.removeLast(kept.count - Self.capacity) }
        }
        return body
    }
}
