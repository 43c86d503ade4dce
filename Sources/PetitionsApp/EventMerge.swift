import Foundation
import PetitionsDomain
import PetitionsStore

/// `petitions import events FILE`: merges another office's exported event log into this ledger.
public enum EventMerge {
    /// Reads `path` (`-` for standard input) and merges it; `maps` are `THEIRS=OURS` handle pairs.
    public static func run(path: String, maps: [String], ledger: Ledger) throws -> MergeResult {
        var map: [String: String] = [:]
        for m in maps {
            let parts = m.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw PetitionsError.invalid("--map", m, "is not THEIRS=OURS, e.g. --map ivanov=ivanov-klin")
            }
            if let earlier = map[parts[0]], earlier != parts[1] {
                throw PetitionsError.invalid("--map", m, "maps \(parts[0]) a second time (it already maps to \(earlier))")
            }
            map[parts[0]] = parts[1]
        }
        let source = path == "-" ? "standard input" : path
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw PetitionsError("\(path): no such file; nothing was imported.", code: .noInput)
            }
            guard !isDirectory.boolValue, let d = FileManager.default.contents(atPath: path) else {
                throw PetitionsError("\(path) cannot be read (it is a folder or not readable); nothing was imported.", code: .noInput)
            }
            data = d
        }
        return try ledger.importEvents(data, source: source, map: map)
    }
}
