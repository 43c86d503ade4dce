import Foundation
import Testing

/// The command line is one front end among several: it reaches the ledger only through PetitionsApp.
@Suite("Layering") struct LayeringTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    static func swiftFiles(in target: String) throws -> [URL] {
        let folder = sources.appendingPathComponent(target)
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return files.filter { $0.pathExtension == "swift" }
    }

    @Test("no file of the command line imports the store or GRDB")
    func commandLineImportsNoStore() throws {
        let files = try Self.swiftFiles(in: "petitions")
        #expect(files.count > 10)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            let imports = text.split(separator: "\n").filter { $0.hasPrefix("import ") }.map { String($0.dropFirst(7)) }
            // Nor the office server: `serve` starts it as a program of its own (petitions-server).
            let allowed = Set(["ArgumentParser", "Foundation", "PetitionsApp"])
            #expect(Set(imports).isSubset(of: allowed), "\(file.lastPathComponent) imports \(imports)")
        }
    }

    @Test("GRDB is imported only by the store")
    func grdbOnlyInTheStore() throws {
        for target in ["PetitionsDomain", "PetitionsRules", "PetitionsReport", "PetitionsApp", "PetitionsServer", "petitions", "petitions-server"] {
            for file in try Self.swiftFiles(in: target) {
                let text = try String(contentsOf: file, encoding: .utf8)
                #expect(!text.contains("import GRDB"), "\(target)/\(file.lastPathComponent) imports GRDB")
            }
        }
    }

    @Test("the office server reaches the ledger only through PetitionsApp: never the store, GRDB or SQLite")
    func serverImportsNoStore() throws {
        let files = try Self.swiftFiles(in: "PetitionsServer")
        #expect(files.count > 5)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            let imports = text.split(separator: "\n").filter { $0.hasPrefix("import ") }.map { String($0.dropFirst(7)) }
            #expect(!imports.contains("PetitionsStore") && !imports.contains("GRDB"), "\(file.lastPathComponent) imports \(imports)")
            #expect(!text.lowercased().contains("sqlite"), "\(file.lastPathComponent) names SQLite")
        }
    }

    @Test("no source file is over 400 lines, so that each holds one thing a newcomer can find by its name")
    func filesStaySmall() throws {
        let targets = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path)
        var seen = 0
        for target in targets {
            for file in try Self.swiftFiles(in: target) {
                let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
                seen += 1
                #expect(lines.count <= 401, "\(target)/\(file.lastPathComponent) has \(lines.count - 1) lines")
            }
        }
        #expect(seen > 100)
    }
}
