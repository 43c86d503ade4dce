import Foundation

/// A dependant in a person's household.
public struct Dependant: Codable, Hashable, Sendable {
    public var name: String
    public var category: String
    public init(name: String, category: String) {
        self.name = name
        self.category = category
    }

    /// Parses `NAME:CATEGORY`.
    public init(parsing text: String) throws {
        guard let colon = text.lastIndex(of: ":") else {
            throw PetitionsError.invalid("--dependant", text, "is not NAME:CATEGORY, e.g. 'Anna:incapacitated'")
        }
        let name = text[..<colon].trimmingCharacters(in: .whitespaces)
        let cat = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces).lowercased()
        guard !name.isEmpty else { throw PetitionsError.invalid("--dependant", text, "has an empty name") }
        self.name = name
        self.category = try Category.validate(cat, field: "--dependant", whole: text)
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
