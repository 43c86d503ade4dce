/// `import.completed`: rows imported from a file, or another office's events merged (then with what was already present, joined and mapped).
public struct ImportCompleted: EventPayload, Equatable {
    public static let kind = LedgerEvent.Kind.importCompleted
    public static let keys = Set(CodingKeys.allCases.map(\.rawValue))

    public var what: String
    public var source: String
    public var rows: Int64
    public var imported: Int64
    public var rejected: Int64?
    public var alreadyPresent: Int64?
    public var joined: Int64?
    public var map: [String: String]?
    /// The SHA-256 of the file imported (hexadecimal), so that the same file is not imported twice by mistake.
    public var digest: String?

    public init(
        what: String, source: String, rows: Int64, imported: Int64, rejected: Int64? = nil, alreadyPresent: Int64? = nil, joined: Int64? = nil,
        map: [String: String]? = nil, digest: String? = nil
    ) {
        self.what = what
        self.source = source
        self.rows = rows
        self.imported = imported
        self.rejected = rejected
        self.alreadyPresent = alreadyPresent
        self.joined = joined
        self.map = map
        self.digest = digest
    }

    public var event: LedgerEvent { .importCompleted(self) }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case what, source, rows, imported, rejected
        case alreadyPresent = "already_present"
        case joined, map, digest
    }

    /// Every key is written, absent values as null, except those only some events carry.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(what, forKey: .what)
        try c.encode(source, forKey: .source)
        try c.encode(rows, forKey: .rows)
        try c.encode(imported, forKey: .imported)
        try c.encodeIfPresent(rejected, forKey: .rejected)
        try c.encodeIfPresent(alreadyPresent, forKey: .alreadyPresent)
        try c.encodeIfPresent(joined, forKey: .joined)
        try c.encodeIfPresent(map, forKey: .map)
        try c.encodeIfPresent(digest, forKey: .digest)
    }
}
