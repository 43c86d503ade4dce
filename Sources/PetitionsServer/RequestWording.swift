import PetitionsApp

extension PetitionsError {
    /// The sentence as a request's sender should read it: each command-line option it names (`--in-reply-to`,
    /// `--as-of`) named as the request's field (`in_reply_to`, `as_of`), since bodies and queries use the options'
    /// names in snake_case. Text in single quotes, a value the sender gave as `quoted` writes it, is left alone.
    var requestMessage: String { PetitionsError.requestWording(message) }

    /// `message` with its options named as request fields (`requestMessage`), and without the advice it gives for
    /// the command line: a command in parentheses (`(user role NAME --to admin)`) or after "with" (``with `petitions
    /// delivery schedule` ``), which no request can run and whose options would read as nonsense renamed as fields.
    static func requestWording(_ message: String) -> String {
        let advice = message.replacing(#/ \([a-z][^()']*--[a-z][^()']*\)/#, with: "").replacing(#/ with `petitions [^`]*`/#, with: "")
        return fieldWording(advice)
    }

    /// `message` with each option it names (`--in-reply-to`) written as the request's field (`in_reply_to`).
    static func fieldWording(_ message: String) -> String {
        let s = Array(message.unicodeScalars)
        var out = String.UnicodeScalarView()
        var inQuote = false
        var i = 0
        func isWord(_ k: Int) -> Bool { k >= 0 && k < s.count && (s[k].properties.isAlphabetic || ("0"..."9").contains(s[k])) }
        while i < s.count {
            let c = s[i]
            if c == "'" {
                // A quote opens after a space or the start (not an apostrophe inside a word) and closes before one.
                if inQuote ? !isWord(i + 1) : !isWord(i - 1) { inQuote.toggle() }
                out.append(c)
                i += 1
                continue
            }
            let starts = c == "-" && i + 2 < s.count && s[i + 1] == "-" && ("a"..."z").contains(s[i + 2])
            if !inQuote, starts, !isWord(i - 1), i == 0 || s[i - 1] != "-" {
                var j = i + 2
                while j < s.count, ("a"..."z").contains(s[j]) || ("0"..."9").contains(s[j]) || (s[j] == "-" && isWord(j + 1)) { j += 1 }
                for scalar in s[(i + 2)..<j] { out.append(scalar == "-" ? "_" : scalar) }
                i = j
                continue
            }
            out.append(c)
            i += 1
        }
        return String(out)
    }
}
