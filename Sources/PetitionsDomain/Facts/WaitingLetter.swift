/// A sent letter that expects a reply and had none as of the day asked.
public struct WaitingLetter: Hashable, Sendable {
    public var id: Int64
    public var from: PartyName
    public var to: PartyName
    /// The authority above the addressee, where one escalates.
    public var toParent: PartyName?
    public var sent: Day
    /// The day its clock runs from: the day sent, unless a follow-up restarted it.
    public var clockStart: Day
    public var subject: String
    public var petition: Int64?
    public var petitionCategory: String?
    /// The subject of its petition: how a finding about the petition names it (as `petition show` does).
    public var petitionSubject: String?
    /// The petitioner of its petition (or the sender), for scoping and escalation.
    public var petitioner: PartyName?
    /// The letter's own reply window, else its authority's.
    public var ownWithin: Span?
    public var authorityWithin: Span?
    /// Extensions granted, in order.
    public var extensions: [Span]
    /// Times its petition waited on the petitioner: the clock stops then.
    public var pauses: [DayRange]
    /// Letters sent afterwards to the same authority on the same petition.
    public var followUps: Int

    public init(
        id: Int64, from: PartyName, to: PartyName, toParent: PartyName?, sent: Day, clockStart: Day, subject: String,
        petition: Int64?, petitionCategory: String?, petitioner: PartyName?, ownWithin: Span?, authorityWithin: Span?,
        extensions: [Span], pauses: [DayRange], followUps: Int, petitionSubject: String? = nil
    ) {
        self.id = id
        self.from = from
        self.to = to
        self.toParent = toParent
        self.sent = sent
        self.clockStart = clockStart
        self.subject = subject
        self.petition = petition
        self.petitionCategory = petitionCategory
        self.petitionSubject = petitionSubject
        self.petitioner = petitioner
        self.ownWithin = ownWithin
        self.authorityWithin = authorityWithin
        self.extensions = extensions
        self.pauses = pauses
        self.followUps = followUps
    }
}
