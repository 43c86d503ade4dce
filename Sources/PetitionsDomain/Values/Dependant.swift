import Foundation

/// A dependant in a person's household.
public struct Dependant: Codable, Hashable, Sendable {
    public var name: String
    public var category: String
    public init(name: String, category: String) {
        self.name = name
        self.category = category
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case name, category }

    /// The keys of a dependant in an event's payload.
    static let keys = Set(CodingKeys.allCases.map(\.rawValue))

    /// Parses `NAME:CATEGORY`.
    public init(parsing text: String) throws {
        guard let colon = text.lastIndex(of: ":") else {
            throw PetitionsError.invalid("--dependant", text, "is not NAME:CATEGORY, e.g. 'Anna:incapacitated'")
        }
        let name = Dependant.trimmingSpaces(text[..<colon])
        let cat = Dependant.trimmingSpaces(text[text.index(after: colon)...]).lowercased()
        guard !name.isEmpty else { throw PetitionsError.invalid("--dependant", text, "has an empty name") }
        try Dependant.refuseSeparator(name, field: "--dependant")
        self.name = name
        self.category = try Category.validate(cat, field: "--dependant", whole: text)
    }
}

extension Dependant {
    /// Refuses a dependant's name holding `;`: a household is written `NAME:CATEGORY; NAME:CATEGORY` in one cell of
    /// `export petitioners`, and a name with `;` in it would come back from `import petitioners` as two.
    public static func refuseSeparator(_ name: String, field: String) throws {
        guard name.contains(";") else { return }
        throw PetitionsError.invalid(
            field, name, "holds ';', which separates dependants in a household's cell of a CSV file; write the name without it")
    }

    /// `text` without the spaces and tabs at its ends: what `trimmingCharacters(in: .whitespaces)` returns (a tab, a zero-width
    /// space U+200B, or a Unicode space separator, category Zs), by unicode scalar and without Foundation (an import of 100,000 rows with
    /// households spent 3% of its instructions in Foundation's trimming).
    static func trimmingSpaces(_ text: Substring) -> String {
        func isSpace(_ s: Unicode.Scalar) -> Bool {
            s.value < 0x80 ? (s.value == 0x20 || s.value == 0x09) : (s.value == 0x200B || s.properties.generalCategory == .spaceSeparator)
        }
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isSpace(scalars[start]) { start = scalars.index(after: start) }
        while start < end, isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }
}

extension Dependant: HouseJSONWritable {
    public func write(to w: inout HouseJSONWriter) {
        w.beginObject()
        w.key("category")
        w.string(category)
        w.key("name")
        w.string(name)
        w.endObject()
    }
}
