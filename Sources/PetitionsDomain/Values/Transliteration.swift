import Foundation

/// Latin letters for any name: Latin letters lose their marks (`Zoë` → `Zoe`), letters that are not a base letter with
/// marks are spelled out (`Ł` → `L`, `ß` → `ss`, `Æ` → `AE`, `Ø` → `O`), and Cyrillic and Greek are transliterated
/// (`Пётр` → `Petr`). By table, not through ICU: Foundation's transforms are missing or slow on Linux, and the same
/// name must give the same handle on every machine. Other scripts are left as they are.
public enum Transliteration {
    /// `name` in Latin letters, keeping case where the source has it, and every character that has no Latin form.
    public static func latin(_ name: String) -> String {
        var out = ""
        out.reserveCapacity(name.utf8.count)
        for scalar in name.precomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.isASCII {
                out.unicodeScalars.append(scalar)
            } else if let spelled = spelling(scalar) {
                out += spelled
            } else {
                // A base letter with marks (é, ö, ñ, ễ, ǿ): the base letter, spelled out when it needs to be.
                for part in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars {
                    if part.isASCII {
                        out.unicodeScalars.append(part)
                    } else if let spelled = spelling(part) {
                        out += spelled
                    } else if part.properties.generalCategory != .nonspacingMark {
                        out.unicodeScalars.append(part)
                    }
                }
            }
        }
        return out
    }

    /// The Latin spelling of one letter, capitalised for a capital (`Ж` → `Zh`).
    static func spelling(_ scalar: Unicode.Scalar) -> String? {
        if let s = table[scalar] { return s }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        guard lower.count == 1, let l = lower.first, l != scalar, let s = table[l] else { return nil }
        return s.prefix(1).uppercased() + s.dropFirst()
    }

    /// Lower-case letters with their Latin spelling; capitals are looked up by their lower case.
    static let table: [Unicode.Scalar: String] = {
        var t: [Unicode.Scalar: String] = [:]
        let pairs: [(String, String)] = [
            // Latin letters that are not a base letter with a mark.
            ("ł", "l"), ("ø", "o"), ("æ", "ae"), ("œ", "oe"), ("ß", "ss"), ("đ", "d"), ("ð", "d"), ("þ", "th"), ("ħ", "h"),
            ("ı", "i"), ("ŀ", "l"), ("ŧ", "t"), ("ŋ", "ng"), ("ĸ", "k"), ("ſ", "s"), ("ƒ", "f"), ("ə", "e"),
            // Russian, Ukrainian, Belarusian, Serbian, Macedonian, Bulgarian Cyrillic.
            ("а", "a"), ("б", "b"), ("в", "v"), ("г", "g"), ("д", "d"), ("е", "e"), ("ё", "e"), ("ж", "zh"), ("з", "z"),
            ("и", "i"), ("й", "y"), ("к", "k"), ("л", "l"), ("м", "m"), ("н", "n"), ("о", "o"), ("п", "p"), ("р", "r"),
            ("с", "s"), ("т", "t"), ("у", "u"), ("ф", "f"), ("х", "kh"), ("ц", "ts"), ("ч", "ch"), ("ш", "sh"),
            ("щ", "shch"), ("ъ", ""), ("ы", "y"), ("ь", ""), ("э", "e"), ("ю", "yu"), ("я", "ya"), ("і", "i"),
            ("ї", "yi"), ("є", "ye"), ("ґ", "g"), ("ў", "u"), ("ђ", "dj"), ("ј", "j"), ("љ", "lj"), ("њ", "nj"),
            ("ћ", "c"), ("џ", "dz"), ("ѓ", "gj"), ("ќ", "kj"), ("ѕ", "dz"),
            // Greek.
            ("α", "a"), ("β", "v"), ("γ", "g"), ("δ", "d"), ("ε", "e"), ("ζ", "z"), ("η", "i"), ("θ", "th"), ("ι", "i"),
            ("κ", "k"), ("λ", "l"), ("μ", "m"), ("ν", "n"), ("ξ", "x"), ("ο", "o"), ("π", "p"), ("ρ", "r"), ("σ", "s"),
            ("ς", "s"), ("τ", "t"), ("υ", "y"), ("φ", "f"), ("χ", "ch"), ("ψ", "ps"), ("ω", "o"),
        ]
        for (letter, latin) in pairs {
            if let scalar = letter.unicodeScalars.first { t[scalar] = latin }
        }
        return t
    }()
}
