import Foundation
import PetitionsDomain
import PetitionsTestSupport
import Testing

/// The payloads an import writes one per row write themselves (`HouseJSONWritable`); the event log must hold the
/// bytes Foundation's encoder writes for them with the house settings, or exports and merges between offices would
/// change.
@Suite("Event payloads written by hand") struct EventPayloadJSONTests {
    static let characters: [String] = [
        "a", "Z", "0", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{01}", "\u{1F}", "\u{7F}", "\u{85}", "é", "ж", "😀", "\u{301}", ",", ":",
    ]

    static func text(_ r: inout SeededRandom) -> String { (0..<r.below(9)).map { _ in r.pick(characters) }.joined() }

    static func foundation<T: Encodable>(_ value: T, pretty: Bool = false) throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    // Longer than 60 lines on purpose: one random value of each payload that writes itself, side by side.
    @Test func writeWhatFoundationWritesOnRandomValues() throws {
        var r = SeededRandom(state: 14_2026_1202)
        func maybe(_ r: inout SeededRandom) -> String? { r.below(3) == 0 ? nil : Self.text(&r) }
        func number(_ r: inout SeededRandom) -> Int64? { r.below(3) == 0 ? nil : r.pick([1, 42, Int64.max, 0, -7]) }
        func flag(_ r: inout SeededRandom) -> Bool? { r.below(3) == 0 ? nil : r.below(2) == 0 }
        func texts(_ r: inout SeededRandom) -> [String]? { r.below(3) == 0 ? nil : (0..<r.below(4)).map { _ in Self.text(&r) } }
        for n in 0..<2_000 {
            let dependants: [Dependant]? =
                r.below(3) == 0 ? nil : (0..<r.below(4)).map { _ in Dependant(name: Self.text(&r), category: Self.text(&r)) }
            let events: [LedgerEvent] = [
                .petitionerAdded(
                    PetitionerAdded(
                        handle: Self.text(&r), name: Self.text(&r), district: maybe(&r), occupation: maybe(&r), groups: texts(&r),
                        dependants: dependants)),
                .letterSent(
                    LetterSent(
                        from: Self.text(&r), to: Self.text(&r), on: maybe(&r), subject: Self.text(&r), petition: number(&r), channel: maybe(&r),
                        summary: maybe(&r), expectsReply: flag(&r), replyWithin: maybe(&r), restartsClock: flag(&r), body: maybe(&r))),
                .letterReceived(
                    LetterReceived(
                        from: Self.text(&r), to: Self.text(&r), on: maybe(&r), subject: Self.text(&r), petition: number(&r), inReplyTo: number(&r),
                        channel: maybe(&r), summary: maybe(&r))),
                .deliveryReceived(
                    DeliveryReceived(
                        decree: Self.text(&r), recipient: Self.text(&r), period: Self.text(&r), on: maybe(&r), quantities: texts(&r), note: maybe(&r))
                ),
            ]
            for event in events {
                let expected: String
                switch event {
                case .petitionerAdded(let p): expected = try Self.foundation(p)
                case .letterSent(let p): expected = try Self.foundation(p)
                case .letterReceived(let p): expected = try Self.foundation(p)
                case .deliveryReceived(let p): expected = try Self.foundation(p)
                default: continue
                }
                #expect(try event.payloadText() == expected, "case \(n), \(event.kind.rawValue)")
            }
            if let dependants {
                // A household is also shown pretty-printed, inside a party.
                #expect(try String(decoding: HouseJSONEncoder().encode(dependants), as: UTF8.self) == Self.foundation(dependants, pretty: true))
            }
        }
    }
}
