import Foundation

/// The one JSON shape of every command and report: snake_case keys, sorted, pretty-printed, ISO days, slashes unescaped
/// (written by `HouseJSONEncoder`, byte for byte what Foundation's JSONEncoder writes with those settings).
public enum JSONOutput {
    /// `value` as JSON text followed by a newline.
    public static func text<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try bytes(value), as: UTF8.self)
    }

    /// `value` as JSON bytes followed by a newline.
    public static func bytes<T: Encodable>(_ value: T) throws -> [UInt8] {
        var out = try HouseJSONEncoder().encode(value)
        out.append(UInt8(ascii: "\n"))
        return out
    }
}
