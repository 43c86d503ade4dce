import Foundation

/// The text side of full-text search, pure: how a query is made safe for SQLite's FTS5 and folded the way the
/// index is (schema v4's `search_folded` view), and how a snippet marks the words a query matched.
public enum SearchText {
    /// The letters that SQLite's unicode61 tokenizer does not fold to a base letter, as the index writes them.
    /// The same pairs as the `replace(...)` chain of the `search_folded` view; Greek letters are in `greekBase`.
    public static let foldedLetters: [(Character, String)] = [
        ("Ł", "l"), ("ł", "l"), ("Ø", "o"), ("ø", "o"), ("ß", "ss"), ("ẞ", "ss"), ("Æ", "ae"), ("æ", "ae"), ("Œ", "oe"), ("œ", "oe"),
        ("Đ", "d"), ("đ", "d"), ("Ð", "d"), ("ð", "d"), ("Þ", "th"), ("þ", "th"), ("ı", "i"), ("Ħ", "h"), ("ħ", "h"), ("Ё", "е"), ("ё", "е"),
    ]

    private static let letterMap: [Character: String] = Dictionary(foldedLetters.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })

    /// The longest query accepted, in characters.
    public static let maximumLength = 500

    /// The query as FTS5 reads it: the index's folded letters written as it writes them, and every word that holds
    /// punctuation FTS5 would take for syntax (`pyotr-kropotkin`, `o'brien`, `3.5`) quoted as a phrase. Quotes,
    /// parentheses, `*`, `^`, `+` and the operators AND, OR, NOT and NEAR keep their meaning.
    public static func ftsQuery(_ query: String) -> String {
        var out = ""
        var word = ""
        var inQuote = false
        func flush(before next: Character? = nil) {
            defer { word = "" }
            guard !word.isEmpty else { return }
            if ["AND", "OR", "NOT", "NEAR"].contains(word) || word.allSatisfy(isBareword) {
                out += word
                // Chinese and Japanese are written without spaces: the tokenizer keeps a whole run of ideographs or
                // kana as one token, so 山田 would find 山田太郎 only as a prefix. A bare word in those scripts is one.
                if next != "*", word.unicodeScalars.contains(where: isUnspaced) { out += "*" }
            } else if word.contains(where: { $0.isLetter || $0.isNumber }) {
                // Quoted as a phrase; a word without a letter or digit adds nothing to search for.
                out += "\"" + word + "\""
            }
        }
        for ch in query.map(foldLetter).joined() {
            if inQuote {
                out.append(ch)
                if ch == "\"" { inQuote = false }
            } else if ch == "\"" {
                flush()
                out.append(ch)
                inQuote = true
            } else if ch.isWhitespace || "()*^+".contains(ch) {
                flush(before: ch)
                out.append(ch)
            } else {
                word.append(ch)
            }
        }
        flush()
        return out
    }

    /// The first word outside quotes that begins with "-" and holds a letter or digit (`-petr`, `--kinds`): search
    /// engines read it as "leave this word out", FTS5 as a syntax error, and a shell user may have meant an option.
    public static func dashedWord(_ query: String) -> String? {
        var inQuote = false
        var word = ""
        for ch in query + " " {
            if ch == "\"" { inQuote.toggle() }
            if inQuote || ch.isWhitespace || "()\"".contains(ch) {
                if word.hasPrefix("-"), word.contains(where: { $0.isLetter || $0.isNumber }) { return word }
                word = ""
            } else {
                word.append(ch)
            }
        }
        return nil
    }

    /// A letter of a script written without spaces between words: CJK ideographs, hiragana, katakana, Thai, Lao, Khmer.
    private static func isUnspaced(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F, 0x0E00...0x0EFF, 0x1780...0x17FF: return true
        default: return false
        }
    }

    private static func isBareword(_ ch: Character) -> Bool {
        ch.isLetter || ch.isNumber || ch == "_" || ch.unicodeScalars.first.map { $0.value >= 0x80 } == true
    }

    private static func foldLetter(_ ch: Character) -> String { letterMap[ch] ?? greekBase(ch) ?? String(ch) }

    /// A Greek letter with breathings, accents, a diaeresis or an iota subscript (`Ἀ`, `ῆ`, `ᾅ`) as the base letter the
    /// index writes it as (schema v7's `search_fold_letter`, made from the same decompositions): the tokenizer folds
    /// neither. Nil for any other character.
    static func greekBase(_ ch: Character) -> String? {
        guard let first = ch.unicodeScalars.first, (0x0386...0x03D4).contains(first.value) || (0x1F00...0x1FFC).contains(first.value),
            isLetter(first), let base = String(ch).decomposedStringWithCanonicalMapping.unicodeScalars.first,
            base != first || ch.unicodeScalars.count > 1, (0x0370...0x03FF).contains(base.value), isLetter(base)
        else { return nil }
        return String(base)
    }

    private static func isLetter(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// A word folded for comparison: the index's letters, then case and diacritics (`Łódź` → `lodz`, `Pëtr` → `petr`).
    public static func fold(_ word: String) -> String {
        let mapped = word.map(foldLetter).joined()
        var scalars = String.UnicodeScalarView()
        for s in mapped.decomposedStringWithCanonicalMapping.unicodeScalars where s.properties.generalCategory != .nonspacingMark {
            scalars.append(s)
        }
        return String(scalars).lowercased()
    }

    /// The words a query searches for, folded, each with whether it is a prefix (`prov*`); operators left out.
    public static func terms(_ query: String) -> [(word: String, prefix: Bool)] {
        var terms: [(String, Bool)] = []
        var word = ""
        var quoted = false
        func flush(_ next: Character?) {
            defer { word = "" }
            guard !word.isEmpty, quoted || !["AND", "OR", "NOT", "NEAR"].contains(word) else { return }
            terms.append((fold(word), next == "*" || (!quoted && word.unicodeScalars.contains(where: isUnspaced))))
        }
        for ch in query {
            if ch.isLetter || ch.isNumber || ch.unicodeScalars.contains(where: { $0.properties.generalCategory == .nonspacingMark }) {
                word.append(ch)
            } else {
                flush(ch)
                if ch == "\"" { quoted.toggle() }
            }
        }
        flush(nil)
        return terms
    }

    /// The marks around a matched word in a snippet: ⟦ and ⟧ (U+27E6, U+27E7, mathematical white square brackets),
    /// which letters, petitions and notes do not use, so brackets, quotes and «guillemets» in a record's own text are
    /// never taken for a match. The JSON's `matches` says exactly where the marked words are.
    public static let open: Character = "⟦"
    public static let close: Character = "⟧"

    /// Up to `width` words of `text` around the first one a term matches, the matched words between ⟦ and ⟧, and `…`
    /// where words were left out.
    public static func snippet(_ text: String, terms: [(word: String, prefix: Bool)], width: Int = 16) -> String {
        marked(text, terms: terms, width: width).snippet
    }

    /// The snippet, and where each matched word is in it: `[start, length]` in Unicode code points (the word itself,
    /// without its marks), so that a program reading the JSON finds the matches whatever the text holds.
    public static func marked(
        _ text: String, terms: [(word: String, prefix: Bool)], width: Int = 16
    ) -> (snippet: String, matches: [[Int]]) {
        var tokens: [Range<String.Index>] = []
        var start: String.Index?
        for i in text.indices {
            let inWord = text[i].isLetter || text[i].isNumber
            if inWord, start == nil { start = i }
            if !inWord, let s = start {
                tokens.append(s..<i)
                start = nil
            }
        }
        if let s = start { tokens.append(s..<text.endIndex) }
        let matched = tokens.map { range in
            let w = fold(String(text[range]))
            return terms.contains { $0.prefix ? w.hasPrefix($0.word) : w == $0.word }
        }
        let first = matched.firstIndex(of: true) ?? 0
        let from = tokens.count <= width ? 0 : max(0, min(first - 3, tokens.count - width))
        let to = min(tokens.count, from + width)
        guard from < to else { return (text, []) }
        var out = from > 0 ? "…" : ""
        var offset = out.unicodeScalars.count
        var matches: [[Int]] = []
        var cursor = from > 0 ? tokens[from].lowerBound : text.startIndex
        for k in from..<to {
            let gap = text[cursor..<tokens[k].lowerBound]
            out += gap
            offset += gap.unicodeScalars.count
            let word = text[tokens[k]]
            let length = word.unicodeScalars.count
            if matched[k] {
                out.append(open)
                out += word
                out.append(close)
                matches.append([offset + 1, length])
                offset += length + 2
            } else {
                out += word
                offset += length
            }
            cursor = tokens[k].upperBound
        }
        if to < tokens.count { out += " …" } else { out += text[cursor...] }
        return (out, matches)
    }
}
