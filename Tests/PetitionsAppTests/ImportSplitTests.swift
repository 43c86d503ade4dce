import Testing

@testable import PetitionsApp

/// The `a; b; c` cells of an import (groups, dependants, quantities) are split byte by byte when that finds what
/// splitting by character finds: these hold the two to the same parts.
@Suite("Import cells split by semicolons")
struct ImportSplitTests {
    @Test("the parts found byte by byte are the parts found character by character, marks and joiners beside ';' included")
    func sameParts() {
        // ';' followed by a combining mark or a joiner is one character with it (no split there); after a prepended
        // sign (U+0600) it joins the sign.
        let pieces = [
            ";", ";", " ", "a", "Ivan", "Żukowski:child", "é", "\u{301}", "\u{200D}", "\u{600}", "😀", "👩‍👧", "\u{3000}", "\t",
            "Ж", "\r\n",
        ]
        var generator = SplitMix(seed: 14)
        for _ in 0..<3_000 {
            let count = Int(generator.next() % 9)
            let text = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            #expect(RowImport.semicolonParts(text) == text.split(separator: ";"), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(RowImport.semicolonParts("Ivan Żukowski:child;Olga Rossi:incapacitated") == ["Ivan Żukowski:child", "Olga Rossi:incapacitated"])
        #expect(RowImport.semicolonParts("a;\u{301}b") == ["a;\u{301}b"])
        #expect(RowImport.split(" a ; ;b;") == ["a", "b"])
    }

    /// A small deterministic generator, so that a failure repeats.
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
