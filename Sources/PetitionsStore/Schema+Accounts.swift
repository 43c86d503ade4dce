extension Schema {
    /// v5: the office server's accounts and API tokens. The office's own records, not facts of the ledger: no
    /// event is written for them and `export events` leaves them out. Passwords are bcrypt hashes; a token is
    /// kept only as the SHA-256 of its text (it is long and random, so a slow hash adds nothing).
    static let v5 = """
        CREATE TABLE account (
          id            INTEGER PRIMARY KEY,
          name          TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 64),
          role          TEXT NOT NULL CHECK (role = 'admin' OR role = 'clerk' OR role = 'reader'),
          password_hash TEXT NOT NULL CHECK (length(password_hash) > 0),
          disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0,1)),
          created_at    TEXT NOT NULL
        ) STRICT;

        CREATE TABLE api_token (
          id         INTEGER PRIMARY KEY,
          account_id INTEGER NOT NULL REFERENCES account(id),
          label      TEXT,
          token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
          created_at TEXT NOT NULL,
          revoked_at TEXT
        ) STRICT;
        CREATE INDEX api_token_account ON api_token(account_id);
        """
}
