import Foundation
import PetitionsDomain
import TOMLKit

/// The configuration of petitions: a versioned Codable struct whose defaults live here and only here.
public struct Configuration: Codable, Equatable, Sendable {
    /// The format version of the configuration file.
    public var version: Int = 1
    /// The office that keeps the ledger.
    public var office: String = "local"
    /// A units file to use instead of the built-in one.
    public var units: String?
    /// The largest file `attach` takes, in MB (1 MB = 1,048,576 bytes).
    public var maxAttachmentMB: Int = 25

    public init() {}

    static let keys: Set<String> = ["version", "office", "units", "max_attachment_mb"]

    enum CodingKeys: String, CodingKey {
        case version, office, units
        case maxAttachmentMB = "max_attachment_mb"
    }

    public init(from decoder: Decoder) throws {
        let d = Configuration()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decodeIfPresent(Int.self, forKey: .version) ?? d.version
        office = try c.decodeIfPresent(String.self, forKey: .office) ?? d.office
        units = try c.decodeIfPresent(String.self, forKey: .units) ?? d.units
        maxAttachmentMB = try c.decodeIfPresent(Int.self, forKey: .maxAttachmentMB) ?? d.maxAttachmentMB
    }

    /// Parses a configuration file's text; unknown keys and bad values are errors naming them.
    public static func parse(_ text: String, source: String) throws -> Configuration {
        let table = try TOMLFile.table(text, source: source)
        for key in table.keys where !keys.contains(key) {
            throw PetitionsError("\(source): unknown key \(quoted(key)); known keys are \(keys.sorted().joined(separator: ", ")).")
        }
        // A value of the wrong type gets our sentence, naming the key, the file and the value, not the decoder's.
        for key in ["version", "max_attachment_mb"] {
            if let value = table[key], value.int == nil {
                // Quotes are the mistake only when the value is text; 1.5 is a number, just not a whole one.
                let how = value.string == nil ? "give a whole number" : "write it without quotes"
                throw PetitionsError(
                    "\(source): \(key) = \(UnitsFile.shown(value)) is not a whole number; \(how), e.g. \(key) = \(key == "version" ? 1 : 25)."
                )
            }
        }
        if let value = table["units"], value.string == nil { throw unitsRefusal(value, text: text, source: source) }
        if let value = table["office"], value.string == nil {
            throw PetitionsError("\(source): office = \(UnitsFile.shown(value)) is not text; write it in quotes, e.g. office = \"dmitrov\".")
        }
        var config = try TOMLFile.decode(Configuration.self, from: table, source: source)
        // Trimmed as `--office` and `$PETITIONS_OFFICE` are: `office = " klin "` recorded events under " klin ", an
        // office no merge would take for klin.
        config.office = config.office.trimmingCharacters(in: .whitespaces)
        guard config.version == 1 else {
            throw PetitionsError("\(source): version \(config.version) is newer than this program understands (1).")
        }
        guard !config.office.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw PetitionsError.invalid("\(source): office", config.office, "is empty")
        }
        // The check `--office` and `$PETITIONS_OFFICE` get: the office is recorded in every event.
        try RecorderName.refuse(config.office, field: "\(source): office", what: "an office's name")
        // `units = ""` was looked for as a file named nothing: "units: : no such file".
        if let units = config.units, units.trimmingCharacters(in: .whitespaces).isEmpty {
            throw PetitionsError.invalid(
                "\(source): units", units,
                "is not the path of a units file; leave the line out for the built-in units, or write units = \"units.toml\"")
        }
        guard (1...1024).contains(config.maxAttachmentMB) else {
            throw PetitionsError.invalid("\(source): max_attachment_mb", String(config.maxAttachmentMB), "is not a size from 1 to 1024 (MB)")
        }
        return config
    }

    /// The sentence refusing `units` given other than as the path of a units file, naming the line, the key and the
    /// value as a rules file's errors do: a table of units (`[units]` with `kg = 1000`), which belongs in a units
    /// file, is named by its first unit; a number or a list by its value.
    static func unitsRefusal(_ value: TOMLValueConvertible, text: String, source: String) -> PetitionsError {
        let lines = SourceLines(text)
        let at = lines.line(ofKey: "units")
        let place = { (line: Int?) in "\(source)\(line.map { ", line \($0)" } ?? "")" }
        let file =
            "write units = \"units.toml\" and give each unit there as a [[unit]] table with name, dimension and base, as config/units.toml does"
        if let table = value.table {
            let first = table.keys.map { ($0, lines.line(ofKey: $0, from: at ?? 0) ?? Int.max) }.min { ($0.1, $0.0) < ($1.1, $1.0) }
            if let (key, line) = first, let entry = table[key] {
                return PetitionsError(
                    "\(place(line == Int.max ? at : line)): units.\(key) \(UnitsFile.quotedValue(entry)) gives a unit in the configuration, but units is the path of a units file; \(file)."
                )
            }
            return PetitionsError("\(place(at)): units is an empty table, not the path of a units file; \(file).")
        }
        return PetitionsError(
            "\(place(at)): units \(UnitsFile.quotedValue(value)) is \(RulesFile.typeName(value)), not the path of a units file; write it in quotes, e.g. units = \"units.toml\"."
        )
    }

    /// Loads the configuration file at `path`, or the defaults when there is none.
    public static func load(path: String?) throws -> Configuration {
        guard let path else { return Configuration() }
        let data = try InputFile.contents(path, field: "--config")
        return try parse(try TOMLFile.text(data, source: path), source: path)
    }
}

