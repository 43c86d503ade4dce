/// The errors a kind throws while decoding its parameters, for the rules file to word with the file, the line and
/// the value as written.
public enum RuleParameter {
    /// A value of the right type that the kind refuses: `requirement` follows "rule 'id' key 'value' ", e.g.
    /// "must be at least 1".
    public static func refused(_ key: any CodingKey, _ requirement: String) -> DecodingError {
        .dataCorrupted(DecodingError.Context(codingPath: [key], debugDescription: requirement))
    }

    /// A parameter the kind cannot do without: `sentence` follows "rule 'id' ", e.g. "is a sql rule without a query; …".
    public static func missing(_ key: any CodingKey, _ sentence: String) -> DecodingError {
        .keyNotFound(key, DecodingError.Context(codingPath: [], debugDescription: sentence))
    }

    /// A parameter written but empty: `sentence` follows "rule 'id' ", e.g. "has an empty query; …".
    public static func empty(_ key: any CodingKey, _ sentence: String) -> DecodingError {
        .valueNotFound(String.self, DecodingError.Context(codingPath: [key], debugDescription: sentence))
    }
}
