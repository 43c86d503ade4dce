import Foundation

/// Who records an event and for which office: the one check of an actor's or an office's name, wherever it comes from
/// (`--actor`, `$PETITIONS_ACTOR`, `$USER`, `--office`, `$PETITIONS_OFFICE`, the configuration file, another office's
/// event log), so that no source records a name the others would refuse.
public enum RecorderName {
    /// The longest an actor's or office's name may be, in characters: a name, not a text.
    public static let longest = 200

    /// Refuses `value`, given for `field` (an option, a variable, a file's key), when it cannot be a name: empty (an
    /// unset shell variable, which recorded 'unknown' without a word), over `longest` characters, or holding a line
    /// break or control character. `what` says what the name is for. Any other name is taken: offices recording into
    /// one shared ledger each give their own.
    public static func refuse(_ value: String, field: String, what: String) throws {
        if value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw PetitionsError.invalid(field, value, "is empty; give \(what), or leave \(field) out")
        }
        if value.count > longest {
            throw PetitionsError(
                "\(field) is \(Quantity.grouped(Decimal(value.count))) characters long; \(what) is one line of at most \(longest) characters.",
                field: field, kind: .invalid)
        }
        if value.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
            throw PetitionsError(
                "\(field) \(quoted(ControlCharacters.quotable(value))) holds a line break; \(what) is one line.", field: field, kind: .invalid)
        }
        try ControlCharacters.refuse(value, field: field)
    }
}
