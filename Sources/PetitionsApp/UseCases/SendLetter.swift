import Foundation
import PetitionsDomain
import PetitionsReport
import PetitionsRules

/// Records a letter sent to an authority; its reply due day is worked out under the rules and calendar in force.
/// With a draft file, the draft's text is kept in the event, its Subject: line is the default subject and its first
/// paragraph the default summary.
public struct SendLetter: UseCase {
    public var from: String
    public var to: String
    public var on: Day
    public var subject: String?
    public var petition: Int64?
    public var replyWithin: Span?
    public var expectsReply: Bool
    public var channel: Channel
    public var summary: String?
    public var restartsClock: Bool
    /// The draft the letter was sent as (a file written by a draft use case).
    public var draftPath: String?

    public init(
        from: String, to: String, on: Day, subject: String?, petition: Int64? = nil, replyWithin: Span? = nil,
        expectsReply: Bool = true, channel: Channel = .post, summary: String? = nil, restartsClock: Bool = false,
        draftPath: String? = nil
    ) {
        self.from = from
        self.to = to
        self.on = on
        self.subject = subject
        self.petition = petition
        self.replyWithin = replyWithin
        self.expectsReply = expectsReply
        self.channel = channel
        self.summary = summary
        self.restartsClock = restartsClock
        self.draftPath = draftPath
    }

    public func run(in workspace: Workspace) throws -> Letter {
        try record(in: workspace, checked: false).letter
    }

    /// Records the letter and says what `CheckLetter` finds unusual about it, opening the ledger once: a command line
    /// that opened it once to check and again to record paid twice for the opening (GRDB writes a transaction to start
    /// the WAL file, and the closing checkpoints it): 8 fsyncs for one letter instead of 4.
    public func runChecked(in workspace: Workspace) throws -> CheckedLetter {
        try record(in: workspace, checked: true)
    }

    private func record(in workspace: Workspace, checked: Bool) throws -> CheckedLetter {
        var draft: DraftText?
        if let draftPath {
            let data = try InputFile.contents(draftPath, field: "--from-draft", consequence: "nothing was recorded.")
            // A draft is text: bytes that are not UTF-8 were recorded as U+FFFD, and a binary file's bytes were quoted
            // back by the hundred in the sentence refusing its control characters.
            guard let text = InputFile.utf8Text(data) else {
                throw PetitionsError(
                    "--from-draft: \(draftPath) is not a text file (UTF-8, as `petitions draft` writes it); nothing was recorded.", code: .dataError)
            }
            draft = DraftText(text)
            guard draft?.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == false else {
                throw PetitionsError("--from-draft: the draft \(draftPath) is empty.")
            }
        }
        guard let subject = subject ?? draft?.subject else {
            throw PetitionsError("--from-draft: the draft \(draftPath ?? "") has no 'Subject:' line; give --subject.", code: .usage)
        }
        return try workspace.recording { ledger in
            // A window that carries the due day past the last day petitions counts is refused as `deadline` and
            // `letter extend` refuse it, not clamped to 9999-12-31 without a word.
            if expectsReply, let replyWithin {
                _ = try workspace.rules(ledger, RuleSources()).engine.calendar.checkedDeadline(
                    from: on, within: replyWithin, field: "--reply-within")
            }
            let warnings = checked ? CheckLetter(from: from, to: to, petition: petition, on: on).warnings(in: ledger) : []
            let letter = try ledger.sendLetter(
                from: from, to: to, on: on, subject: subject, petition: petition, replyWithin: replyWithin,
                expectsReply: expectsReply, channel: channel, summary: summary ?? draft?.summary,
                restartsClock: restartsClock, body: draft?.body)
            return CheckedLetter(letter: letter, warnings: warnings)
        }
    }
}
