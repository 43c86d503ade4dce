import Foundation

/// The units a ledger knows, looked up by name or alias.
public struct UnitCatalog: Sendable {
    public let units: [MeasureUnit]
    private let byName: [String: MeasureUnit]

    public init(_ units: [MeasureUnit]) throws {
        var map: [String: MeasureUnit] = [:]
        for u in units {
            guard u.base > 0 else { throw PetitionsError.invalid("unit \(u.name) base", String(u.base), "must be a positive integer") }
            for key in [u.name] + u.aliases {
                let k = key.lowercased()
                if map[k] != nil { throw PetitionsError.invalid("unit", key, "is defined twice") }
                map[k] = u
            }
        }
        self.units = units
        self.byName = map
    }

    public func unit(named name: String) -> MeasureUnit? { byName[name.lowercased()] }

    /// The unit, or an error naming the field, the value and the closest known unit.
    public func require(_ name: String, field: String) throws -> MeasureUnit {
        if let u = unit(named: name) { return u }
        let known = units.map(\.name)
        if let c = closest(to: name, among: known) {
            throw PetitionsError("\(field): unknown unit \(quoted(name)); did you mean \(quoted(c))? Known units: \(known.joined(separator: ", ")).")
        }
        throw PetitionsError("\(field): unknown unit \(quoted(name)); known units: \(known.joined(separator: ", ")).")
    }

    /// The unit of mass used for kilogram equivalents.
    public var kilogram: MeasureUnit? { unit(named: "kg") }
}
