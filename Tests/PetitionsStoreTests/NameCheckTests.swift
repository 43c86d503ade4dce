import PetitionsDomain
import Testing

@testable import PetitionsStore

/// A name's check for invisible characters and a leading combining mark answers from Unicode's properties, and for a
/// name of scalars below U+0300 from their range alone: these hold the two to the same answers.
@Suite("Names checked for invisible characters")
struct NameCheckTests {
    /// What the check refuses, from Unicode's properties alone: a format character (but the direction marks, which are
    /// refused elsewhere or kept), or a combining mark first.
    static func refusedByProperties(_ name: String) -> Bool {
        let kept: Set<UInt32> = [0x200E, 0x200F, 0x061C]
        if name.unicodeScalars.contains(where: {
            $0.properties.generalCategory == .format && !ControlCharacters.turnsDirection($0) && !kept.contains($0.value)
        }) {
            return true
        }
        guard let first = name.unicodeScalars.first else { return false }
        return first.properties.isGraphemeExtend || first.properties.generalCategory == .nonspacingMark
    }

    @Test("every scalar from U+0080 to U+036F, alone, first, last and between letters, is refused as the properties say")
    func belowCombiningMarks() {
        for value in UInt32(0x80)..<0x370 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let s = String(Character(scalar))
            for name in [s, s + "b", "a" + s, "Zoë" + s + "é"] {
                let refused = (try? Ledger.refuseInvisible(name, field: "--name")) == nil
                #expect(refused == Self.refusedByProperties(name), "U+\(String(value, radix: 16)) in \(name.debugDescription)")
            }
        }
    }
}
