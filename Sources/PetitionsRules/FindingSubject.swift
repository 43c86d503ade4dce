/// What a finding is about: a record of some type, by id, with a name a reader recognises.
public struct FindingSubject: Codable, Sendable, Hashable {
    /// The types of record a finding can be about.
    public enum SubjectType: String, Codable, Sendable, CaseIterable {
        // In the order of their names, which is the order findings of equal weight are listed in.
        case arrears, delivery, letter, petition, sql

        /// The place of the type's name among the others' in alphabetical order.
        var rank: Int {
            switch self {
            case .arrears: return 0
            case .delivery: return 1
            case .letter: return 2
            case .petition: return 3
            case .sql: return 4
            }
        }
    }

    public var type: SubjectType
    public var id: Int64
    public var name: String

    public init(type: SubjectType, id: Int64, name: String) {
        self.type = type
        self.id = id
        self.name = name
    }
}
