import GRDB

extension Schema {
    /// v7: search folds Greek as it folds Latin. SQLite's unicode61 tokenizer, even with `remove_diacritics 2`, removes
    /// diacritics from Latin letters only and folds neither the accents and breathings of Greek (`ῆ`, `ἀ`) nor their
    /// case, and it cannot be told to: so `αθηναι` did not find `Ἀθῆναι`. A table of the 240 Greek letters that carry
    /// diacritics (from their Unicode decompositions) and a view that writes them as their base letters put the
    /// index's text in the form the tokenizer folds; a chain of `replace()`s, as for Latin, would nest deeper than
    /// SQLite's parser allows. The records that hold such a letter are indexed again.
    static let v7 = """
        -- Greek letters with breathings, accents, a diaeresis or an iota subscript, and the letters they are searched by:
        -- SQLite's unicode61 tokenizer folds neither their diacritics nor their case, so `αθηναι` did not find Ἀθῆναι.
        CREATE TABLE search_fold_letter (
          n      INTEGER PRIMARY KEY,
          letter TEXT NOT NULL UNIQUE CHECK (length(letter) = 1),
          base   TEXT NOT NULL CHECK (length(base) = 1)
        ) STRICT;
        INSERT INTO search_fold_letter(letter, base) VALUES
          ('Ά', 'Α'), ('Έ', 'Ε'), ('Ή', 'Η'), ('Ί', 'Ι'), ('Ό', 'Ο'), ('Ύ', 'Υ'), ('Ώ', 'Ω'), ('ΐ', 'ι'), ('Ϊ', 'Ι'), ('Ϋ', 'Υ'), ('ά', 'α'), ('έ', 'ε'),
          ('ή', 'η'), ('ί', 'ι'), ('ΰ', 'υ'), ('ϊ', 'ι'), ('ϋ', 'υ'), ('ό', 'ο'), ('ύ', 'υ'), ('ώ', 'ω'), ('ϓ', 'ϒ'), ('ϔ', 'ϒ'), ('ἀ', 'α'), ('ἁ', 'α'),
          ('ἂ', 'α'), ('ἃ', 'α'), ('ἄ', 'α'), ('ἅ', 'α'), ('ἆ', 'α'), ('ἇ', 'α'), ('Ἀ', 'Α'), ('Ἁ', 'Α'), ('Ἂ', 'Α'), ('Ἃ', 'Α'), ('Ἄ', 'Α'), ('Ἅ', 'Α'),
          ('Ἆ', 'Α'), ('Ἇ', 'Α'), ('ἐ', 'ε'), ('ἑ', 'ε'), ('ἒ', 'ε'), ('ἓ', 'ε'), ('ἔ', 'ε'), ('ἕ', 'ε'), ('Ἐ', 'Ε'), ('Ἑ', 'Ε'), ('Ἒ', 'Ε'), ('Ἓ', 'Ε'),
          ('Ἔ', 'Ε'), ('Ἕ', 'Ε'), ('ἠ', 'η'), ('ἡ', 'η'), ('ἢ', 'η'), ('ἣ', 'η'), ('ἤ', 'η'), ('ἥ', 'η'), ('ἦ', 'η'), ('ἧ', 'η'), ('Ἠ', 'Η'), ('Ἡ', 'Η'),
          ('Ἢ', 'Η'), ('Ἣ', 'Η'), ('Ἤ', 'Η'), ('Ἥ', 'Η'), ('Ἦ', 'Η'), ('Ἧ', 'Η'), ('ἰ', 'ι'), ('ἱ', 'ι'), ('ἲ', 'ι'), ('ἳ', 'ι'), ('ἴ', 'ι'), ('ἵ', 'ι'),
          ('ἶ', 'ι'), ('ἷ', 'ι'), ('Ἰ', 'Ι'), ('Ἱ', 'Ι'), ('Ἲ', 'Ι'), ('Ἳ', 'Ι'), ('Ἴ', 'Ι'), ('Ἵ', 'Ι'), ('Ἶ', 'Ι'), ('Ἷ', 'Ι'), ('ὀ', 'ο'), ('ὁ', 'ο'),
          ('ὂ', 'ο'), ('ὃ', 'ο'), ('ὄ', 'ο'), ('ὅ', 'ο'), ('Ὀ', 'Ο'), ('Ὁ', 'Ο'), ('Ὂ', 'Ο'), ('Ὃ', 'Ο'), ('Ὄ', 'Ο'), ('Ὅ', 'Ο'), ('ὐ', 'υ'), ('ὑ', 'υ'),
          ('ὒ', 'υ'), ('ὓ', 'υ'), ('ὔ', 'υ'), ('ὕ', 'υ'), ('ὖ', 'υ'), ('ὗ', 'υ'), ('Ὑ', 'Υ'), ('Ὓ', 'Υ'), ('Ὕ', 'Υ'), ('Ὗ', 'Υ'), ('ὠ', 'ω'), ('ὡ', 'ω'),
          ('ὢ', 'ω'), ('ὣ', 'ω'), ('ὤ', 'ω'), ('ὥ', 'ω'), ('ὦ', 'ω'), ('ὧ', 'ω'), ('Ὠ', 'Ω'), ('Ὡ', 'Ω'), ('Ὢ', 'Ω'), ('Ὣ', 'Ω'), ('Ὤ', 'Ω'), ('Ὥ', 'Ω'),
          ('Ὦ', 'Ω'), ('Ὧ', 'Ω'), ('ὰ', 'α'), ('ά', 'α'), ('ὲ', 'ε'), ('έ', 'ε'), ('ὴ', 'η'), ('ή', 'η'), ('ὶ', 'ι'), ('ί', 'ι'), ('ὸ', 'ο'), ('ό', 'ο'),
          ('ὺ', 'υ'), ('ύ', 'υ'), ('ὼ', 'ω'), ('ώ', 'ω'), ('ᾀ', 'α'), ('ᾁ', 'α'), ('ᾂ', 'α'), ('ᾃ', 'α'), ('ᾄ', 'α'), ('ᾅ', 'α'), ('ᾆ', 'α'), ('ᾇ', 'α'),
          ('ᾈ', 'Α'), ('ᾉ', 'Α'), ('ᾊ', 'Α'), ('ᾋ', 'Α'), ('ᾌ', 'Α'), ('ᾍ', 'Α'), ('ᾎ', 'Α'), ('ᾏ', 'Α'), ('ᾐ', 'η'), ('ᾑ', 'η'), ('ᾒ', 'η'), ('ᾓ', 'η'),
          ('ᾔ', 'η'), ('ᾕ', 'η'), ('ᾖ', 'η'), ('ᾗ', 'η'), ('ᾘ', 'Η'), ('ᾙ', 'Η'), ('ᾚ', 'Η'), ('ᾛ', 'Η'), ('ᾜ', 'Η'), ('ᾝ', 'Η'), ('ᾞ', 'Η'), ('ᾟ', 'Η'),
          ('ᾠ', 'ω'), ('ᾡ', 'ω'), ('ᾢ', 'ω'), ('ᾣ', 'ω'), ('ᾤ', 'ω'), ('ᾥ', 'ω'), ('ᾦ', 'ω'), ('ᾧ', 'ω'), ('ᾨ', 'Ω'), ('ᾩ', 'Ω'), ('ᾪ', 'Ω'), ('ᾫ', 'Ω'),
          ('ᾬ', 'Ω'), ('ᾭ', 'Ω'), ('ᾮ', 'Ω'), ('ᾯ', 'Ω'), ('ᾰ', 'α'), ('ᾱ', 'α'), ('ᾲ', 'α'), ('ᾳ', 'α'), ('ᾴ', 'α'), ('ᾶ', 'α'), ('ᾷ', 'α'), ('Ᾰ', 'Α'),
          ('Ᾱ', 'Α'), ('Ὰ', 'Α'), ('Ά', 'Α'), ('ᾼ', 'Α'), ('ι', 'ι'), ('ῂ', 'η'), ('ῃ', 'η'), ('ῄ', 'η'), ('ῆ', 'η'), ('ῇ', 'η'), ('Ὲ', 'Ε'), ('Έ', 'Ε'),
          ('Ὴ', 'Η'), ('Ή', 'Η'), ('ῌ', 'Η'), ('ῐ', 'ι'), ('ῑ', 'ι'), ('ῒ', 'ι'), ('ΐ', 'ι'), ('ῖ', 'ι'), ('ῗ', 'ι'), ('Ῐ', 'Ι'), ('Ῑ', 'Ι'), ('Ὶ', 'Ι'),
          ('Ί', 'Ι'), ('ῠ', 'υ'), ('ῡ', 'υ'), ('ῢ', 'υ'), ('ΰ', 'υ'), ('ῤ', 'ρ'), ('ῥ', 'ρ'), ('ῦ', 'υ'), ('ῧ', 'υ'), ('Ῠ', 'Υ'), ('Ῡ', 'Υ'), ('Ὺ', 'Υ'),
          ('Ύ', 'Υ'), ('Ῥ', 'Ρ'), ('ῲ', 'ω'), ('ῳ', 'ω'), ('ῴ', 'ω'), ('ῶ', 'ω'), ('ῷ', 'ω'), ('Ὸ', 'Ο'), ('Ό', 'Ο'), ('Ὼ', 'Ω'), ('Ώ', 'Ω'), ('ῼ', 'Ω');

        -- search_source with those Greek letters written as their base letters, in text that holds one: one replace() a letter of
        -- the table, in its order (n), so the work grows with the text's length (letter by letter, concatenating, it grew with
        -- its square: a note of 32,000 Greek characters took 15 seconds to record).
        CREATE VIEW search_greek(key, kind, ref, title, body) AS
          SELECT key, kind, ref,
                 CASE WHEN title GLOB '*[Ά-ϔἀ-ῼ]*' THEN (
                   WITH RECURSIVE f(n, out) AS (
                     SELECT 0, s.title UNION ALL
                     SELECT f.n + 1, replace(f.out, l.letter, l.base) FROM f JOIN search_fold_letter l ON l.n = f.n + 1)
                   SELECT out FROM f WHERE n = (SELECT max(n) FROM search_fold_letter))
                 ELSE title END,
                 CASE WHEN body GLOB '*[Ά-ϔἀ-ῼ]*' THEN (
                   WITH RECURSIVE f(n, out) AS (
                     SELECT 0, s.body UNION ALL
                     SELECT f.n + 1, replace(f.out, l.letter, l.base) FROM f JOIN search_fold_letter l ON l.n = f.n + 1)
                   SELECT out FROM f WHERE n = (SELECT max(n) FROM search_fold_letter))
                 ELSE body END
            FROM search_source s;

        -- The same text as the index holds it: search_greek, and the letters that SQLite's unicode61 tokenizer does not fold
        -- (Ł, Ø, ß, Æ, Œ, Đ, Þ, ı, Ħ, ё) written as the Latin (or Cyrillic) letters they are searched by; the tokenizer folds
        -- case and other diacritics. Text that is all printable ASCII (most of it) is taken as it is.
        DROP VIEW search_folded;
        CREATE VIEW search_folded(key, kind, ref, title, body) AS
          SELECT key, kind, ref,
                 CASE WHEN title GLOB '*[^ -~]*' THEN replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(title, 'Ł', 'l'), 'ł', 'l'), 'Ø', 'o'), 'ø', 'o'), 'ß', 'ss'), 'ẞ', 'ss'), 'Æ', 'ae'), 'æ', 'ae'), 'Œ', 'oe'), 'œ', 'oe'), 'Đ', 'd'), 'đ', 'd'), 'Ð', 'd'), 'ð', 'd'), 'Þ', 'th'), 'þ', 'th'), 'ı', 'i'), 'Ħ', 'h'), 'ħ', 'h'), 'Ё', 'е'), 'ё', 'е') ELSE title END,
                 CASE WHEN body GLOB '*[^ -~]*' THEN replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(body, 'Ł', 'l'), 'ł', 'l'), 'Ø', 'o'), 'ø', 'o'), 'ß', 'ss'), 'ẞ', 'ss'), 'Æ', 'ae'), 'æ', 'ae'), 'Œ', 'oe'), 'œ', 'oe'), 'Đ', 'd'), 'đ', 'd'), 'Ð', 'd'), 'ð', 'd'), 'Þ', 'th'), 'þ', 'th'), 'ı', 'i'), 'Ħ', 'h'), 'ħ', 'h'), 'Ё', 'е'), 'ё', 'е') ELSE body END
            FROM search_greek;

        -- Records whose text holds such a letter are indexed again.
        DELETE FROM search WHERE rowid IN (SELECT key FROM search_source WHERE title GLOB '*[Ά-ϔἀ-ῼ]*' OR body GLOB '*[Ά-ϔἀ-ῼ]*');
        INSERT INTO search(rowid, kind, ref, title, body)
          SELECT key, kind, ref, title, body FROM search_folded WHERE key IN (SELECT key FROM search_source WHERE title GLOB '*[Ά-ϔἀ-ῼ]*' OR body GLOB '*[Ά-ϔἀ-ῼ]*');
        """
}
