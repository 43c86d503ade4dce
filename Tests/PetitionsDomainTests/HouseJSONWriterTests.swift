import Foundation
import PetitionsDomain
import PetitionsTestSupport
import Testing

/// The JSON writer writes into memory of its own, grown as it fills: what it writes past its first buffer, long
/// strings with every kind of escape among them, must be what Foundation's encoder writes.
@Suite("The house JSON writer's own buffer")
struct HouseJSONWriterTests {
    @Test func writesWhatFoundationWritesPastItsFirstBuffer() throws {
        var r = SeededRandom(state: 17_2026_1204)
        // Long strings (up to 3,000 characters) of quotes, backslashes, control characters, Cyrillic and plain text.
        func text(_ r: inout SeededRandom) -> String {
            (0..<r.below(3_000)).map { _ in r.pick(["\"", "\\", "\n", "\u{1}", "\u{1F}", "\t", "ж", "é", "/", "a", " ", "8"]) }.joined()
        }
        for pretty in [true, false] {
            for _ in 0..<20 {
                let values = (0..<r.below(40)).map { _ in
                    QuantityValue(commodity: text(&r), amount: Decimal(Int(r.below(1_000_000))) / 1000, unit: text(&r))
                }
                var w = HouseJSONWriter(pretty: pretty, capacity: 16)
                w.array(values)
                #expect(w.text == (try EventPayloadJSONTests.foundation(values, pretty: pretty)))
                #expect(w.bytes == Array(w.text.utf8))
            }
        }
    }

    @Test("long texts, measured before they are written, are written whole: every byte escaped, none, or some")
    func writesLongTextsMeasuredFirst() throws {
        for text in [
            String(repeating: "\u{1}", count: 5_000), String(repeating: "\"\\\n", count: 2_000), String(repeating: "ж8", count: 300_000),
            String(repeating: "a", count: 257) + "\u{1F}",
        ] {
            var w = HouseJSONWriter(pretty: false, capacity: 16)
            w.strings([text, text])
            #expect(w.text == (try EventPayloadJSONTests.foundation([text, text], pretty: false)))
        }
    }

    @Test func writesIntegersAtTheirLimits() {
        var w = HouseJSONWriter(pretty: false)
        w.beginArray()
        for n: Int64 in [0, 7, -7, 10, -10, 999_999, Int64.max, Int64.min] {
            w.element()
            w.int(n)
        }
        w.endArray()
        #expect(w.text == "[0,7,-7,10,-10,999999,9223372036854775807,-9223372036854775808]")
    }
}