/// TOML reading through TOMLKit, with errors that name the file and line.
public enum TOMLFile {
    /// The text of a TOML file's bytes, refused naming `source` when they are not UTF-8 text (a NUL, or bytes that are
    /// not UTF-8): read as U+FFFD, a binary file was refused for a '�' outside quotes, which said nothing of why.
    /// Line ends saved on Windows (CRLF, which TOML allows) become new lines: as one Swift character, CRLF split no
    /// line, so every error named line 1, and the stored text was refused for its carriage returns.
    public static func text(_ data: Data, source: String) throws -> String {
        guard let text = InputFile.utf8Text(data) else {
            throw PetitionsError("\(source) is not a text file (a TOML file is UTF-8 text); nothing was read from it.")
        }
        return text.contains("\r\n") ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
    }

    /// The sentence refusing a rules or calendar file's `version` other than 1. One written in quotes is said to be
    /// text to write without them, as the configuration says it: "version '1' is not one this program understands (1)"
    /// read as a riddle.
    static func versionRefusal(_ version: TOMLValueConvertible) -> String {
        if let text = version.string { return "version = \(quoted(text)) is not a whole number; write it without quotes, e.g. version = 1." }
        return "version \(quoted(version.debugDescription)) is not one this program understands (1)."
    }

    public static func table(_ text: String, source: String) throws -> TOMLTable {
        try refuseWhatAbortsTheParser(text, source: source)
        do {
            return try TOMLTable(string: text)
        } catch let e as TOMLParseError {
            throw PetitionsError("\(source), line \(e.source.begin.line): \(ourWords(e.description))")
        }
    }

    /// What toml++ found wrong ("Error while parsing key-value pair: expected value, saw '\\n'"), said as the rules
    /// file's other errors are: what is wrong on the line and how it is written. toml++'s wording never reaches a user.
    static func ourWords(_ parserMessage: String) -> String {
        let m = parserMessage.lowercased()
        // The same words for a rules, calendar, units or configuration file: no example key that belongs to one of them.
        let example = "write each setting as key = value, with text in double quotes (key = \"text\", key = [\"a\", \"b\"])"
        if m.contains("representable in 64 bits") || m.contains("exceeds length limit") || m.contains("numeric value too long") {
            return "a number is too large for a TOML file: whole numbers go up to 9,223,372,036,854,775,807 (a setting needs far less)."
        }
        if m.contains("key-value pair: expected value") { return "a key has no value after '='; \(example)." }
        if m.contains("could not determine value type") || m.contains("parsing date") || m.contains("floating-point")
            || m.contains("parsing integer")
        {
            return "a value is not one a TOML file can hold: text and days go in double quotes (\"1920-05-01\", [\"sunday\"], not 1920-05-01)."
        }
        if m.contains("parsing string") { return "a text value is not closed: its closing double quote is missing on this line." }
        if m.contains("parsing array") { return "a list is not closed or has an empty place: write it as [\"saturday\", \"sunday\"]." }
        if m.contains("cannot redefine") || m.contains("redefin") { return "a key or table given earlier is given again; give each once." }
        if m.contains("table header") { return "a table header is not closed: write it as [[holiday]] or [[rule]]." }
        if m.contains("expected '='") { return "a key is not followed by '='; \(example)." }
        return "this line is not a setting a TOML file can hold; \(example)."
    }

