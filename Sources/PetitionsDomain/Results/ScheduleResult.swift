/// What `delivery schedule` did.
public struct ScheduleResult: Codable, Sendable {
    public var scheduled: [Delivery]
    public var alreadyScheduled: Int

    public init(scheduled: [Delivery], alreadyScheduled: Int) {
        self.scheduled = scheduled
        self.alreadyScheduled = alreadyScheduled
    }
}
