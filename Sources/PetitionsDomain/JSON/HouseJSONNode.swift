import Foundation

/// A value while it is being encoded: scalars already as their JSON text, containers filled in as `encode(to:)` runs.
enum JSONNode {
    /// Written as it is: a number or a literal.
    case raw(String)
    /// Written in quotes, escaped.
    case string(String)
    case int(Int64)
    case array(JSONArrayBox)
    case object(JSONObjectBox)
    /// A super encoder's value: known only once the caller is done with it.
    case pending(JSONNodeEncoder)
    /// A record that writes itself (`HouseJSONWritable`).
    case custom(any HouseJSONWritable)

    static var null: JSONNode { .raw("null") }
    static var `true`: JSONNode { .raw("true") }
    static var `false`: JSONNode { .raw("false") }

    // Longer than 60 lines on purpose: one switch over the kinds of JSON value, the writer's hot loop.
    func write(to out: inout [UInt8], depth: Int, pretty: Bool) {
        switch self {
        case .raw(let text):
            out.append(contentsOf: text.utf8)
        case .string(let text):
            HouseJSONWriter.appendQuoted(text, to: &out)
        case .int(let n):
            HouseJSONWriter.appendDigits(n, to: &out)
        case .custom(let record):
            var writer = HouseJSONWriter(depth: depth, pretty: pretty)
            record.write(to: &writer)
            writer.append(to: &out)
        case .pending(let encoder):
            (encoder.node ?? .object(JSONObjectBox())).write(to: &out, depth: depth, pretty: pretty)
        case .array(let box):
            out.append(UInt8(ascii: "["))
            if pretty {
                out.append(UInt8(ascii: "\n"))
                for (i, item) in box.items.enumerated() {
                    if i > 0 {
                        out.append(UInt8(ascii: ","))
                        out.append(UInt8(ascii: "\n"))
                    }
                    indent(&out, depth + 1)
                    item.write(to: &out, depth: depth + 1, pretty: true)
                }
                out.append(UInt8(ascii: "\n"))
                indent(&out, depth)
            } else {
                for (i, item) in box.items.enumerated() {
                    if i > 0 { out.append(UInt8(ascii: ",")) }
                    item.write(to: &out, depth: depth + 1, pretty: false)
                }
            }
            out.append(UInt8(ascii: "]"))
        case .object(let box):
            out.append(UInt8(ascii: "{"))
            if pretty { out.append(UInt8(ascii: "\n")) }
            var first = true
            for i in box.order() {
                let entry = box.entries[i]
                if !first {
                    out.append(UInt8(ascii: ","))
                    if pretty { out.append(UInt8(ascii: "\n")) }
                }
                first = false
                if pretty { indent(&out, depth + 1) }
                out.append(contentsOf: entry.key.quoted)
                if pretty {
                    out.append(UInt8(ascii: " "))
                    out.append(UInt8(ascii: ":"))
                    out.append(UInt8(ascii: " "))
                } else {
                    out.append(UInt8(ascii: ":"))
                }
                entry.value.write(to: &out, depth: depth + 1, pretty: pretty)
            }
            if pretty {
                out.append(UInt8(ascii: "\n"))
                indent(&out, depth)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private func indent(_ out: inout [UInt8], _ depth: Int) { HouseJSONWriter.appendIndent(depth, to: &out) }
}

final class JSONArrayBox {
    var items: [JSONNode] = []
}

final class JSONObjectBox {
    var entries: [(key: JSONKey, value: JSONNode)] = []

    /// The positions of the entries to write: by key (UTF-8 byte order); of a key set twice, the last value, as a
    /// dictionary would keep. Records of one type give their keys in the same sequence every time, so the order is
    /// worked out once per sequence of keys (`ObjectOrders`), not once per record.
    func order() -> [Int] {
        if entries.count < 2 { return Array(entries.indices) }
        var hasher = Hasher()
        for e in entries { hasher.combine(ObjectIdentifier(e.key)) }
        let hash = hasher.finalize()
        if let known = ObjectOrders.shared.order(for: hash, keys: entries) { return known }
        let order = JSONKey.writingOrder(entries.map(\.key))
        ObjectOrders.shared.remember(order, for: hash, keys: entries)
        return order
    }

}
