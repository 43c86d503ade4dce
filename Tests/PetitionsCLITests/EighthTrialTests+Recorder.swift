import Foundation
import PetitionsTestSupport
import Testing

extension EighthTrialTests {
    // MARK: - Actor and office from every source

    struct NameSource: Sendable, CustomTestStringConvertible {
        let name: String
        let environment: [String: String]
        let config: String?
        let mentions: String
        var testDescription: String { name }
    }

    static let long = String(repeating: "x", count: 300)

    static let nameSources: [NameSource] = [
        NameSource(name: "office from the environment", environment: ["PETITIONS_OFFICE": "x\ny"], config: nil, mentions: "$PETITIONS_OFFICE"),
        NameSource(name: "actor from the environment", environment: ["PETITIONS_ACTOR": "x\ny"], config: nil, mentions: "$PETITIONS_ACTOR"),
        NameSource(name: "long actor from the environment", environment: ["PETITIONS_ACTOR": long], config: nil, mentions: "$PETITIONS_ACTOR"),
        NameSource(name: "actor from $USER", environment: ["PETITIONS_ACTOR": "", "USER": "u\nv"], config: nil, mentions: "$USER"),
        NameSource(name: "office from the config file", environment: [:], config: #"office = "a\nb""#, mentions: "office"),
        NameSource(name: "long office from the config file", environment: [:], config: "office = \"\(long)\"", mentions: "office"),
        NameSource(name: "office with ESC from the config file", environment: [:], config: #"office = "a\u001bb""#, mentions: "office"),
    ]

    @Test("actor and office from the environment or the configuration get the checks --actor and --office get", arguments: nameSources)
    func actorAndOfficeFromEverySourceAreChecked(_ source: NameSource) throws {
        var cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let before = try BadInputTests.snapshot(cli)
        for (key, value) in source.environment { cli.environment[key] = value }
        if let config = source.config {
            let path = cli.directory.appendingPathComponent("config.toml")
            try Data((config + "\n").utf8).write(to: path)
            cli.environment["PETITIONS_CONFIG"] = path.path
        }
        let r = try cli.run(["petition", "note", "1", "--text", "Chased by telephone"])
        #expect(r.status == 65, "\(r)")
        #expect(r.stderr.hasPrefix("error: ") && r.stderr.contains(source.mentions), "\(r)")
        for (key, _) in source.environment { cli.environment[key] = key == "PETITIONS_ACTOR" ? "clerk" : nil }
        cli.environment["PETITIONS_CONFIG"] = nil
        #expect(try BadInputTests.snapshot(cli) == before, "nothing was recorded")
    }

    @Test("import events refuses an actor or office no clerk could give, naming the line")
    func importEventsRefusesAnActorOrOfficeNoClerkCouldGive() throws {
        let dmitrov = try BadInputTests.dmitrov()
        let klin = try CLI()
        defer {
            dmitrov.remove()
            klin.remove()
        }
        #expect(try klin.run(["init", "--office", "klin"]).status == 0)
        let log = try dmitrov.run(["export", "events"]).stdout
        let before = try BadInputTests.snapshot(klin)
        for (key, value) in [("office", "x\ny"), ("actor", String(repeating: "a", count: 201))] {
            var lines = log.split(separator: "\n").map(String.init)
            var event = try #require(try JSONSerialization.jsonObject(with: Data(lines[2].utf8)) as? [String: Any])
            event[key] = value
            lines[2] = String(decoding: try JSONSerialization.data(withJSONObject: event, options: [.sortedKeys]), as: UTF8.self)
            let r = try klin.run(["import", "events", "-"], stdin: lines.joined(separator: "\n") + "\n")
            #expect(r.status == 65 && r.stderr.contains("line 3: \(key)"), "\(key): \(r)")
        }
        #expect(try BadInputTests.snapshot(klin) == before)
    }
}
