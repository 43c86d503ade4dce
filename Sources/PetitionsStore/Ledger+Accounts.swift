import Foundation
import GRDB
import PetitionsDomain

/// A user's account with its password hash, for checking a login; the hash stays between the store and the
/// use case that checks it.
public struct StoredAccount: Sendable {
    public var account: Account
    public var passwordHash: String
}

extension Ledger {
    // MARK: - Accounts of the office server (no events: the office's own records, not the ledger's facts)

    private static let accountColumns = "id, name, role, disabled, created_at"

    private static func account(_ row: Row) -> Account {
        Account(
            id: row["id"], name: row["name"], role: Role(rawValue: row["role"]) ?? .reader, disabled: (row["disabled"] as Int64) != 0,
            created: row["created_at"])
    }

    private func accountRow(_ db: Database, _ name: String, field: String) throws -> Row {
        let n = name.trimmingCharacters(in: .whitespaces)
        try ControlCharacters.refuse(n, field: field)
        guard let row = try Row.fetchOne(db, sql: "SELECT \(Ledger.accountColumns), password_hash FROM account WHERE name = ?", arguments: [n])
        else {
            let names = try String.fetchAll(db, sql: "SELECT name FROM account")
            throw PetitionsError.unknown("user", field, name, closest: closest(to: n, among: names))
        }
        return row
    }

    /// Adds a user; a name taken (in any case) is refused.
    public func addAccount(name: String, role: Role, passwordHash: String) throws -> Account {
        let created = Ledger.timestamp(context.now())
        return try write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM account WHERE name = ?", arguments: [name]) == true {
                throw PetitionsError.taken("name", name, "is already a user; choose another name")
            }
            try db.execute(
                sql: "INSERT INTO account(name, role, password_hash, created_at) VALUES (?, ?, ?, ?)",
                arguments: [name, role.rawValue, passwordHash, created])
            return Account(id: db.lastInsertedRowID, name: name, role: role, disabled: false, created: created)
        }
    }

    /// Every user, by name.
    public func accounts() throws -> [Account] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT \(Ledger.accountColumns) FROM account ORDER BY name COLLATE NOCASE").map(Ledger.account)
        }
    }

    /// A user with the password hash, or nil when there is none of that name.
    public func storedAccount(named name: String) throws -> StoredAccount? {
        try readStatement { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT \(Ledger.accountColumns), password_hash FROM account WHERE name = ?"), arguments: [name])
                .map {
                    StoredAccount(account: Ledger.account($0), passwordHash: $0["password_hash"])
                }
        }
    }

    /// A user by name; an unknown one is an error naming the closest name.
    public func account(named name: String, field: String = "name") throws -> Account {
        try read { db in Ledger.account(try accountRow(db, name, field: field)) }
    }

    /// Changes a user: its role, its disabled flag or its password hash, whichever are given.
    public func updateAccount(named name: String, role: Role? = nil, disabled: Bool? = nil, passwordHash: String? = nil) throws -> Account {
        try changeAccount(named: name, role: role, disabled: disabled, passwordHash: passwordHash).after
    }

    /// Changes a user as `updateAccount` does, and returns the account as it was before and as it is after, read in
    /// the same transaction (so a caller can say "already disabled" truthfully).
    public func changeAccount(
        named name: String, role: Role? = nil, disabled: Bool? = nil, passwordHash: String? = nil
    ) throws -> (before: Account, after: Account) {
        try write { db in
            let row = try accountRow(db, name, field: "name")
            let before = Ledger.account(row)
            let id: Int64 = row["id"]
            let adminsBefore = try Ledger.usableAdmins(db)
            if let role { try db.execute(sql: "UPDATE account SET role = ? WHERE id = ?", arguments: [role.rawValue, id]) }
            if let disabled { try db.execute(sql: "UPDATE account SET disabled = ? WHERE id = ?", arguments: [disabled ? 1 : 0, id]) }
            if let passwordHash { try db.execute(sql: "UPDATE account SET password_hash = ? WHERE id = ?", arguments: [passwordHash, id]) }
            // Nobody could manage the users again (no command re-enables or promotes without an admin's web session).
            if adminsBefore > 0, try Ledger.usableAdmins(db) == 0 {
                throw PetitionsError.invalid(
                    "name", name, "is the last admin who can log in; make another user admin first (user role NAME --to admin)")
            }
            return (before, Ledger.account(try accountRow(db, name, field: "name")))
        }
    }

    private static func usableAdmins(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM account WHERE role = 'admin' AND disabled = 0") ?? 0
    }

    // MARK: - API tokens

    private static let tokenSelect = """
        SELECT t.id, a.name, t.label, t.created_at, t.revoked_at FROM api_token t JOIN account a ON a.id = t.account_id
        """

    private static func token(_ row: Row) -> APIToken {
        APIToken(id: row[0], user: row[1], label: row[2], created: row[3], revoked: row[4])
    }

    /// Records a new token of a user by the hash of its text.
    public func addToken(user: String, label: String?, tokenHash: String) throws -> APIToken {
        let created = Ledger.timestamp(context.now())
        return try write { db in
            let account: Int64 = try accountRow(db, user, field: "name")["id"]
            try db.execute(
                sql: "INSERT INTO api_token(account_id, label, token_hash, created_at) VALUES (?, ?, ?, ?)",
                arguments: [account, label, tokenHash, created])
            let id = db.lastInsertedRowID
            return try Row.fetchOne(db, sql: Ledger.tokenSelect + " WHERE t.id = ?", arguments: [id]).map(Ledger.token)
                ?? APIToken(id: id, user: user, label: label, created: created, revoked: nil)
        }
    }

    /// The tokens of a user, oldest first, revoked ones too.
    public func tokens(user: String) throws -> [APIToken] {
        try read { db in
            let account: Int64 = try accountRow(db, user, field: "name")["id"]
            return try Row.fetchAll(db, sql: Ledger.tokenSelect + " WHERE t.account_id = ? ORDER BY t.id", arguments: [account]).map(Ledger.token)
        }
    }

    /// Revokes a token by id: the token, and whether it was revoked already (then nothing changes: it keeps its
    /// first moment).
    public func revokeToken(id: Int64) throws -> (token: APIToken, already: Bool) {
        let now = Ledger.timestamp(context.now())
        return try write { db in
            guard let before = try Row.fetchOne(db, sql: Ledger.tokenSelect + " WHERE t.id = ?", arguments: [id]).map(Ledger.token) else {
                throw PetitionsError("id: no token with id \(id).", field: "id", kind: .notFound)
            }
            if before.revoked != nil { return (before, true) }
            try db.execute(sql: "UPDATE api_token SET revoked_at = ? WHERE id = ?", arguments: [now, id])
            var t = before
            t.revoked = now
            return (t, false)
        }
    }

    /// The account a token (by its hash) belongs to, when the token is not revoked and the account not disabled.
    public func accountForToken(hash: String) throws -> Account? {
        try readStatement { db in
            // Every API request asks this: one statement per connection, prepared once.
            try Row.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT a.id, a.name, a.role, a.disabled, a.created_at FROM api_token t JOIN account a ON a.id = t.account_id
                        WHERE t.token_hash = ? AND t.revoked_at IS NULL AND a.disabled = 0
                        """), arguments: [hash]
            ).map(Ledger.account)
        }
    }
}
