import GRDB
import PetitionsDomain

/// A value the ledger stores as its sortable text (a day as `YYYY-MM-DD`, a period as `YYYY-MM`, a span as
/// `20 working days`), so that it goes into a statement's arguments as itself and comes back out through `Row.decode`.
///
/// Reading one back is never done through `row[column]`: GRDB traps on a non-optional conversion that fails, and a
/// value changed outside petitions must be an error naming its column and value (the sentence of `StoredValues.swift`),
/// not a crash nor a default such as 1000-01-01.
protocol StoredText: DatabaseValueConvertible {
    /// What a stored value must be, for the sentence about one that is not ("a day").
    static var storedKind: String { get }
    /// The value that `text` stores, or a thrown error when it stores none.
    init(storedText text: String) throws
    /// The text the ledger stores.
    var storedText: String { get }
}

extension StoredText {
    /// The stored text, as SQLite holds it.
    var storedValue: DatabaseValue { storedText.databaseValue }

    /// The value stored as `dbValue`, nil when it is not text or does not read. Only for GRDB's optional conversions;
    /// the store reads through `Row.decode`, which says what was wrong.
    static func fromStoredValue(_ dbValue: DatabaseValue) -> Self? {
        guard let text = String.fromDatabaseValue(dbValue) else { return nil }
        return try? Self(storedText: text)
    }
}

// Each type spells out the two members of `DatabaseValueConvertible`: being `Codable`, it would otherwise get GRDB's
// JSON conversions.

extension Day: StoredText {
    static var storedKind: String { "a day" }
    init(storedText text: String) throws { try self.init(parsing: text) }
    var storedText: String { description }
    /// The day as the ledger stores it: its sortable text.
    public var databaseValue: DatabaseValue { storedValue }
    /// The day stored as `dbValue`, nil when it does not read (the store reads through `Row.decode`, which says why).
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Day? { fromStoredValue(dbValue) }
}

extension Period: StoredText {
    static var storedKind: String { "a period" }
    init(storedText text: String) throws { try self.init(parsing: text) }
    var storedText: String { description }
    /// The period as the ledger stores it: its sortable text.
    public var databaseValue: DatabaseValue { storedValue }
    /// The period stored as `dbValue`, nil when it does not read (the store reads through `Row.decode`, which says why).
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Period? { fromStoredValue(dbValue) }
}

extension Span: StoredText {
    static var storedKind: String { "a span" }
    init(storedText text: String) throws { try self.init(parsing: text) }
    var storedText: String { description }
    /// The span as the ledger stores it: its sortable text.
    public var databaseValue: DatabaseValue { storedValue }
    /// The span stored as `dbValue`, nil when it does not read (the store reads through `Row.decode`, which says why).
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Span? { fromStoredValue(dbValue) }
}

extension Row {
    /// The value stored in `column`; NULL or a text that does not read is the sentence about a damaged ledger.
    func decode<T: StoredText>(_ column: Column, as type: T.Type = T.self) throws -> T {
        try Row.stored(storedText(column.name), column.name, T.storedKind) { try T(storedText: $0) }
    }

    /// The value stored in `column`, nil when it is NULL; a text that does not read is the sentence about a damaged ledger.
    func decodeIfPresent<T: StoredText>(_ column: Column, as type: T.Type = T.self) throws -> T? {
        try storedText(column.name).map { text in try Row.stored(text, column.name, T.storedKind) { try T(storedText: $0) } }
    }

    /// The value stored at `index` (its column named `column` in what is said of one that does not read), nil when it
    /// is NULL: for the hot paths that read by position (see where they are used).
    func decodeIfPresent<T: StoredText>(atIndex index: Int, named column: String, as type: T.Type = T.self) throws -> T? {
        try storedText(atIndex: index).map { text in try Row.stored(text, column, T.storedKind) { try T(storedText: $0) } }
    }

    /// The enumeration stored as its raw text in `column`; a text it does not know is the sentence about a damaged ledger.
    func decode<T: RawRepresentable>(_ column: Column, as type: T.Type = T.self) throws -> T where T.RawValue == String {
        try stored(T.self, column.name)
    }
}
