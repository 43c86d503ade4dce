import Foundation
import PetitionsDomain
import PetitionsReport
import PetitionsTestSupport
import Testing

@testable import PetitionsRules

/// The house encoder writes what Foundation's JSONEncoder writes with the house settings, byte for byte: every JSON
/// output (listings, reports, exports) changed encoder without changing a character.
@Suite struct HouseJSONEncoderTests {
    /// Any value JSON can hold, built the ways records build themselves: keyed, unkeyed, single values, nested
    /// containers, explicit nulls, dictionaries.
    indirect enum Sample: Encodable {
        case string(String)
        case int(Int)
        case int64(Int64)
        case double(Double)
        case decimal(Decimal)
        case bool(Bool)
        case null
        case optional(String?)
        case array([Sample])
        case object([(String, Sample)])
        case dictionary([String: Sample])
        case nested([(String, [Sample])])
        case empty

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(_ s: String) { stringValue = s }
            init?(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: Encoder) throws {
            switch self {
            case .string(let s):
                var c = encoder.singleValueContainer()
                try c.encode(s)
            case .int(let n):
                var c = encoder.singleValueContainer()
                try c.encode(n)
            case .int64(let n):
                var c = encoder.singleValueContainer()
                try c.encode(n)
            case .double(let d):
                var c = encoder.singleValueContainer()
                try c.encode(d)
            case .decimal(let d):
                var c = encoder.singleValueContainer()
                try c.encode(d)
            case .bool(let b):
                var c = encoder.singleValueContainer()
                try c.encode(b)
            case .null:
                var c = encoder.singleValueContainer()
                try c.encodeNil()
            case .optional(let s):
                var c = encoder.singleValueContainer()
                try c.encode(s)
            case .array(let items):
                var c = encoder.unkeyedContainer()
                for i in items { try c.encode(i) }
            case .object(let entries):
                var c = encoder.container(keyedBy: Key.self)
                for (k, v) in entries {
                    switch v {
                    case .null: try c.encodeNil(forKey: Key(k))
                    case .string(let s): try c.encode(s, forKey: Key(k))
                    case .int(let n): try c.encode(n, forKey: Key(k))
                    case .optional(let s): try c.encode(s, forKey: Key(k))
                    default: try c.encode(v, forKey: Key(k))
                    }
                }
            case .dictionary(let d):
                var c = encoder.singleValueContainer()
                try c.encode(d)
            case .nested(let entries):
                var c = encoder.container(keyedBy: Key.self)
                for (k, items) in entries {
                    var n = c.nestedUnkeyedContainer(forKey: Key(k))
                    for i in items { try n.encode(i) }
                }
            case .empty: _ = encoder.container(keyedBy: Key.self)
            }
        }
    }

    static let characters: [String] = [
        "a", "Z", "0", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{8}", "\u{C}", "\u{0}", "\u{1}", "\u{1F}",
        "\u{7F}", "é", "ё", "Ж", "\u{200F}", "\u{202E}", "\u{2028}", "\u{FEFF}", "\u{1F600}", "<", "&", "'", "=", ",",
    ]
    static let words = [
        "id", "name", "daysOverdue", "overdueSince", "myURLValue", "HTTPStatus", "a", "A", "aB", "ab", "x1Y2", "workingDaysOverdue",
        "from", "to", "_private", "snake_case", "ALLCAPS", "endsWithA", "ÉtéJour", "naïveKey", "with space", "émoji😀Key", "",
    ]

    static func string(_ r: inout SeededRandom) -> String {
        (0..<r.below(8)).map { _ in r.pick(characters) }.joined()
    }

    static func sample(_ r: inout SeededRandom, depth: Int) -> Sample {
        let leaf = depth >= 4 || r.below(3) == 0
        switch leaf ? r.below(8) : 8 + r.below(5) {
        case 0: return .string(string(&r))
        case 1: return .int(r.pick([0, -1, 1, 42, Int.max, Int.min, 125]))
        case 2: return .int64(Int64(bitPattern: r.next()))
        case 3: return .double(r.pick([0, -0.0, 0.1, 1.5, 3, 1e21, 1e-7, 1392.342, 2.0 / 3, -12.25, 1e300]))
        case 4:
            return .decimal(r.pick([Decimal(0), Decimal(string: "1392.342")!, Decimal(string: "0.3333")!, Decimal(3400), Decimal(string: "-8.5")!]))
        case 5: return .bool(r.below(2) == 0)
        case 6: return .null
        case 7: return .optional(r.below(2) == 0 ? nil : string(&r))
        case 8: return .array((0..<r.below(4)).map { _ in sample(&r, depth: depth + 1) })
        case 9: return .object((0..<r.below(5)).map { _ in (r.pick(words), sample(&r, depth: depth + 1)) })
        case 10:
            return .dictionary(
                Dictionary((0..<r.below(4)).map { _ in (r.pick(words) + string(&r), sample(&r, depth: depth + 1)) }, uniquingKeysWith: { a, _ in a }))
        case 11: return .nested((0..<r.below(3)).map { _ in (r.pick(words), (0..<r.below(3)).map { _ in sample(&r, depth: depth + 2) }) })
        default: return .empty
        }
    }

