import PetitionsDomain

extension TOMLFile {
    /// Refuses, with the line, the malformed TOML that TOMLKit's toml++ 3.4 does not report but aborts on.
    ///
    /// toml++ checks some of its parser's invariants with assertions that stay on in release builds, so a clerk's
    /// half-typed file would crash `petitions check` (SIGABRT) instead of getting an error. Found by the property
    /// tests (Tests/PetitionsPropertyTests); the cases are:
    /// - a table header whose name does not start like a key: `[` alone on a line, `[ # x`, `[é]`;
    /// - `}` where an element of a list should start: `[1, }]`;
    /// - characters TOML allows only inside quotes, e.g. U+2028 or U+0085 between the elements of a list.
    /// The scan follows strings, comments, lists and inline tables far enough to look only where toml++ would.
    // Longer than 60 lines on purpose: one scanner over the TOML text, before toml++ sees it.
    static func refuseWhatAbortsTheParser(_ text: String, source: String) throws {
        let s = Array(text.unicodeScalars)
        var i = s.first == "\u{FEFF}" ? 1 : 0
        var line = 1
        var lineStart = true
        var open: [Unicode.Scalar] = []  // the lists and inline tables the scan is inside
        var elementExpected = false  // right after a list's `[` or `,`
        func fail(_ message: String) -> PetitionsError { PetitionsError("\(source), line \(line): \(message)") }
        func shown(_ c: Unicode.Scalar) -> String {
            let code =
                "U+" + String(repeating: "0", count: max(0, 4 - String(c.value, radix: 16).count)) + String(c.value, radix: 16, uppercase: true)
            if c == "\n" || c == "\r" { return "the end of the line" }
            if c.properties.isWhitespace || c.properties.generalCategory == .control || c.properties.generalCategory == .format { return code }
            return c.isASCII ? quoted(String(c)) : "\(quoted(String(c))) (\(code))"
        }
        // `\u0000` or `\U00000000` after a backslash at `j`: toml++ keeps the NUL, and the text reaches us cut short
        // before it (a holiday "Xmas\u0000 eve" was stored as "Xmas", an office "a\u0000b" recorded events as "a").
        func nulEscape(at j: Int) -> String? {
            guard j < s.count, s[j] == "u" || s[j] == "U" else { return nil }
            let n = s[j] == "u" ? 4 : 8
            guard j + n < s.count, s[(j + 1)...(j + n)].allSatisfy({ $0 == "0" }) else { return nil }
            return String(String.UnicodeScalarView(s[j...(j + n)]))
        }
        func skipLine() { while i < s.count, s[i] != "\n" { i += 1 } }
        func skipString(_ quote: Unicode.Scalar) throws {
            let triple = i + 2 < s.count && s[i + 1] == quote && s[i + 2] == quote
            i += triple ? 3 : 1
            while i < s.count {
                let c = s[i]
                if quote == "\"" && c == "\\" {
                    if let escape = nulEscape(at: i + 1) {
                        throw fail("a string holds \\\(escape) (the character NUL), which would cut the text short there; leave it out.")
                    }
                    i += 2
                    continue
                }
                if c == "\n" {
                    if !triple { return }
                    line += 1
                }
                if c == quote, !triple || (i + 2 < s.count && s[i + 1] == quote && s[i + 2] == quote) {
                    i += triple ? 3 : 1
                    return
                }
                i += 1
            }
        }
        while i < s.count {
            let c = s[i]
            if c == "\n" {
                line += 1
                lineStart = true
                i += 1
                continue
            }
            if c == " " || c == "\t" || c == "\r" {
                i += 1
                continue
            }
            if c == "#" {
                skipLine()
                continue
            }
            if !c.isASCII {
                throw fail("\(shown(c)) may only appear inside quotes or a comment.")
            }
            if lineStart && open.isEmpty && c == "[" {
                var j = i + 1
                if j < s.count, s[j] == "[" { j += 1 }
                while j < s.count, s[j] == " " || s[j] == "\t" { j += 1 }
                if j < s.count, !TOMLFile.startsHeaderName(s[j]) {
                    throw fail("a table header must name its table, e.g. [[rule]]; this one has \(shown(s[j])) after its bracket.")
                }
                lineStart = false
                while i < s.count, s[i] != "\n", s[i] != "#" {
                    if s[i] == "\"" || s[i] == "'" { try skipString(s[i]) } else { i += 1 }
                }
                continue
            }
            lineStart = false
            if elementExpected && c == "}" {
                throw fail("'}' stands where an element of a list should; close the list with ']' first.")
            }
            elementExpected = false
            switch c {
            case "\"", "'":
                try skipString(c)
                continue
            case "[":
                open.append("[")
                elementExpected = true
            case "{": open.append("{")
            case "]", "}": _ = open.popLast()
            case ",": elementExpected = open.last == "["
            default: break
            }
            i += 1
        }
    }

    /// Characters a table name may start with (bare keys are ASCII in TOML 1.0), or that toml++ reports itself.
    static func startsHeaderName(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "a"..."z", "A"..."Z", "0"..."9", "_", "-", "\"", "'", "]", "\0": return true
        default: return false
        }
    }
}
