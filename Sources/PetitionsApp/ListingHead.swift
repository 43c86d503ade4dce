import PetitionsDomain

/// The first rows of a listing and how many rows the whole listing holds, for a view that shows a few rows of a
/// long listing (the office's dashboard) at a cost that does not grow with the rows it does not show.
public struct ListingHead<Row: Sendable>: Sendable {
    /// The first rows, in the listing's order.
    public var rows: [Row]
    /// How many rows the whole listing holds.
    public var total: Int
    /// The names of the parties the rows name by handle (the recipients of late deliveries).
    public var names: [String: String]

    public init(rows: [Row], total: Int, names: [String: String] = [:]) {
        self.rows = rows
        self.total = total
        self.names = names
    }
}

/// Two heads are the same when their rows, total and names are: the web keeps a page drawn from one until it changes.
extension ListingHead: Equatable where Row: Equatable {}
