import PetitionsDomain

/// A record a new record refers to, which came to be on a day of its own.
public enum DatedReference: Sendable, Equatable {
    /// A petition, logged on its `opened` day.
    case petition(Int64)
    /// A letter, dated its `on` day.
    case letter(Int64)
    /// A decree (handle or id), issued on its `issued` day.
    case decree(String)
    /// A party (handle or id), recorded on the day of the event that added it.
    case party(String)
}

/// What is unusual about the day of a record just made (a case note, a correction, an attachment, an enrolment, a
/// change to a party's members or household): a sentence for the front end to show as a warning for each record it
/// refers to that came to be only later. Such records are kept all the same (a note typed up from an old file, a scan
/// of an earlier paper, an enrolment backdated to a decree's start, a household as it was before the office opened),
/// never silently; so are records dated after today (unless `afterToday` is usual for the record, as for an enrolment
/// that starts next month). Reads only.
public struct CheckDates: UseCase {
    /// The new record and its day, as the sentence begins: "the note is dated", "the enrolment starts on".
    public var what: String
    public var on: Day
    public var references: [DatedReference]
    /// Whether a day after today is worth a warning: a note or an attachment cannot have been written yet.
    public var warnAfterToday: Bool

    public init(_ what: String, on: Day, references: [DatedReference], warnAfterToday: Bool = true) {
        self.what = what
        self.on = on
        self.references = references
        self.warnAfterToday = warnAfterToday
    }

    public func run(in workspace: Workspace) throws -> [String] {
        // A day after today is a typing slip as often as a plan (1902 for 1920 is caught by the references).
        let future = warnAfterToday && on > workspace.today ? ["\(what) \(on), after today (\(workspace.today)); it is recorded all the same."] : []
        let found = try? workspace.reading { l in
            references.compactMap { reference -> String? in
                switch reference {
                case .petition(let id):
                    guard let p = try? l.petition(id), on < p.opened else { return nil }
                    return "\(what) \(on), before petition \(id) was logged on \(p.opened); it is recorded all the same."
                case .letter(let id):
                    guard let letter = try? l.letter(id), on < letter.on else { return nil }
                    return "\(what) \(on), before letter \(id), which is dated \(letter.on); it is recorded all the same."
                case .decree(let ref):
                    guard let d = try? l.decree(ref), on < d.issued else { return nil }
                    return "\(what) \(on), before decree \(d.handle) was issued on \(d.issued); it is recorded all the same."
                case .party(let ref):
                    guard let p = try? l.recorded(party: ref), on < p.on else { return nil }
                    let noun = p.kind == .person ? "petitioner" : p.kind.rawValue
                    return "\(what) \(on), before \(noun) \(p.handle) was recorded on \(p.on); it is recorded all the same."
                }
            }
        }
        return future + (found ?? [])
    }
}
