import Foundation
import PetitionsDomain
import Testing

@Suite("Search text") struct SearchTextTests {
    @Test(
        "queries keep FTS5's syntax and quote words it would misread",
        arguments: [
            ("wheat", "wheat"), ("prov*", "prov*"), ("\"January provisions\"", "\"January provisions\""), ("wheat AND flour", "wheat AND flour"),
            ("pyotr-kropotkin", "\"pyotr-kropotkin\""), ("o'brien", "\"o'brien\""), ("3.5 kg", "\"3.5\" kg"), ("Łódź", "lódź"), ("Straße", "Strasse"),
            ("title:x", "\"title:x\""), ("- %", " "), ("Пётр", "Петр"), ("山田", "山田*"), ("山田*", "山田*"), ("東京 Kropotkin", "東京* Kropotkin"),
            ("\"山田\"", "\"山田\""),
        ])
    func ftsQuery(_ query: String, _ expected: String) {
        #expect(SearchText.ftsQuery(query) == expected)
    }

    @Test("words fold case, diacritics and the letters the index writes otherwise")
    func fold() {
        #expect(SearchText.fold("Łódź") == "lodz")
        #expect(SearchText.fold("Pëtr") == "petr")
        #expect(SearchText.fold("Ødegård") == "odegard")
        #expect(SearchText.fold("Æsir") == "aesir")
        #expect(SearchText.fold("Пётр") == "петр")
    }

    @Test("a snippet marks the matched words and keeps a window around the first")
    func snippet() {
        let terms = SearchText.terms("lodz prov*")
        #expect(terms.map(\.word) == ["lodz", "prov"] && terms.map(\.prefix) == [false, true])
        #expect(SearchText.snippet("Provisions for Łódź, soon", terms: terms) == "⟦Provisions⟧ for ⟦Łódź⟧, soon")
        let long = (1...40).map { "w\($0)" }.joined(separator: " ") + " provisions end"
        let s = SearchText.snippet(long, terms: terms, width: 6)
        #expect(s == "…w37 w38 w39 w40 ⟦provisions⟧ end", "\(s)")
        #expect(SearchText.snippet("nothing here", terms: terms) == "nothing here")
        #expect(SearchText.terms("wheat AND NOT flour").map(\.word) == ["wheat", "flour"])
        // A word in a script written without spaces matches as a prefix, and is marked so.
        #expect(SearchText.snippet("山田太郎の手紙", terms: SearchText.terms("山田")) == "⟦山田太郎の手紙⟧")
    }

    @Test("brackets in the text are not marks: the matches are marked apart from them, and their places given")
    func snippetMarksCannotBeConfusedWithTheText() {
        let terms = SearchText.terms("lodz")
        let m = SearchText.marked("[draft] «Łódź» [lodz] a]b", terms: terms)
        #expect(m.snippet == "[draft] «⟦Łódź⟧» [⟦lodz⟧] a]b", "\(m.snippet)")
        let scalars = Array(m.snippet.unicodeScalars)
        let words = m.matches.map { String(String.UnicodeScalarView(scalars[$0[0]..<($0[0] + $0[1])])) }
        #expect(words == ["Łódź", "lodz"], "\(m.matches)")
        #expect(SearchText.marked("…ünïcode lodz", terms: terms).matches == [[10, 4]])
    }

    @Test("media types are sniffed from the bytes")
    func mediaTypes() {
        #expect(MediaType.sniff(Data("%PDF-1.7\n".utf8)) == "application/pdf")
        #expect(MediaType.sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]) == "image/png")
        #expect(MediaType.sniff([0xFF, 0xD8, 0xFF, 0xE0]) == "image/jpeg")
        #expect(MediaType.sniff([0x4D, 0x4D, 0x00, 0x2A]) == "image/tiff")
        #expect(MediaType.sniff(Data("Dear comrades,\r\n\tЗдравствуйте\n".utf8)) == "text/plain")
        #expect(MediaType.sniff([0x41, 0x00, 0x42]) == "application/octet-stream")
        #expect(MediaType.sniff([0xC3, 0x28]) == "application/octet-stream", "not UTF-8")
        #expect(MediaType.sniff(Data("pdf".utf8)) == "text/plain")
    }
}
