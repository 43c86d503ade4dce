import Foundation

/// The one JSON shape of every command and report: snake_case keys, sorted, pretty-printed, ISO days, slashes unescaped.
public enum JSONOutput {
    /// A new encoder with the house settings.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// `value` as JSON text followed by a newline.
    public static func text<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder().encode(value), as: UTF8.self) + "\n"
    }
}
