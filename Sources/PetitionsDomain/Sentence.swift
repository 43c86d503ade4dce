/// Text built from a string interpolation into one buffer of bytes, made a `String` once at the end: the messages of
/// late deliveries and waiting letters, written by the hundred thousand. Swift's own interpolation appended each piece
/// to a growing `String` (a call through `TextOutputStreamable` and a check of the string's storage each, and a copy
/// each time it outgrew its room); this one reserves room for the whole sentence first and copies each piece's bytes
/// (BENCHMARKS.md, "Messages and JSON written into buffers of their own"). The text is the same: strings as they are,
/// integers in decimal, anything else by its `description`.
///
///     let message = Sentence("\(name): \(days) days late").text
public struct Sentence: ExpressibleByStringInterpolation {
    public let text: String

    public init(_ sentence: Sentence) { self = sentence }
    public init(stringLiteral value: StaticString) { text = value.description }
    public init(stringInterpolation: Pieces) { text = String(decoding: stringInterpolation.bytes, as: UTF8.self) }

    public struct Pieces: StringInterpolationProtocol {
        var bytes: [UInt8] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            // Names, days and amounts are mostly under 32 bytes.
            bytes.reserveCapacity(literalCapacity + interpolationCount * 32)
        }

        public mutating func appendLiteral(_ literal: StaticString) {
            if literal.hasPointerRepresentation {
                bytes.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
            } else {
                bytes.append(contentsOf: literal.description.utf8)
            }
        }

        public mutating func appendInterpolation(_ s: String) { bytes.append(contentsOf: s.utf8) }

        public mutating func appendInterpolation(_ n: Int) { HouseJSONWriter.appendDigits(Int64(n), to: &bytes) }

        public mutating func appendInterpolation(_ v: some CustomStringConvertible) { bytes.append(contentsOf: v.description.utf8) }
    }
}
