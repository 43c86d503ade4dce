/// Small pieces of English that every message needs to read as a sentence: a count with its noun in the right
/// number, and the article before a word.
public enum Wording {
    /// `1 working day`, `3 working days`, `1 delivery`, `2 deliveries` (the plural given, else the noun + "s").
    public static func count(_ n: Int, _ singular: String, plural: String? = nil) -> String {
        Sentence("\(n) \(n == 1 ? singular : plural ?? singular + "s")").text
    }

    /// `an authority`, `a group`, `an event`: the indefinite article before `word`, and the word.
    public static func a(_ word: String) -> String {
        guard let first = word.lowercased().first else { return word }
        return ("aeiou".contains(first) ? "an " : "a ") + word
    }
}
