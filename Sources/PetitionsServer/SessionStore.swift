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
/// holds only the id. A visitor's (the login page's, before anyone logs in) is forgotten also once
/// `visitorsKept` newer visitors came, so that a script asking for the login page over and over cannot fill memory;
/// likewise a user keeps at most `sessionsPerUser` signed-in sessions, the oldest ended first, so that a script
/// logging in over and over cannot either.
final class SessionStore: @unchecked Sendable {
    static let idleLimit: TimeInterval = 12 * 3600
    /// How many visitors' sessions are kept (the oldest forgotten first): far more than people logging in at once.
    static let visitorsKept = 1000
    /// How many signed-in sessions one user keeps (the oldest ended first): a browser or two on each of a few machines.
    static let sessionsPerUser = 20
    private let lock = NSLock()
    private var sessions: [String: WebSession] = [:]
    /// The visitors' session ids, oldest first (some perhaps forgotten already).
    private var visitors: [String] = []
    /// Each user's session ids, oldest first (only live ones: pruned as sessions end).
    private var byUser: [String: [String]] = [:]
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
            sessions[s.id] = s
            if let user {
                var mine = (byUser[user] ?? []).filter { sessions[$0] != nil }
                mine.append(s.id)
                if mine.count > Self.sessionsPerUser {
                    for id in mine.prefix(mine.count - Self.sessionsPerUser) { sessions[id] = nil }
                    mine.removeFirst(mine.count - Self.sessionsPerUser)
                }
                byUser[user] = mine
            } else {
                visitors.append(s.id)
                if visitors.count > Self.visitorsKept {
                    for id in visitors.prefix(visitors.count - Self.visitorsKept) where sessions[id]?.user == nil { sessions[id] = nil }
                    visitors.removeFirst(visitors.count - Self.visitorsKept)
                }
            }
            byUser = byUser.filter { !$0.value.allSatisfy { sessions[$0] == nil } }
            formUses = formUses.filter { sessions[$0.key] != nil }
            notices = notices.filter { sessions[$0.key] != nil }
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

    /// Ends every session of `user` (disabled on the users page) now, not when each is next used: enabled again
    /// before then, a session left open (a shared or stolen computer's) would have come back with it. `keeping`: the
    /// stamp of the user's password now, whose sessions stay (those opened under another password end).
    func closeAll(of user: String, keeping stamp: String? = nil) {
        lock.withLock {
            var kept: [String] = []
            for id in byUser.removeValue(forKey: user) ?? [] {
                if let stamp, let s = sessions[id], s.passwordStamp == stamp {
                    kept.append(id)
                    continue
                }
                sessions[id] = nil
                formUses[id] = nil
                notices[id] = nil
            }
            if !kept.isEmpty { byUser[user] = kept }
        }
    }

    /// The users with a signed-in session (`Office.sweepSessions` looks each up).
    func signedInUsers() -> [String] { lock.withLock { Array(byUser.keys) } }

    // MARK: - One-time form tokens

    /// What became of a one-time `form_token` the server gave a session with a page: given and not yet sent (or
    /// sent and refused, so it may be sent again corrected), being recorded, or recorded with the page it led to; with
    /// what the form held when it was sent (`Web.formContent`), to tell a second click from a form changed since.
    enum FormUse: Sendable, Equatable {
        case issued
        case running(Int)
        case done(String, Int)
    }

    /// What a form sent with a `form_token` may do: be recorded now (the token was given to this session and is
    /// unused), not at all (the server never gave it to this session, or forgot it, or the form was recorded and then
    /// changed and sent again), or follow its first sending (sent again unchanged).
    enum FormClaim: Sendable, Equatable {
        case granted
        case unknown
        case running
        case done(String)
        case changed
    }

    /// How many form tokens a session keeps, given or used (the oldest are forgotten first): a petition's page
    /// gives four, so this is over a hundred pages drawn, far more than one person keeps open; a bound on memory.
    static let formTokensKept = 512
    private var formUses: [String: (uses: [String: FormUse], order: [String])] = [:]

    /// A new one-time token for a form drawn on a page for session `id`, kept as given; nil when there is no such
    /// session (then the form cannot be recorded from this page).
    func issueForm(in id: String) -> String? {
        let token = Self.randomID(bytes: 16)
        return lock.withLock {
            guard sessions[id] != nil else { return nil }
            var kept = formUses[id] ?? ([:], [])
            kept.uses[token] = .issued
            kept.order.append(token)
            while kept.order.count > Self.formTokensKept { kept.uses[kept.order.removeFirst()] = nil }
            formUses[id] = kept
            return token
        }
    }

    /// Claims `token` of a form sent in session `id` holding `content`: granted (it is now running) only when the
    /// server gave it to this session and it is unused; else what its first sending became (changed when `content`
    /// differs from what was recorded), or unknown.
    func claim(form token: String, in id: String, content: Int) -> FormClaim {
        lock.withLock {
            switch formUses[id]?.uses[token] {
            case nil: return .unknown
            case .running: return .running
            case .done(let location, let recorded): return recorded == content ? .done(location) : .changed
            case .issued:
                formUses[id]?.uses[token] = .running(content)
                return .granted
            }
        }
    }

    /// The form of `token` was recorded and led to `location`: sent again unchanged, it goes there.
    func finish(form token: String, in id: String, at location: String) {
        lock.withLock {
            if case .running(let content)? = formUses[id]?.uses[token] { formUses[id]?.uses[token] = .done(location, content) }
        }
    }

    /// The form of `token` was refused (nothing recorded): it may be sent again, corrected.
    func release(form token: String, in id: String) {
        lock.withLock { if formUses[id]?.uses[token] != nil { formUses[id]?.uses[token] = .issued } }
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

    /// Claims an attempt to log in as `name`: false while the name has used its free attempts and the last was less
    /// than a minute ago; else true, and the attempt counts as failed until `succeeded` clears the count. Counted when
    /// claimed, not once its password was checked: logins sent all at once (a script guessing in parallel) share the
    /// free attempts instead of each finding the count as it was before any of them was judged.
    func claim(_ name: String) -> Bool {
        lock.withLock {
            let key = name.lowercased()
            let t = now()
            if let f = failures[key], f.count >= Self.freeAttempts, t.timeIntervalSince(f.last) < Self.pause { return false }
            failures[key] = ((failures[key]?.count ?? 0) + 1, t)
            if failures.count > 100_000 { failures = failures.filter { t.timeIntervalSince($0.value.last) < Self.pause } }
            return true
        }
    }

    func succeeded(_ name: String) { _ = lock.withLock { failures.removeValue(forKey: name.lowercased()) } }
}
