import Foundation

/// Writes the house JSON (snake_case keys, sorted by their UTF-8 bytes, ISO days, slashes unescaped, pretty-printed or
/// compact) byte for byte as Foundation's `JSONEncoder` with those settings would, at a fraction of the cost.
///
/// Foundation's encoder converted each key to snake_case anew on every use, looked every value's type up at run time and
/// built a tree of its own before writing: on a listing of ten thousand late deliveries that was half of the
/// command's time. This one converts each distinct key once, keeps values it has already written as text, and writes
/// straight into a byte buffer. A test compares the two on random values.
public struct HouseJSONEncoder {
    public var pretty: Bool

    public init(pretty: Bool = true) { self.pretty = pretty }

    /// `value` as JSON bytes (no trailing newline).
    public func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        try append(value, to: &out, depth: 0)
        return out
    }

    /// Appends `value` as JSON to `out`, indented as if nested `depth` levels deep (for streaming the elements of a
    /// top-level array one at a time).
    public func append<T: Encodable>(_ value: T, to out: inout [UInt8], depth: Int) throws {
        let node = try JSONNodeEncoder.box(value, keys: KeyCache.shared)
        node.write(to: &out, depth: depth, pretty: pretty)
    }
}

// MARK: - Streaming a large document

extension HouseJSONEncoder {
    /// Writes `value` to `sink` in pieces of about `chunk` bytes: the members of a top-level object one at a time, and
    /// the elements of a member that is an array one at a time. The bytes are those of `encode(value)`, without the
    /// whole document in memory at once (a report of a country's deliveries is hundreds of megabytes of JSON).
    // Longer than 60 lines on purpose: the streaming writer keeps its buffer and its state in one place.
    public func stream<T: Encodable>(_ value: T, chunk: Int = 1 << 16, to sink: ([UInt8]) throws -> Void) throws {
        let keys = KeyCache.shared
        let recorder = MemberRecorder(keys: keys)
        try value.encode(to: recorder)
        var out: [UInt8] = []
        out.reserveCapacity(chunk + 4096)
        func flush(_ force: Bool = false) throws {
            if force ? !out.isEmpty : out.count >= chunk {
                try sink(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        guard let members = recorder.members, !recorder.other else {
            // Not an object at the top: nothing to gain from streaming.
            try sink(try encode(value))
            return
        }
        out.append(UInt8(ascii: "{"))
        if pretty { out.append(UInt8(ascii: "\n")) }
        for (n, member) in MemberRecorder.sorted(members).enumerated() {
            if n > 0 {
                out.append(UInt8(ascii: ","))
                if pretty { out.append(UInt8(ascii: "\n")) }
            }
            if pretty {
                out.append(UInt8(ascii: " "))
                out.append(UInt8(ascii: " "))
            }
            out.append(contentsOf: member.key.quoted)
            if pretty {
                out.append(UInt8(ascii: " "))
                out.append(UInt8(ascii: ":"))
                out.append(UInt8(ascii: " "))
            } else {
                out.append(UInt8(ascii: ":"))
            }
            switch member.value {
            case .node(let node):
                node.write(to: &out, depth: 1, pretty: pretty)
            case .array(let array):
                // As JSONNode.write writes an array at depth 1, one element at a time.
                out.append(UInt8(ascii: "["))
                if pretty { out.append(UInt8(ascii: "\n")) }
                var i = 0
                try array.forEachElement(keys: keys) { element in
                    if i > 0 {
                        out.append(UInt8(ascii: ","))
                        if pretty { out.append(UInt8(ascii: "\n")) }
                    }
                    if pretty { HouseJSONWriter.appendIndent(2, to: &out) }
                    element.write(to: &out, depth: 2, pretty: pretty)
                    i += 1
                    try flush()
                }
                if pretty {
                    out.append(UInt8(ascii: "\n"))
                    out.append(UInt8(ascii: " "))
                    out.append(UInt8(ascii: " "))
                }
                out.append(UInt8(ascii: "]"))
            }
            try flush()
        }
        if pretty { out.append(UInt8(ascii: "\n")) }
        out.append(UInt8(ascii: "}"))
        try flush(true)
    }
}

/// An array whose elements can be encoded one at a time.
protocol StreamableArray {
    func forEachElement(keys: KeyCache, _ body: (JSONNode) throws -> Void) throws
}

/// A collection other than an `Array` that encodes as a JSON array and whose elements a streamed document
/// (`HouseJSONEncoder.stream`) writes one at a time, as it does an array's: a report section worded as it is written.
public protocol HouseJSONElements {
    /// Hands each element to `body`, in order.
    func forEachEncodable(_ body: (any Encodable) throws -> Void) throws
}

/// The elements of a `HouseJSONElements` streamed as an array's.
struct StreamedElements: StreamableArray {
    let base: any HouseJSONElements

    func forEachElement(keys: KeyCache, _ body: (JSONNode) throws -> Void) throws {
        try base.forEachEncodable { element in try body(try JSONNodeEncoder.box(element, keys: keys)) }
    }
}

extension Array: StreamableArray where Element: Encodable {
    func forEachElement(keys: KeyCache, _ body: (JSONNode) throws -> Void) throws {
        for element in self { try body(try JSONNodeEncoder.box(element, keys: keys)) }
    }
}
