/// What `enrol end` did: the enrolment ended, and the later periods whose deliveries it unscheduled or cancelled.
public struct EnrolmentEnd: Sendable {
    /// The enrolment, with its last day.
    public var enrolment: Enrolment
    /// Periods (YYYY-MM) whose deliveries nothing had come for and that are no longer scheduled.
    public var unscheduled: [String]
    /// Periods (YYYY-MM) whose deliveries had only voided receipts and are now cancelled.
    public var cancelled: [String]

    public init(enrolment: Enrolment, unscheduled: [String], cancelled: [String]) {
        self.enrolment = enrolment
        self.unscheduled = unscheduled
        self.cancelled = cancelled
    }
}
