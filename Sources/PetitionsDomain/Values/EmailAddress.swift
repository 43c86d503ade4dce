/// E-mail addresses as a clerk gives them (`--email`, the web form's E-mail): `name@domain`, with no space.
///
/// Checked where a new value enters (a correction of a party, `office set`), never in the event log's payload checks:
/// a log recorded before the check, or by another office, still imports and verifies, and its address can be corrected.
public enum EmailAddress {
    /// Whether `s` reads as an address: some text, one `@`, a domain of dot-separated labels; no space or control
    /// character anywhere. Deliberately loose otherwise (a quoted local part, an address literal are not checked for).
    public static func isValid(_ s: String) -> Bool {
        guard let at = s.lastIndex(of: "@") else { return false }
        let local = s[..<at]
        let domain = s[s.index(after: at)...]
        guard !local.isEmpty, !domain.isEmpty, !domain.contains("@") else { return false }
        guard !s.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) else { return false }
        return !domain.split(separator: ".", omittingEmptySubsequences: false).contains { $0.isEmpty }
    }

    /// Refuses a value that is not an address, naming the field and the value.
    public static func validate(_ s: String, field: String = "--email") throws {
        guard !isValid(s) else { return }
        throw PetitionsError.invalid(
            field, ControlCharacters.quotable(s),
            "is not an e-mail address; give one like name@example.org (no spaces), or an empty value to clear it")
    }
}