    static func foundation(_ value: Sample, pretty: Bool) throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func writesWhatFoundationWritesOnRandomValues() throws {
        var r = SeededRandom(state: 19_200_304)
        for n in 0..<3_000 {
            let value = Self.sample(&r, depth: 0)
            for pretty in [true, false] {
                let ours = String(decoding: try HouseJSONEncoder(pretty: pretty).encode(value), as: UTF8.self)
                let theirs = try Self.foundation(value, pretty: pretty)
                #expect(ours == theirs, "case \(n), pretty \(pretty)")
                if ours != theirs { return }
            }
        }
    }

    @Test func streamedElementsMatchTheWholeArray() throws {
        var r = SeededRandom(state: 1920)
        let values = (0..<50).map { _ in Self.sample(&r, depth: 1) }
        var out = Array("[\n".utf8)
        for (i, v) in values.enumerated() {
            out += Array("  ".utf8)
            try HouseJSONEncoder().append(v, to: &out, depth: 1)
            out += Array((i == values.count - 1 ? "\n" : ",\n").utf8)
        }
        out += Array("]".utf8)
        #expect(String(decoding: out, as: UTF8.self) == (try Self.foundation(.array(values), pretty: true)))
    }

    @Test func streamingADocumentWritesTheSameBytes() throws {
        var r = SeededRandom(state: 1917)
        for n in 0..<1_000 {
            // Documents as reports are: an object whose members are values and long arrays.
            let members = (0..<r.below(6)).map { _ in
                (
                    Self.words[r.below(Self.words.count)],
                    r.below(2) == 0
                        ? Sample.array((0..<r.below(30)).map { _ in Self.sample(&r, depth: 2) })
                        : Self.sample(&r, depth: 1)
                )
            }
            let value = Sample.object(members)
            for pretty in [true, false] {
                var streamed: [UInt8] = []
                var pieces = 0
                try HouseJSONEncoder(pretty: pretty).stream(value, chunk: 64) {
                    streamed += $0
                    pieces += 1
                }
                let whole = try HouseJSONEncoder(pretty: pretty).encode(value)
                #expect(streamed == whole, "case \(n), pretty \(pretty)")
                if streamed != whole { return }
                if whole.count > 1_000 { #expect(pieces > 1) }
            }
        }
        // A document that is not an object is written whole.
        var out: [UInt8] = []
        try HouseJSONEncoder().stream([1, 2, 3]) { out += $0 }
        #expect(String(decoding: out, as: UTF8.self) == "[\n  1,\n  2,\n  3\n]")
    }

    /// Late deliveries, waiting letters and findings write themselves (`HouseJSONWritable`): the same bytes as
    /// Foundation's encoder through their `encode(to:)`, alone, in arrays and inside other values.
    @Test func recordsThatWriteThemselvesWriteWhatFoundationWrites() throws {
        var r = SeededRandom(state: 1920_0304)
        func text() -> String { Self.string(&r) }
        func day() -> Day { (try? Day(parsing: "19\(10 + r.below(10))-0\(1 + r.below(9))-1\(r.below(10))")) ?? Day.minimum }
        func quantities() -> [QuantityValue] {
            (0..<r.below(3)).map { _ in
                QuantityValue(
                    commodity: text(), amount: r.pick([Decimal(0), Decimal(string: "1392.342")!, Decimal(3400), Decimal(string: "0.3333")!]),
                    unit: text())
            }
        }
        func severity() -> Severity { r.pick(Severity.allCases) }
        struct Listing: Encodable {
            var overdue: [OverdueDelivery]
            var unanswered: [UnansweredLetter]
            var findings: [Finding]
            var asOf: Day
        }
        for n in 0..<300 {
            let overdue = (0..<r.below(3)).map { _ in
                OverdueDelivery(
                    delivery: Int64(r.below(1_000_000)), decree: text(), recipient: text(), supplier: text(), period: Period(containing: day()),
                    due: day(), overdueSince: day(), daysOverdue: r.below(3000), severity: severity(), consecutiveMissed: r.below(5),
                    expected: quantities(), received: quantities(), shortfall: quantities(), message: text(), action: text())
            }
            let unanswered = (0..<r.below(3)).map { _ in
                UnansweredLetter(
                    letter: Int64(r.below(1_000_000)), from: text(), fromName: text(), to: text(), toName: text(), subject: text(), sent: day(),
                    due: day(),
                    daysWaiting: r.below(900), daysOverdue: r.below(900), workingDaysOverdue: r.below(600),
                    severity: r.below(2) == 0 ? nil : severity(), petition: r.below(2) == 0 ? nil : Int64(r.below(99)), followUps: r.below(3),
                    escalateTo: r.below(2) == 0 ? nil : text(), message: text(), action: text())
            }
            let findings = (0..<r.below(3)).map { _ in
                Finding(
                    rule: text(), kind: RuleKind.allCases[r.below(RuleKind.allCases.count)], severity: severity(),
                    subject: FindingSubject(type: FindingSubject.SubjectType.allCases[r.below(5)], id: Int64(r.below(99)), name: text()),
                    due: r.below(2) == 0 ? nil : day(), overdueSince: r.below(2) == 0 ? nil : day(), daysOverdue: r.below(99),
                    workingDaysOverdue: r.below(99), message: text(), action: text(), escalateTo: r.below(2) == 0 ? nil : text())
            }
            let listing = Listing(overdue: overdue, unanswered: unanswered, findings: findings, asOf: day())
            for pretty in [true, false] {
                let encoder = JSONEncoder()
                encoder.keyEncodingStrategy = .convertToSnakeCase
                encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
                let theirs = String(decoding: try encoder.encode(listing), as: UTF8.self)
                let ours = String(decoding: try HouseJSONEncoder(pretty: pretty).encode(listing), as: UTF8.self)
                #expect(ours == theirs, "case \(n), pretty \(pretty)")
                var streamed: [UInt8] = []
                try HouseJSONEncoder(pretty: pretty).stream(listing, chunk: 100) { streamed += $0 }
                #expect(String(decoding: streamed, as: UTF8.self) == theirs, "case \(n), pretty \(pretty), streamed")
                if ours != theirs { return }
            }
        }
    }

    /// The arrears ledger writes itself (`HouseJSONWritable`): the same bytes as Foundation's encoder through its
    /// `encode(to:)`, with and without kilograms and a first period, inside a report-like value.
    @Test func arrearsLinesWriteWhatFoundationWrites() throws {
        var r = SeededRandom(state: 1920_0305)
        func text() -> String { Self.string(&r) }
        func amount() -> Decimal {
            r.pick([Decimal(0), Decimal(string: "1392.342")!, Decimal(3400), Decimal(string: "0.3333")!, Decimal(string: "-2.5")!])
        }
        func period() -> Period { Period(containing: (try? Day(parsing: "19\(10 + r.below(10))-0\(1 + r.below(9))-1\(r.below(10))")) ?? Day.minimum) }
        struct Ledger: Encodable {
            var arrears: [ArrearsLine]
            var asOf: Day
        }
        for n in 0..<300 {
            let lines = (0..<r.below(4)).map { _ in
                ArrearsLine(
                    recipient: text(), recipientName: text(), decree: text(), decreeName: text(), supplier: text(), commodity: text(),
                    unit: text(), promised: amount(), received: amount(), owed: amount(), owedKg: r.below(2) == 0 ? nil : amount(),
                    periodsMissed: r.below(100), since: r.below(2) == 0 ? nil : period(),
                    periods: (0..<r.below(3)).map { _ in ArrearsPeriod(period: period(), expected: amount(), received: amount(), owed: amount()) })
            }
            let value = Ledger(arrears: lines, asOf: try Day(parsing: "1920-03-04"))
            for pretty in [true, false] {
                let encoder = JSONEncoder()
                encoder.keyEncodingStrategy = .convertToSnakeCase
                encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
                let theirs = String(decoding: try encoder.encode(value), as: UTF8.self)
                let ours = String(decoding: try HouseJSONEncoder(pretty: pretty).encode(value), as: UTF8.self)
                #expect(ours == theirs, "case \(n), pretty \(pretty)")
                if ours != theirs { return }
            }
        }
    }

    @Test func refusesNumbersJSONCannotHold() {
        #expect(throws: EncodingError.self) { try HouseJSONEncoder().encode(Double.nan) }
        #expect(throws: EncodingError.self) { try HouseJSONEncoder().encode([Double.infinity]) }
    }
}
