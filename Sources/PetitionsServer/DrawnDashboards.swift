import Foundation
import PetitionsApp

/// The dashboard as last drawn, shared by every session. Drawing it through Mustache cost about 2.5 ms of CPU a view
/// (61% of the server's time under `Scripts/bench-server`, perf): the listings are kept between requests
/// (ListingCache), and so is what is drawn of them, until they change. Its two tables are kept apart from the rest:
/// each letter recorded changes the count of letters waiting (a card and a line) but not the oldest letters the
/// table shows, so a view after a write draws the few lines around the tables again, not the 50 rows in them
/// (a seventh of the server's time under the bench's writes, perf). Nothing drawn here holds anything of a session
/// (the layout around it, drawn per request, holds the user and the CSRF token).
final class DrawnDashboards: Sendable {
    /// What a body was drawn from: the day, what was typed for it (the links carry it), whether the day was today
    /// (the counts by status link to the petitions' lists only then) and the listings.
    struct Key: Equatable {
        var asOf: Day
        var typed: String?
        var current: Bool
        var dashboard: Web.Dashboard
    }

    /// What a table was drawn from: the day, its rows and the names they show (not how many rows there are in all,
    /// which it does not show).
    struct TableKey<Row: Equatable>: Equatable {
        var asOf: Day
        var rows: [Row]
        var names: [String: String] = [:]
    }

    let bodies = Drawn<Key> { $0.asOf == $1.asOf && $0.typed == $1.typed }
    let overdueTables = Drawn<TableKey<OverdueDelivery>> { $0.asOf == $1.asOf }
    let waitingTables = Drawn<TableKey<UnansweredLetter>> { $0.asOf == $1.asOf }
}

/// Pieces of HTML kept by what they were drawn from, the newest first; one per day (`sameDay`), a few days at once.
final class Drawn<Key: Equatable>: @unchecked Sendable {
    private let lock = NSLock()
    private var kept: [(key: Key, html: String)] = []
    /// Whether two keys are of the same day: a piece drawn anew replaces the one kept for its day.
    private let sameDay: @Sendable (Key, Key) -> Bool
    /// Pieces kept at once: a few days looked at by a few people.
    static var capacity: Int { 16 }

    init(sameDay: @escaping @Sendable (Key, Key) -> Bool) { self.sameDay = sameDay }

    /// The piece drawn from `key`, kept or drawn now by `draw`; it replaces the one kept for the same day, whose
    /// listings it is newer than.
    func html(for key: Key, draw: () -> String) -> String {
        if let html = lock.withLock({ kept.first { $0.key == key }?.html }) { return html }
        let html = draw()
        lock.withLock {
            kept.removeAll { sameDay($0.key, key) }
            kept.insert((key, html), at: 0)
            if kept.count > Self.capacity { kept.removeLast(kept.count - Self.capacity) }
        }
        return html
    }
}
