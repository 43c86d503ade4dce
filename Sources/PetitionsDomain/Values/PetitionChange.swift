/// A correction of a petition: every field left nil stays as it is; `via: .some(nil)` removes the intermediary.
public struct PetitionChange: Sendable, Equatable {
    public var petition: Int64
    public var subject: String?
    /// An empty category clears it.
    public var category: String?
    public var via: String??

    public init(petition: Int64, subject: String? = nil, category: String? = nil, via: String?? = nil) {
        self.petition = petition
        self.subject = subject
        self.category = category
        self.via = via
    }

    /// Whether nothing is asked to change.
    public var isEmpty: Bool { subject == nil && category == nil && via == nil }
}
