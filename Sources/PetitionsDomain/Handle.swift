import Foundation

/// Handles: lower-case slugs that name parties and decrees.
public enum Handle {
    /// Whether `s` is a valid handle: lower-case letters, digits and single hyphens, starting with a letter.
    public static func isValid(_ s: String) -> Bool {
        guard let f = s.first, f.isASCII, f.isLetter, s.count <= 64 else { return false }
        guard !s.hasSuffix("-"), !s.contains("--") else { return false }
        return s.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
    }

    /// Checks a handle the user gave.
    public static func validate(_ s: String, field: String = "--handle") throws -> String {
        guard isValid(s) else {
            throw PetitionsError.invalid(field, s, "is not a valid handle; use lower-case letters, digits and hyphens, starting with a letter, e.g. 'dmitrov-post'")
        }
        return s
    }

    /// A handle made from a name: folded to ASCII, lower-case, words joined by hyphens.
    public static func slug(from name: String) -> String {
        let latin = name.applyingTransform(.toLatin, reverse: false) ?? name
        let folded = latin.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var out = ""
        var lastHyphen = true
        for ch in folded.lowercased() where ch != "'" && ch != "\u{2019}" {
            if ch.isASCII && (ch.isLetter || ch.isNumber) {
                out.append(ch); lastHyphen = false
            } else if !lastHyphen {
                out.append("-"); lastHyphen = true
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        if out.count > 48 {
            out = String(out.prefix(48))
            while out.hasSuffix("-") { out.removeLast() }
        }
        if out.isEmpty || !(out.first?.isLetter ?? false) { out = "p-" + out }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }
}

/// The known string closest to `s` by edit distance, when it is close enough to be a likely typo.
public func closest(to s: String, among candidates: [String]) -> String? {
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
    return nil
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
