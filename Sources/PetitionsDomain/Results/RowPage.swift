/// Which rows of a listing to read: `limit` rows from row `offset` (0 the first), in the listing's own order.
public struct RowWindow: Sendable, Equatable {
    public var limit: Int
    public var offset: Int

    public init(limit: Int, offset: Int = 0) {
        self.limit = limit
        self.offset = offset
    }
}

/// Some rows of a listing, and how many rows the whole listing holds: a page, or the first rows of a dashboard table.
public struct RowPage<Row: Sendable>: Sendable {
    /// The rows read, in the listing's order.
    public var rows: [Row]
    /// How many rows the whole listing holds.
    public var total: Int

    public init(rows: [Row], total: Int) {
        self.rows = rows
        self.total = total
    }
}