    public static func decode<T: Decodable>(_ type: T.Type, from table: TOMLTable, source: String) throws -> T {
        do {
            return try TOMLDecoder().decode(type, from: table)
        } catch let e as PetitionsError {
            throw e
        } catch let DecodingError.typeMismatch(_, ctx), let DecodingError.valueNotFound(_, ctx) {
            throw PetitionsError("\(source): \(path(ctx.codingPath)) has the wrong type (\(ctx.debugDescription)).")
        } catch let DecodingError.keyNotFound(key, ctx) {
            throw PetitionsError("\(source): \(path(ctx.codingPath + [key])) is missing.")
        } catch let DecodingError.dataCorrupted(ctx) {
            throw PetitionsError("\(source): \(path(ctx.codingPath)) is not valid (\(ctx.debugDescription)).")
        } catch {
            throw PetitionsError("\(source): \(error)")
        }
    }

    static func path(_ keys: [CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}

/// Units files: `[[unit]]` tables with name, dimension, base and aliases.
public enum UnitsFile {
    struct File: Decodable {
        var version: Int?
        var unit: [MeasureUnitEntry]
    }

    struct MeasureUnitEntry: Decodable {
        var name: String
        var dimension: String
        var base: Int64
        var aliases: [String]?
    }

    /// The built-in units (the same as `config/units.toml`).
    public static func defaults() throws -> [MeasureUnit] { DefaultUnits.units }

    /// Parses a units file.
    public static func parse(_ text: String, source: String) throws -> [MeasureUnit] {
        let table = try TOMLFile.table(text, source: source)
        for key in table.keys where !["version", "unit"].contains(key) {
            throw PetitionsError("\(source): unknown key \(quoted(key)); a units file has `version` and `[[unit]]` tables.")
        }
        let lines = SourceLines(text)
        let each = "give each unit as a [[unit]] table with name, dimension and base, as config/units.toml does"
        guard let value = table["unit"] else { throw PetitionsError("\(source) has no [[unit]] table; a units file must \(each).") }
        guard let entries = value.array, entries.allSatisfy({ $0.table != nil }) else {
            let how = value.table != nil ? "write [[unit]], with two brackets, before each unit" : each
            throw PetitionsError(
                "\(source)\(lines.line(ofKey: "unit").map { ", line \($0)" } ?? ""): unit \(quotedValue(value)) is \(RulesFile.typeName(value)), not a list of [[unit]] tables; \(how)."
            )
        }
        let headers = lines.headers("unit")
        for (i, u) in entries.enumerated() {
            let place = "\(source)\(i < headers.count ? ", line \(headers[i] + 1)" : "")"
            for key in u.table?.keys ?? [] where !["name", "dimension", "base", "aliases"].contains(key) {
                throw PetitionsError("\(place): unit \(i + 1) has an unknown key \(quoted(key)); units have name, dimension, base and aliases.")
            }
            if let entry = u.table { try checkEntry(entry, number: i + 1, source: place) }
        }
        let file = try TOMLFile.decode(File.self, from: table, source: source)
        let units = file.unit.map {
            MeasureUnit(name: $0.name.lowercased(), dimension: $0.dimension.lowercased(), base: $0.base, aliases: $0.aliases ?? [])
        }
        do {
            _ = try UnitCatalog(units)
        } catch let e as PetitionsError {
            throw PetitionsError("\(source): \(e.message)", code: e.code)
        }
        return units
    }

    /// Refuses, naming the unit, the key and the value, what the decoder would report in its own words (`base = 1.5`)
    /// or what only the ledger's CHECK constraints would catch (an empty name).
    static func checkEntry(_ entry: TOMLTable, number: Int, source: String) throws {
        let named = entry["name"]?.string.map { " (\(quoted($0)))" } ?? ""
        func refuse(_ key: String, _ value: String, _ why: String) -> PetitionsError {
            PetitionsError("\(source): unit \(number)\(named) has \(key) = \(value), which \(why).")
        }
        for key in ["name", "dimension"] {
            guard let value = entry[key] else {
                throw PetitionsError("\(source): unit \(number) has no \(key); every unit has a name, a dimension and a base.")
            }
            guard let text = value.string else { throw refuse(key, shown(value), "is not text; write it in quotes") }
            if text.trimmingCharacters(in: .whitespaces).isEmpty { throw refuse(key, quoted(text), "is empty; give the unit its \(key)") }
            try ControlCharacters.refuse(text, field: "\(source): unit \(number) \(key)")
            // The base counts micrograms, microlitres or millionths of a piece: of another dimension it would count nothing known.
            if key == "dimension", !dimensions.contains(text.lowercased()) {
                throw refuse(key, quoted(text), "is not a dimension petitions counts in; use mass, volume or count")
            }
        }
        guard let base = entry["base"] else {
            throw PetitionsError("\(source): unit \(number) has no base; every unit has a name, a dimension and a base.")
        }
        let counts = "base counts micrograms (mass), microlitres (volume) or millionths of a piece (count), e.g. base = 1_000_000 for a gram"
        guard let n = base.int else { throw refuse("base", shown(base), "is \(RulesFile.typeName(base)), not a whole number; \(counts)") }
        if n <= 0 { throw refuse("base", String(n), "is not at least 1; \(counts)") }
        if let aliases = entry["aliases"] {
            guard let list = aliases.array else { throw refuse("aliases", shown(aliases), "is not a list; write e.g. aliases = [\"kilo\"]") }
            for alias in list {
                guard let text = alias.string, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw refuse("aliases", shown(aliases), "holds \(shown(alias)), which is not a name")
                }
            }
        }
    }

    /// The dimensions a unit may have: those whose base unit the ledger counts in.
    static let dimensions: Set<String> = ["mass", "volume", "count"]

    /// A TOML value as the user wrote it, near enough to find it in the file (a list or a table as TOML writes it).
    static func shown(_ value: any TOMLValueConvertible) -> String {
        if let s = value.string { return quoted(s) }
        if let d = value.double { return String(d) }
        if let i = value.int { return String(i) }
        if let b = value.bool { return String(b) }
        return inline(value)
    }

    /// A TOML value on one line as TOML writes it inline (`{ base = "furlong", factor = 6350 }`, `["a", "b"]`):
    /// TOMLKit's own text quotes with `'` and writes a table over several lines.
    static func inline(_ value: any TOMLValueConvertible) -> String {
        if let s = value.string { return "\"" + s.replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        if let list = value.array { return "[" + list.map { inline($0) }.joined(separator: ", ") + "]" }
        if let table = value.table {
            let entries = table.keys.sorted().compactMap { key in table[key].map { "\(key) = \(inline($0))" } }
            return entries.isEmpty ? "{}" : "{ " + entries.joined(separator: ", ") + " }"
        }
        return shown(value)
    }

    /// A TOML value in a sentence, in quotes as the rules file's errors quote it: `'heavy'`, `'5'`, `'{ g = 6350 }'`.
    static func quotedValue(_ value: any TOMLValueConvertible) -> String { quoted(value.string ?? inline(value)) }

    /// Loads a units file from disk.
    public static func load(path: String) throws -> [MeasureUnit] {
        let data = try InputFile.contents(path, field: "units")
        return try parse(try TOMLFile.text(data, source: path), source: path)
    }
}
