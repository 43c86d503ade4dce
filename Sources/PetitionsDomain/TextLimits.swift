import Foundation

/// How long a recorded text may be. Every value recorded passes through the event log, so the limits are checked once
/// there (`Ledger.appendEvent`), whatever the front end: the command line, a CSV row, the API, another office's log.
///
/// A name, handle, subject, title or the like is a line: at most `line` characters (a 900,000-character subject made
/// `petition list` print 22,000 lines). A case note, a letter's summary, a receipt's note or the reason for a
/// correction is free text of at most `note` characters (a 900,000-character note was taken whole and drawn on every
/// view of its petition). Settings (a rules file) are longer, at most `text` characters each.
public enum TextLimits {
    /// The longest a one-line value may be, in characters.
    public static let line = 1_000
    /// The longest a note, summary or reason may be, in characters: some ten typed pages.
    public static let note = 20_000
    /// The longest any other text may be, in characters.
    public static let text = 1_000_000

    /// Payload keys whose values are free text written by a caseworker: a note, a summary, a reason.
    public static let noteKeys: Set<String> = ["text", "note", "summary", "reason"]

    /// Payload keys whose values are one line.
    public static let lineKeys: Set<String> = [
        "name", "handle", "subject", "title", "category", "district", "occupation", "phone", "email", "address", "channel",
        "commodity", "unit", "rule", "what",
    ]

    /// Line keys whose values may still run over several lines (a postal address, a district with its village below).
    static let multiLineKeys: Set<String> = ["address", "district"]

    /// The sentence refusing `value` of `key` when it is longer than its limit, or holds a line break where one line
    /// is meant (a name with a new line printed half of itself on the next line of every listing), or nil.
    public static func problem(key: String, value: String) -> PetitionsError? {
        if lineKeys.contains(key), !multiLineKeys.contains(key), value.utf8.contains(where: { $0 == 0x0A || $0 == 0xE2 }),
            value.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\u{2028}" || $0 == "\u{2029}" })
        {
            return PetitionsError(
                "\(key) \(quoted(ControlCharacters.quotable(value))) holds a line break; \(Wording.a(key)) is one line.", field: key, kind: .invalid)
        }
        // A tab in a name or a subject is a control character there: it pushes the columns of every listing apart.
        if lineKeys.contains(key), !multiLineKeys.contains(key), value.utf8.contains(0x09) {
            return PetitionsError(
                "\(key) \(quoted(value)) holds the control character \\u0009 (a tab); \(Wording.a(key)) is one line, of no control characters.",
                field: key, kind: .invalid)
        }
        // Characters are at least as many bytes as characters: a short value needs no count.
        let limit = lineKeys.contains(key) ? line : noteKeys.contains(key) ? note : text
        guard value.utf8.count > limit, value.count > limit else { return nil }
        let what =
            lineKeys.contains(key)
            ? "\(Wording.a(key)) is one line of at most \(grouped(limit)) characters"
            : noteKeys.contains(key)
                ? "a note, summary or reason may be at most \(grouped(limit)) characters" : "a text may be at most \(grouped(limit)) characters"
        return PetitionsError("\(key) is \(grouped(value.count)) characters long; \(what).", field: key, kind: .invalid)
    }

    static func grouped(_ n: Int) -> String { Quantity.grouped(Decimal(n)) }
}
