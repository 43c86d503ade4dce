/// Works out the day a reply to a waiting letter is due. The rules and calendar in force provide it (the
/// application hands it to the store), so that a letter is stored with its due day in the same transaction that
/// records it, and the store never knows what rules exist.
public protocol ReplyDeadlines: Sendable {
    /// The day a reply to `letter` is due, as far as its facts go when it is recorded.
    func replyDue(_ letter: WaitingLetter) -> Day
}
