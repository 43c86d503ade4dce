import Foundation
import PetitionsTestSupport
import Testing

/// Hostile files and values get one sentence in the program's words, naming the field and the value; a damaged
/// ledger is what `verify` is for. (Every run through `CLI` also fails on SQLite's or Swift's wording on stderr.)
@Suite struct MessageTests {
    /// A ledger with a few records, and nothing open on it.
    static func ledger() throws -> CLI {
        let cli = try CLI()
        for handle in ["sovnarkom", "narkomprod", "moscow-supply"] {
            let r = try cli.run(["authority", "add", "--name", "Authority \(handle)", "--handle", handle])
            #expect(r.status == 0, "\(r)")
        }
        let r = try cli.run(
            ["import", "petitioners", "-"], stdin: "name\n" + (1...300).map { "Petitioner \($0) of the Dmitrov district\n" }.joined())
        #expect(r.status == 0, "\(r)")
        return cli
    }

    @Test func verifyListsTheDamageOfAFileWithFlippedBytesAndExits1() throws {
        let cli = try Self.ledger()
        defer { cli.remove() }
        var data = try Data(contentsOf: URL(fileURLWithPath: cli.db))
        #expect(data.count >= 8 * 4096, "\(data.count)")
        // Page 2 onwards, past the header: the schema still reads, a table's pages do not.
        for offset in stride(from: 4096 + 100, to: data.count, by: 4096) {
            for i in offset..<min(offset + 64, data.count) { data[i] ^= 0xA5 }
        }
        try data.write(to: URL(fileURLWithPath: cli.db))
        let r = try cli.run(["verify"])
        #expect(r.status == 1, "\(r)")
        #expect(r.stdout.contains("damaged") && r.stdout.contains("restore it from a backup"), "\(r)")
        #expect(!r.stdout.contains("malformed") && !r.stderr.contains("malformed"), "\(r)")
        let json = try cli.run(["verify", "--format", "json"])
        #expect(json.status == 1, "\(json)")
        #expect((try CLI.json(json) as? [String: Any])?["ok"] as? Bool == false, "\(json)")
    }

    @Test func verifyListsTheDamageOfATruncatedFileAndExits1() throws {
        let cli = try Self.ledger()
        defer { cli.remove() }
        let data = try Data(contentsOf: URL(fileURLWithPath: cli.db))
        try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: cli.db))
        let r = try cli.run(["verify"])
        #expect(r.status == 1, "\(r)")
        #expect(r.stdout.contains("damaged"), "\(r)")
        #expect(!(r.stdout + r.stderr).contains("malformed"), "\(r)")
        // Other commands refuse the damaged ledger with the same advice, in our words.
        let list = try cli.run(["petitioner", "list"])
        #expect(list.status != 0 && list.stderr.contains("damaged") && list.stderr.contains("verify"), "\(list)")
    }
}
