import Foundation

/// Small pieces of English that every message needs to read as a sentence: a count with its noun in the right
/// number, and the article before a word.
public enum Wording {
    /// `1 working day`, `3 working days`, `1 delivery`, `2 deliveries` (the plural given, else the noun + "s"); the
    /// thousands separated as text shows every number (`36,676 days`).
    public static func count(_ n: Int, _ singular: String, plural: String? = nil) -> String {
        Sentence("\(number(n)) \(n == 1 ? singular : plural ?? singular + "s")").text
    }

    /// `n` as text shows a count: `999`, `1,200`, `36,676`.
    public static func number(_ n: Int) -> String {
        n > -1000 && n < 1000 ? String(n) : Quantity.grouped(Decimal(n))
    }

    /// `an authority`, `a group`, `an event`: the indefinite article before `word`, and the word.
    public static func a(_ word: String) -> String {
        guard let first = word.lowercased().first else { return word }
        return ("aeiou".contains(first) ? "an " : "a ") + word
    }
}
