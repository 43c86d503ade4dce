import Foundation
import PetitionsTestSupport
import Testing

extension EighthTrialTests {
    // MARK: - Binary rules, calendar and configuration files

    @Test("a rules, calendar or configuration file that is not UTF-8 text is refused as such; a rules file is not told of weekends")
    func aBinaryTOMLFileIsRefusedAsNotText() throws {
        var cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        let file = cli.directory.appendingPathComponent("rand.bin")
        try Data([0x69, 0x64, 0x20, 0x3D, 0x20, 0xFF, 0xFE, 0x80, 0x0A, 0xC3, 0x28, 0x0A]).write(to: file)
        let before = try BadInputTests.snapshot(cli)
        for args in [["rules", "set", file.path], ["calendar", "set", file.path], ["check", "--as-of", "1920-03-04", "--rules", file.path]] {
            let r = try cli.run(args)
            #expect(r.status == 65, "\(args): \(r)")
            #expect(r.stderr == "error: \(file.path) is not a text file (a TOML file is UTF-8 text); nothing was read from it.\n", "\(args): \(r)")
        }
        cli.environment["PETITIONS_CONFIG"] = file.path
        let config = try cli.run(["petition", "list"])
        #expect(config.status == 65 && config.stderr.contains("is not a text file"), "\(config)")
        cli.environment["PETITIONS_CONFIG"] = nil
        #expect(try BadInputTests.snapshot(cli) == before)
        let status = cli.directory.appendingPathComponent("status.toml")
        try "Name:\tpetitions\nUmask:\t0022\n".write(to: status, atomically: true, encoding: .utf8)
        let r = try cli.run(["rules", "set", status.path])
        #expect(r.status == 65 && !r.stderr.contains("weekend"), "\(r)")
    }
}
