import Foundation
import PetitionsDomain
import PropertyBased
import Testing

/// Generators of hostile text: the characters parsers trip on, and valid inputs with a few bytes changed.
enum Hostile {
    /// Characters that look like the ones parsers expect and are not: other digits, other hyphens, controls,
    /// right-to-left marks, combining marks, NUL, emoji, the separators of every format petitions reads.
    static let alphabet: [Character] =
        Array("0123456789-:=., \t\nabcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        + [
            "+", "_", "'", "\"", "\\", "#", "[", "]", "{", "}", "/", "*", "%", ";", "|", "<", ">", "$", "&", "!", "?", "~", "`",
            "\u{0}", "\r", "\u{1B}", "\u{7F}", "\u{200F}", "\u{202E}", "\u{200B}", "\u{FEFF}", "\u{2212}", "\u{2013}", "\u{2014}", "\u{2010}",
            "\u{0661}", "\u{0969}", "\u{FF11}", "\u{00B2}", "\u{00BD}", "\u{2167}", "e\u{301}", "\u{0301}", "ё", "Ж", "ß", "ﬁ", "İ",
            "\u{1F600}", "\u{1F1F7}\u{1F1FA}", "\u{FFFD}", "\u{10FFFF}",
        ]

    /// `n` cases, times $PETITIONS_PROPERTY_SCALE when set (for a longer run than CI's).
    static func cases(_ n: Int) -> Int {
        n * max(1, Int(ProcessInfo.processInfo.environment["PETITIONS_PROPERTY_SCALE"] ?? "") ?? 1)
    }

    /// One character of `alphabet`.
    static let character = Gen<Character?>.element(of: alphabet).map { $0 ?? "x" }

    /// A short string of hostile characters.
    static func text(_ length: ClosedRange<Int> = 0...24) -> Generator<String, some SendableSequenceType> {
        character.string(of: length)
    }

    /// Edits of a valid input: each edit is a number that picks an operation, a position and a character.
    static let edits = Gen.int(in: 0...Int(Int32.max)).array(of: 0...5)

    /// `text` with `edits` applied: a character inserted, deleted, replaced or duplicated, the text cut or repeated.
    static func mutate(_ text: String, _ edits: [Int]) -> String {
        var chars = Array(text)
        for e in edits {
            let position = chars.isEmpty ? 0 : (e / 8) % (chars.count + 1)
            let c = alphabet[(e / 64) % alphabet.count]
            switch e % 8 {
            case 0: chars.insert(c, at: position)
            case 1: if position < chars.count { chars.remove(at: position) }
            case 2: if position < chars.count { chars[position] = c }
            case 3: if position < chars.count { chars.insert(chars[position], at: position) }
            case 4: chars = Array(chars.prefix(position))
            case 5: chars += chars
            case 6: chars.insert(contentsOf: Array(String(e % 100_000_000_000)), at: position)
            default: chars.insert(contentsOf: ["-"], at: position)
            }
            if chars.count > 4_000 { chars = Array(chars.prefix(4_000)) }
        }
        return String(chars)
    }

    /// Runs `parse`; it must return a value or throw a `PetitionsError` whose message is a non-empty sentence,
    /// naming `field` when one is given. Returns the value, or nil after an error.
    static func outcome<T>(
        _ input: String, field: String? = nil, _ parse: () throws -> T,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> T? {
        do {
            return try parse()
        } catch let e as PetitionsError {
            #expect(
                !e.message.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "empty message for \(input.debugDescription)",
                sourceLocation: sourceLocation)
            #expect(e.code == .dataError || e.code == .usage, "\(e.code) for \(input.debugDescription)", sourceLocation: sourceLocation)
            if let field {
                #expect(e.message.contains(field), "\(e.message.debugDescription) does not name \(field)", sourceLocation: sourceLocation)
            }
            return nil
        } catch {
            Issue.record("\(input.debugDescription) threw \(type(of: error)): \(error), not a PetitionsError", sourceLocation: sourceLocation)
            return nil
        }
    }
}
