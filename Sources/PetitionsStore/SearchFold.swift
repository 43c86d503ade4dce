import GRDB
import PetitionsDomain

/// The search index's folding, done in Swift for an import's set-wise fill: what the `search_folded` view (over
/// `search_greek`) writes for a title or body, one character at a time.
///
/// The view folds in SQL: a Greek letter with diacritics by one `replace()` a row of `search_fold_letter` (in a
/// recursive query), then the letters the tokenizer leaves alone by a chain of 21 `replace()`s (`SearchText.foldedLetters`,
/// the same pairs), each guarded by a `GLOB`. Read for the 100,000 persons of an import, that was 12.9 billion
/// instructions (callgrind, the sqlite3 shell), against 1.8 billion for the unfolded `search_source` it reads.
///
/// Every letter either fold replaces is one character (the table's CHECKs; the pairs above), and every one lies inside
/// its guard (a Greek letter in `Ά-ϔ` or `ἀ-ῼ`, a Latin one outside ` -~`), so the view's result is each character of
/// the text mapped on its own: a Greek letter through the table's rows in order, then through the Latin pairs in order.
/// `init` works that map out from the ledger's own table and refuses (nil) a table that breaks those conditions; the
/// import then fills the index from the view as before. `verify` compares the index with the view.
struct SearchFold {
    /// Characters and what the view writes for each; any other character is written as it is.
    private let map: [UInt32: String]

    /// The fold of the ledger's `search_fold_letter`, or nil when a row of it is not a single Greek letter in the
    /// view's ranges with a single character for its base.
    init?(_ db: Database) throws {
        var greek: [(letter: Unicode.Scalar, base: Unicode.Scalar)] = []
        for row in try Row.fetchAll(db, sql: "SELECT letter, base FROM search_fold_letter ORDER BY n") {
            guard let letter: String = row["letter"], let base: String = row["base"],
                let l = SearchFold.only(letter), let b = SearchFold.only(base), SearchFold.isGreekGuarded(l)
            else { return nil }
            greek.append((l, b))
        }
        var latin: [(letter: Unicode.Scalar, text: String)] = []
        for (ch, text) in SearchText.foldedLetters {
            guard let l = SearchFold.only(String(ch)), l.value > 0x7E else { return nil }
            latin.append((l, text))
        }
        // Each character the folds touch, through the Greek rows in order, then the Latin pairs in order.
        var map: [UInt32: String] = [:]
        for s in Set(greek.map(\.letter) + greek.map(\.base) + latin.map(\.letter)) {
            var c = s
            for g in greek where g.letter == c { c = g.base }
            var text = String(c)
            for pair in latin { text = SearchFold.replacing(text, pair.letter, with: pair.text) }
            // By scalars: Swift's `==` holds canonically equivalent text equal (`ι`, U+1FBE, and `ι`), SQLite does not.
            if !text.unicodeScalars.elementsEqual(String(s).unicodeScalars) { map[s.value] = text }
        }
        self.map = map
    }

    /// `text` as the view writes it.
    func fold(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for s in text.unicodeScalars {
            if let m = map[s.value] { out += m } else { out.unicodeScalars.append(s) }
        }
        return out
    }

    /// `fold` as an SQL function of one argument: text folded, anything else (NULL, a number) as it is.
    func function(named name: String) -> DatabaseFunction {
        DatabaseFunction(name, argumentCount: 1, pure: true) { values in
            guard case .string(let text) = values[0].storage else { return values[0] }
            return fold(text)
        }
    }

    private static func only(_ s: String) -> Unicode.Scalar? {
        let scalars = s.unicodeScalars
        return scalars.count == 1 ? scalars.first : nil
    }

    /// Inside the view's Greek guard, `GLOB '*[Ά-ϔἀ-ῼ]*'`.
    private static func isGreekGuarded(_ s: Unicode.Scalar) -> Bool {
        (0x0386...0x03D4).contains(s.value) || (0x1F00...0x1FFC).contains(s.value)
    }

    /// SQLite's `replace(text, letter, with)` for a one-character `letter`.
    private static func replacing(_ text: String, _ letter: Unicode.Scalar, with replacement: String) -> String {
        var out = ""
        for s in text.unicodeScalars {
            if s == letter { out += replacement } else { out.unicodeScalars.append(s) }
        }
        return out
    }
}
