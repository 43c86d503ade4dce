import Foundation

/// Handles: lower-case slugs that name parties and decrees.
public enum Handle {
    /// Whether `s` is a valid handle: lower-case letters, digits and single hyphens, starting with a letter.
    /// Byte by byte: Character's Unicode properties cost ten percent of an import, which checks every row's handle.
    public static func isValid(_ s: String) -> Bool {
        let bytes = s.utf8
        guard let f = bytes.first, f >= UInt8(ascii: "a"), f <= UInt8(ascii: "z"), bytes.count <= 64 else { return false }
        var afterHyphen = false
        for b in bytes {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                afterHyphen = false
            case UInt8(ascii: "-"):
                if afterHyphen { return false }
                afterHyphen = true
            default:
                return false
            }
        }
        return !afterHyphen
    }

    /// Checks a handle the user gave.
    public static func validate(_ s: String, field: String = "--handle") throws -> String {
        guard isValid(s) else {
            throw PetitionsError.invalid(
                field, s, "is not a valid handle; use lower-case letters, digits and hyphens, starting with a letter, e.g. 'dmitrov-post'")
        }
        return s
    }

    /// Words the office's web pages use in a party's address (`/parties/new`, `/parties/{handle}/edit`): a party
    /// with such a handle could not be reached by its page, so none is given one.
    public static let reservedForParties: Set<String> = ["new", "edit", "join", "leave", "dependants", "remove"]

    /// Refuses a party's handle the pages' addresses use (`reservedForParties`); nil passes.
    public static func refuseReserved(_ given: String?, field: String = "--handle") throws {
        guard let given, reservedForParties.contains(given.lowercased()) else { return }
        throw PetitionsError.invalid(
            field, given, "is a word the office's pages use in their addresses (/parties/\(given.lowercased())); choose another handle")
    }

    static let posix = Locale(identifier: "en_US_POSIX")
    static let latinWords = LatinWords()

    /// Words transliterated to Latin and folded to ASCII, remembered (up to a bound) because ICU is slow.
    final class LatinWords: @unchecked Sendable {
        private let lock = NSLock()
        private var known: [String: String] = [:]

        func latin(_ word: String) -> String {
            if let hit = lock.withLock({ known[word] }) { return hit }
            // Our table first (every Latin special and Cyrillic, the same on every machine), then ICU for other
            // scripts where Foundation has it.
            var latin = Transliteration.latin(word)
            if !latin.unicodeScalars.allSatisfy(\.isASCII) { latin = latin.applyingTransform(.toLatin, reverse: false) ?? latin }
            let folded = latin.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Handle.posix)
            lock.withLock {
                if known.count >= 50_000 { known.removeAll(keepingCapacity: true) }
                known[word] = folded
            }
            return folded
        }
    }

    /// A handle made from a name: folded to ASCII, lower-case, words joined by hyphens.
    public static func slug(from name: String) -> String {
        // Transliteration is costly (a bulk import makes a million handles) and changes nothing in ASCII.
        var out = ""
        var lastHyphen = true
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(name.utf8.count)
            for b in name.utf8 where b != UInt8(ascii: "'") {
                switch b {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    bytes.append(b)
                    lastHyphen = false
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    bytes.append(b + 32)
                    lastHyphen = false
                default:
                    if !lastHyphen {
                        bytes.append(UInt8(ascii: "-"))
                        lastHyphen = true
                    }
                }
            }
            out = String(decoding: bytes, as: UTF8.self)
        } else {
            // Word by word, through a cache: names repeat their words (Ivan, Petrov), and ICU is slow.
            let folded = name.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
                word.utf8.allSatisfy({ $0 < 0x80 }) ? String(word) : latinWords.latin(String(word))
            }.joined(separator: " ")
            for ch in folded.lowercased() where ch != "'" && ch != "\u{2019}" {
                if ch.isASCII && (ch.isLetter || ch.isNumber) {
                    out.append(ch)
                    lastHyphen = false
                } else if !lastHyphen {
                    out.append("-")
                    lastHyphen = true
                }
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        if out.count > 48 {
            // At the end of the last whole word that fits (`…-lebedeva`, not `…-lebedeva-ri`), unless that would leave
            // less than half: a first word of 30 letters is cut rather than made the whole handle.
            let cut = out.prefix(48)
            let whole = out.dropFirst(48).first == "-" ? cut[...] : cut[..<(cut.lastIndex(of: "-") ?? cut.endIndex)]
            out = String(whole.count >= 24 ? whole : cut)
            while out.hasSuffix("-") { out.removeLast() }
        }
        if out.isEmpty || !(out.first?.isLetter ?? false) { out = "p-" + out }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }
}

/// The known string closest to `s` by edit distance, when it is close enough to be a likely typo. A string longer than
/// a line may be (`TextLimits.line`) is no typo of a handle or a name, and has none: the edit distances cost its
/// length times every candidate's, and a 200,000-character party sent in a form held the server for minutes.
public func closest(to s: String, among candidates: [String]) -> String? {
    guard s.count <= TextLimits.line else { return nil }
    var best: (String, Int)?
    let a = Array(s.lowercased())
    for c in candidates {
        let d = editDistance(a, Array(c.lowercased()))
        if best == nil || d < best!.1 { best = (c, d) }  // safe: checked for nil first
    }
    guard let (name, d) = best else { return nil }
    let limit = max(2, a.count / 3)
    if d <= limit { return name }
    if name.lowercased().hasPrefix(s.lowercased()) || s.lowercased().hasPrefix(name.lowercased()) { return name }
    // A handle is made of the words of a name: `kropotkin` is a likely way to ask for the one handle with that word.
    let word = s.lowercased()
    let holding = candidates.filter { $0.lowercased().split(separator: "-").contains { $0 == word } }
    if holding.count == 1 { return holding[0] }
    // An abbreviation (`d18` for `decree-1918`): its letters and digits in order within one handle only, which begins
    // with the same letter.
    let wanted = Array(word.filter { $0.isLetter || $0.isNumber })
    guard wanted.count >= 2 else { return nil }
    let abbreviated = candidates.filter { c in
        let letters = Array(c.lowercased().filter { $0.isLetter || $0.isNumber })
        guard letters.first == wanted.first else { return false }
        var i = 0
        for ch in letters where i < wanted.count && ch == wanted[i] { i += 1 }
        return i == wanted.count
    }
    return abbreviated.count == 1 ? abbreviated[0] : nil
}

func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var prev = Array(0...b.count)
    var cur = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        cur[0] = i
        for j in 1...b.count {
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&prev, &cur)
    }
    return prev[b.count]
}
