import GRDB

/// The conditions of a query's `WHERE` clause, each a fixed fragment of SQL with its one argument, joined by AND.
struct QueryFilter {
    private var fragments: [String] = []
    private var values: [(any DatabaseValueConvertible)?] = []

    /// Adds a condition (`fragment`, with one `?`) and its value.
    mutating func add(_ fragment: StaticString, _ value: (any DatabaseValueConvertible)?) {
        fragments.append(fragment.description)
        values.append(value)
    }

    /// Adds a condition (`fragment`, with one `?` for each value) and its values.
    mutating func add(_ fragment: StaticString, values: [(any DatabaseValueConvertible)?]) {
        fragments.append(fragment.description)
        self.values += values
    }

    /// The clause (`1` when there is no condition).
    var sql: String { fragments.isEmpty ? "1" : fragments.joined(separator: " AND ") }

    /// The values of the conditions, in order.
    var arguments: StatementArguments { StatementArguments(values) }
}
