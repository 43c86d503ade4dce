import Foundation
import PetitionsApp
import PetitionsDomain
import PetitionsTestSupport
import Testing

@Suite("Configuration and units files")
struct ConfigurationTests {
    @Test("config/units.toml holds the same units as the built-in defaults")
    func unitsFileMatchesDefaults() throws {
        let path = repositoryRoot.appendingPathComponent("config/units.toml").path
        let fromFile = try UnitsFile.load(path: path)
        let builtIn = try UnitsFile.defaults()
        #expect(fromFile == builtIn)
        #expect(Set(builtIn.map(\.name)) == ["g", "kg", "funt", "pood", "lb", "piece", "litre"])
    }

    @Test("the built-in units hold their historical values exactly")
    func builtInValues() throws {
        let units = try UnitCatalog(try UnitsFile.defaults())
        let g = try #require(units.unit(named: "g")).base
        let funt = try #require(units.unit(named: "funt")).base
        #expect(try #require(units.unit(named: "kg")).base == 1000 * g)
        #expect(funt * 100_000 == 40_951_241 * g)  // 409.51241 g
        #expect(try #require(units.unit(named: "pood")).base == 40 * funt)
        #expect(try #require(units.unit(named: "lb")).base * 100_000 == 45_359_237 * g)  // 453.59237 g
        #expect(units.unit(named: "pud")?.name == "pood")
        #expect(units.unit(named: "liters")?.name == "litre")
        #expect(units.unit(named: "piece")?.dimension == "count")
    }

    @Test("an empty configuration decodes to the defaults")
    func emptyIsDefaults() throws {
        let config = try PetitionsApp.Configuration.parse("", source: "empty.toml")
        #expect(config == PetitionsApp.Configuration())
        #expect(config.version == 1)
        #expect(config.office == "local")
        #expect(config.units == nil)
    }

    @Test("config/petitions.toml in the repository states the defaults")
    func shippedConfigIsDefaults() throws {
        let path = repositoryRoot.appendingPathComponent("config/petitions.toml").path
        #expect(try PetitionsApp.Configuration.load(path: path) == PetitionsApp.Configuration())
    }

    @Test("a configuration file sets the office and the units file")
    func values() throws {
        let config = try PetitionsApp.Configuration.parse(#"office = "dmitrov"\#nunits = "my-units.toml""#, source: "c.toml")
        #expect(config.office == "dmitrov")
        #expect(config.units == "my-units.toml")
    }

    @Test("an unknown key is an error naming it and the file")
    func unknownKey() throws {
        let error = try #require(throws: PetitionsError.self) {
            try PetitionsApp.Configuration.parse(#"ofice = "dmitrov""#, source: "petitions.toml")
        }
        #expect(error.message.contains("'ofice'"))
        #expect(error.message.contains("petitions.toml"))
    }

    @Test("a newer configuration version is refused")
    func newerVersion() throws {
        let error = try #require(throws: PetitionsError.self) { try PetitionsApp.Configuration.parse("version = 2", source: "petitions.toml") }
        #expect(error.message.contains("version 2"))
    }

    @Test("a value of the wrong type is an error naming the key")
    func wrongType() throws {
        let error = try #require(throws: PetitionsError.self) { try PetitionsApp.Configuration.parse("office = 3", source: "petitions.toml") }
        #expect(error.message.contains("office"))
        #expect(error.message.contains("petitions.toml"))
    }

    @Test("a missing configuration file is reported as missing input")
    func missingFile() throws {
        let error = try #require(throws: PetitionsError.self) { try PetitionsApp.Configuration.load(path: "/nonexistent/petitions.toml") }
        #expect(error.code == .noInput)
        #expect(error.message.contains("/nonexistent/petitions.toml"))
    }

    @Test("a units file with an unknown key in a unit is refused, naming the key")
    func unitsUnknownKey() throws {
        let text = """
            [[unit]]
            name = "funt"
            dimension = "mass"
            base = 409_512_410
            factor = 2
            """
        let error = try #require(throws: PetitionsError.self) { try UnitsFile.parse(text, source: "units.toml") }
        #expect(error.message.contains("'factor'"))
        #expect(error.message.contains("units.toml"))
    }

    @Test("a units file defining an alias twice is refused")
    func unitsDuplicate() throws {
        let text = """
            [[unit]]
            name = "funt"
            dimension = "mass"
            base = 409_512_410
            [[unit]]
            name = "pound"
            dimension = "mass"
            base = 453_592_370
            aliases = ["funt"]
            """
        #expect(throws: PetitionsError.self) { try UnitsFile.parse(text, source: "units.toml") }
    }
}
