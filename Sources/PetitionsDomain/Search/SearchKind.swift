/// What `search` finds: the kinds of record the full-text index holds.
public enum SearchKind: String, Codable, Sendable, CaseIterable {
    case party, petition, letter, note, attachment

    /// Reads `--kind`, naming the kinds when the value is none of them.
    public init(parsing text: String, field: String = "--kind") throws {
        guard let kind = SearchKind(rawValue: text.lowercased()) else {
            throw PetitionsError.invalid(
                field, text, "is not a kind of record; use one of \(SearchKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = kind
    }
}
