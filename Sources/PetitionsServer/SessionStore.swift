import Foundation
import PetitionsApp

/// A browser's session: whose it is (none yet on the login page), its CSRF token, and when it was last used.
struct WebSession: Sendable {
    var id: String
    var user: String?
    /// The stamp of the user's password when the session began (`SessionUser`): set since, the session ends.
    var passwordStamp: String?
    var csrf: String
    var lastSeen: Date
}

/// Sessions kept on the server, by random id (256 bits), forgotten after 12 hours idle or at log-out. The cookie
/// holds only the id.
final class SessionStore: @unchecked Sendable {
    static let idleLimit: TimeInterval = 12 * 3600
    private let lock = NSLock()
    private var sessions: [String: WebSession] = [:]
    private let now: @Sendable () -> Date

    init(now: @escaping @Sendable () -> Date = { Date() }) { self.now = now }

    /// `bytes` random bytes in hex (32 by default: a session's id and CSRF token).
    static func randomID(bytes: Int = 32) -> String {
        var rng = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &rng)) }.joined()
    }

    /// A new session for `user` (nil: a visitor on the login page, whose form needs a CSRF token too).
    func open(for user: String?, passwordStamp: String? = nil) -> WebSession {
        let s = WebSession(id: Self.randomID(), user: user, passwordStamp: passwordStamp, csrf: Self.randomID(), lastSeen: now())
        lock.withLock {
            let cutoff = now().addingTimeInterval(-Self.idleLimit)
            sessions = sessions.filter { $0.value.lastSeen > cutoff }
            formUses = formUses.filter { sessions[$0.key] != nil }
            notices = notices.filter { sessions[$0.key] != nil }
            sessions[s.id] = s
        }
        return s
    }

    /// The live session of `id`, touched; nil when unknown or idle too long (then forgotten).
    func find(_ id: String) -> WebSession? {
        lock.withLock {
            guard var s = sessions[id] else { return nil }
            let t = now()
            guard t.timeIntervalSince(s.lastSeen) < Self.idleLimit else {
                sessions[id] = nil
                formUses[id] = nil
                notices[id] = nil
                return nil
            }
            s.lastSeen = t
            sessions[id] = s
            return s
        }
    }

    /// Forgets a session (log-out).
    func close(_ id: String) {
        lock.withLock {
            sessions[id] = nil
            formUses[id] = nil
            notices[id] = nil
        }
    }

    // MARK: - One-time form tokens

    /// What became of a form sent with a one-time `form_token`: being recorded, or recorded with the page it led to.
    enum FormUse: Sendable, Equatable {
        case running
        case done(String)
    }

    /// How many used form tokens a session keeps (the oldest are forgotten first): far more than one person sends
    /// forms twice within.
    static let formUsesKept = 256
    private var formUses: [String: (uses: [String: FormUse], order: [String])] = [:]

    /// Claims `token` of a form sent in session `id`: nil when it is the first time (it is now running), else what
    /// the first sending became.
    func claim(form token: String, in id: String) -> FormUse? {
        lock.withLock {
            var kept = formUses[id] ?? ([:], [])
            if let use = kept.uses[token] { return use }
            kept.uses[token] = .running
            kept.order.append(token)
            while kept.order.count > Self.formUsesKept { kept.uses[kept.order.removeFirst()] = nil }
            formUses[id] = kept
            return nil
        }
    }

    /// The form of `token` was recorded and led to `location`: sent again, it goes there.
    func finish(form token: String, in id: String, at location: String) {
        lock.withLock { if formUses[id]?.uses[token] != nil { formUses[id]?.uses[token] = .done(location) } }
    }

    /// The form of `token` was refused (nothing recorded): it may be sent again.
    func release(form token: String, in id: String) {
        lock.withLock {
            formUses[id]?.uses[token] = nil
            formUses[id]?.order.removeAll { $0 == token }
        }
    }

    // MARK: - Notices

    /// The most notices a session keeps for its next page (the oldest are dropped first).
    static let noticesKept = 20
    private var notices: [String: [String]] = [:]

    /// Keeps `sentences` (what a record just made warns of) for the next page session `id` is shown, which follows
    /// the redirect after the form: the record is kept, and the caseworker reads why it is unusual.
    func notify(_ sentences: [String], in id: String) {
        guard !sentences.isEmpty else { return }
        lock.withLock {
            guard sessions[id] != nil else { return }
            notices[id, default: []].append(contentsOf: sentences)
            if let n = notices[id]?.count, n > Self.noticesKept { notices[id]?.removeFirst(n - Self.noticesKept) }
        }
    }

    /// The notices kept for session `id`, forgotten once taken: each is shown once.
    func takeNotices(in id: String) -> [String] {
        lock.withLock { notices.removeValue(forKey: id) ?? [] }
    }
}

/// After 5 failed logins for a name, one attempt a minute for it; a success clears the count. The same whether
/// the name exists or not, so the throttle does not tell.
final class LoginThrottle: @unchecked Sendable {
    static let freeAttempts = 5
    static let pause: TimeInterval = 60
    private let lock = NSLock()
    private var failures: [String: (count: Int, last: Date)] = [:]
    private let now: @Sendable () -> Date

    init(now: @escaping @Sendable () -> Date = { Date() }) { self.now = now }

    /// Whether a login for `name` may be tried now.
    func mayTry(_ name: String) -> Bool {
        lock.withLock {
            guard let f = failures[name.lowercased()], f.count >= Self.freeAttempts else { return true }
            return now().timeIntervalSince(f.last) >= Self.pause
        }
    }

    func failed(_ name: String) {
        lock.withLock {
            let key = name.lowercased()
            let count = (failures[key]?.count ?? 0) + 1
            failures[key] = (count, now())
            if failures.count > 100_000 { failures = failures.filter { now().timeIntervalSince($0.value.last) < Self.pause } }
        }
    }

    func succeeded(_ name: String) { _ = lock.withLock { failures.removeValue(forKey: name.lowercased()) } }
}
