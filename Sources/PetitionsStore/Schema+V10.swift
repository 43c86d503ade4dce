import GRDB

extension Schema {
    /// v10: a receipt keeps each amount in the unit it was given in. `receipt_item` held one row per commodity, so
    /// `--quantity "1 funt salt" --quantity "590 g salt"` was stored as their sum in the first unit (2.441 funt, itself
    /// rounded in every output) and every front end showed that one amount. Its key is now (receipt, commodity, unit):
    /// the amounts given in one unit still add up (exactly, in that unit), those in another stay apart. The table is
    /// rebuilt the way `Schema+V6.swift` rebuilds one, but the old table is renamed out of the way first, so that the
    /// new one keeps its name unquoted in `sqlite_schema`. The key's columns come first: with `amount` between them,
    /// SQLite's `PRAGMA integrity_check` (3.40) reads a WITHOUT ROWID row's columns out of place and reports "NULL
    /// value in receipt_item.amount" for every row, and `verify` would call a sound ledger damaged. Receipts recorded
    /// before keep the one row they were given: the amounts they merged are not known apart from the text of their
    /// events.
    static let v10 = """
        ALTER TABLE receipt_item RENAME TO receipt_item_v9;
        CREATE TABLE receipt_item (
          receipt_id INTEGER NOT NULL REFERENCES receipt(id),
          commodity  TEXT NOT NULL,
          unit       TEXT NOT NULL REFERENCES unit(name),
          amount     INTEGER NOT NULL CHECK (amount > 0),
          PRIMARY KEY (receipt_id, commodity, unit)
        ) STRICT, WITHOUT ROWID;
        INSERT INTO receipt_item(receipt_id, commodity, amount, unit)
          SELECT receipt_id, commodity, amount, unit FROM receipt_item_v9;
        DROP TABLE receipt_item_v9;
        """
}
