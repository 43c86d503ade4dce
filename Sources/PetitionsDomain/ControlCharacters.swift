/// Control characters in text: refused where text enters, shown visibly where stored text goes out.
///
/// Tab and newline are text; every other C0 control (NUL, ESC, CR…), DEL and the C1 controls are not: a NUL cuts
/// a value short in C tools, an ESC sequence repaints the clerk's terminal. Nor are the characters that embed,
/// override or isolate a direction of text (U+202A–U+202E, U+2066–U+2069): U+202E makes a name or a subject read as
/// another. This is the one rule for every text a user records (party fields, subjects, notes, file names).
public enum ControlCharacters {
    /// Whether `scalar` is a control character other than tab and newline, or one that turns the text's direction.
    @inline(__always)
    public static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x09 && v != 0x0A) || (0x7F...0x9F).contains(v) || turnsDirection(scalar)
    }

    /// Whether `scalar` embeds, overrides or isolates a direction of text (U+202A–U+202E, U+2066–U+2069).
    @inline(__always)
    public static func turnsDirection(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// The first refused character in `text`, or nil. Scans bytes first: almost all text has none.
    public static func first(in text: String) -> Unicode.Scalar? {
        // ASCII controls are single bytes; C1 controls are 0xC2 0x80–0x9F in UTF-8; U+2000–U+2FFF start with 0xE2.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) else { return nil }
        return text.unicodeScalars.first(where: isRefused)
    }

    /// Refuses `text` when it holds a control character other than tab and newline, or one that turns the text's
    /// direction, naming `field`.
    public static func refuse(_ text: String, field: String) throws {
        guard let c = first(in: text) else { return }
        if turnsDirection(c) {
            throw PetitionsError(
                "\(field) \(quoted(visible(text))) holds \(code(c)), which turns the text's direction and can make it read as another; give it without.",
                field: field, kind: .invalid)
        }
        throw PetitionsError(
            "\(field) \(quoted(visible(text))) holds the control character \(code(c)); text may hold tabs and new lines but no other control characters.",
            field: field, kind: .invalid)
    }

    /// `text` as an error message quotes it back: refused characters, tabs, new lines and the Unicode line and paragraph
    /// separators (U+2028, U+2029, which break a line as a new line does) written as `\u0009`, so that the sentence
    /// stays one line and nothing in it acts on the terminal.
    public static func quotable(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if isRefused(s) || s == "\t" || s == "\n" || s == "\u{2028}" || s == "\u{2029}" {
                out.append(contentsOf: code(s).unicodeScalars)
            } else {
                out.append(s)
            }
        }
        return String(out)
    }

    /// `text` with each control character other than tab and newline written as `\u001B`, so that what is stored
    /// shows on a terminal without acting on it.
    public static func visible(_ text: String) -> String {
        guard first(in: text) != nil else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if isRefused(s) { out.append(contentsOf: code(s).unicodeScalars) } else { out.append(s) }
        }
        return String(out)
    }

    /// `\u001B`.
    static func code(_ s: Unicode.Scalar) -> String {
        let hex = String(s.value, radix: 16, uppercase: true)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

extension Party {
    /// The party with every text written visibly (`ControlCharacters.visible`), for a text renderer.
    public var visible: Party {
        let v = ControlCharacters.visible
        var p = self
        p.name = v(name)
        p.handle = v(handle)
        p.office = v(office)
        p.district = district.map(v)
        p.occupation = occupation.map(v)
        p.address = address.map(v)
        p.phone = phone.map(v)
        p.email = email.map(v)
        p.note = note.map(v)
        p.parent = parent.map(v)
        p.dependants = dependants?.map { Dependant(name: v($0.name), category: v($0.category)) }
        p.groups = groups?.map(v)
        p.members = members?.map(v)
        p.chain = chain?.map(v)
        p.counts = counts?.map { HeadCount(category: v($0.category), count: $0.count) }
        return p
    }
}

extension Petition {
    /// The petition with every text written visibly, for a text renderer.
    public var visible: Petition {
        let v = ControlCharacters.visible
        var p = self
        p.petitioner = v(petitioner)
        p.authority = v(authority)
        p.via = via.map(v)
        p.subject = v(subject)
        p.category = category.map(v)
        p.office = v(office)
        return p
    }
}

extension Letter {
    /// The letter with every text written visibly, for a text renderer.
    public var visible: Letter {
        let v = ControlCharacters.visible
        var l = self
        l.from = v(from)
        l.to = v(to)
        l.subject = v(subject)
        l.summary = summary.map(v)
        l.office = v(office)
        return l
    }
}
