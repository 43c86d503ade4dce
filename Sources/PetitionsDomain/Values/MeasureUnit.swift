import Foundation

/// A unit of measure: its name, its dimension and how many base units (µg, µl, millionths of a piece) it holds.
public struct MeasureUnit: Hashable, Sendable, Codable {
    public let name: String
    public let dimension: String
    /// Base units in one of this unit: an exact integer, so that amounts are stored exactly.
    public let base: Int64
    public let aliases: [String]

    public init(name: String, dimension: String, base: Int64, aliases: [String] = []) {
        self.name = name
        self.dimension = dimension
        self.base = base
        self.aliases = aliases
    }
}
