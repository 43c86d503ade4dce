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
            #expect(Set(imports).isSubset(of: ["ArgumentParser", "Foundation", "PetitionsApp"]), "\(file.lastPathComponent) imports \(imports)")
        }
    }

    @Test("GRDB is imported only by the store")
    func grdbOnlyInTheStore() throws {
        for target in ["PetitionsDomain", "PetitionsRules", "PetitionsReport", "PetitionsApp", "petitions"] {
            for file in try Self.swiftFiles(in: target) {
                let text = try String(contentsOf: file, encoding: .utf8)
                #expect(!text.contains("import GRDB"), "\(target)/\(file.lastPathComponent) imports GRDB")
            }
        }
    }
}
