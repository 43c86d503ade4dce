import CSV
import Foundation
import GRDB
import PetitionsTestSupport
import Testing

/// Bulk data in and out, merging offices' ledgers, backups and verify, run as a user would.
@Suite struct ExchangeTests {
    // MARK: - Helpers

    /// Writes `text` into the CLI's folder (with a byte-order mark when asked) and returns the path.
    static func file(_ cli: CLI, _ name: String, _ text: String, bom: Bool = false) throws -> String {
        let path = cli.directory.appendingPathComponent(name).path
        var data = Data(bom ? [0xEF, 0xBB, 0xBF] : [])
        data.append(Data(text.utf8))
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    static func succeeded(_ r: CLI.Result, _ what: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.status == 0, "\(what): \(r)", sourceLocation: sourceLocation)
    }

    static func objects(_ r: CLI.Result) throws -> [[String: Any]] {
        try #require(try CLI.json(r) as? [[String: Any]], "\(r)")
    }

    /// JSON text re-written with sorted keys, leaving out `dropping` keys at every level: equal text, equal content.
    static func canonical(_ text: String, dropping: Set<String> = []) throws -> String {
        func strip(_ v: Any) -> Any {
            if let d = v as? [String: Any] { return d.filter { !dropping.contains($0.key) }.mapValues(strip) }
            if let a = v as? [Any] { return a.map(strip) }
            return v
        }
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        return String(decoding: try JSONSerialization.data(withJSONObject: strip(value), options: [.sortedKeys, .fragmentsAllowed]), as: UTF8.self)
    }

    static func rows(_ path: String) throws -> [[String]] {
        let reader = try CSVReader(string: String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self))
        return Array(reader)
    }

    static func mode(_ path: String) throws -> Int {
        try ((FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue).map { $0 & 0o777 } ?? -1
    }
}
