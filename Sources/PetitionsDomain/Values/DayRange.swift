/// A span of days, the end open when it has not ended.
public struct DayRange: Hashable, Sendable, Codable {
    public var from: Day
    public var to: Day?
    public init(from: Day, to: Day?) {
        self.from = from
        self.to = to
    }
}
