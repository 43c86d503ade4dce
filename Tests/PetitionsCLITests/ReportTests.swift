import CSV
import Foundation
import PetitionsTestSupport
import Testing

/// `petitions report` on the Dmitrov ledger of Kropotkin's letter, as of 4 March 1920: golden files for every format,
/// the JSON against its schema, the CSV read back, redaction, and the output file.
@Suite struct ReportTests {
    static var golden: URL { RuleTests.repository.appendingPathComponent("Tests/PetitionsCLITests/Golden") }
    static var schema: URL { RuleTests.repository.appendingPathComponent("docs/report.schema.json") }
    /// Golden files are re-recorded only on purpose: PETITIONS_RECORD_GOLDEN=1 swift test --filter ReportTests.
    static var recording: Bool { ProcessInfo.processInfo.environment["PETITIONS_RECORD_GOLDEN"] == "1" }
    static let sections = [
        "summary", "overdue_deliveries", "arrears", "unanswered_letters", "petitions", "authorities",
        "trend.findings", "trend.deliveries",
    ]
    static let asOf = ["--as-of", "1920-03-04"]

    /// The Dmitrov ledger after one recorded check as of 4 March 1920, as the demo leaves it.
    static func ledger() throws -> CLI {
        let cli = try RuleTests.dmitrov()
        let check = try cli.run(["check", "--record"] + asOf)
        #expect(check.status == 1, "the check finds what is late: \(check)")
        return cli
    }

    static func report(_ cli: CLI, _ args: [String]) throws -> String {
        let r = try cli.run(["report"] + asOf + args)
        #expect(r.status == 0, "\(args): \(r)")
        return r.stdout
    }

    /// Compares with the golden file, or writes it when recording (and `recordable`).
    static func expectGolden(_ actual: String, _ name: String, recordable: Bool = true) throws {
        let url = golden.appendingPathComponent(name)
        if recording && recordable {
            try FileManager.default.createDirectory(at: golden, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = try #require(
            FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) },
            "no golden file \(name); record it with PETITIONS_RECORD_GOLDEN=1")
        guard actual != expected else { return }
        let a = actual.components(separatedBy: "\n")
        let e = expected.components(separatedBy: "\n")
        let line = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
        Issue.record(
            "\(name) differs from its golden file at line \(line + 1):\n  expected: \(line < e.count ? e[line] : "(end)")\n  actual:   \(line < a.count ? a[line] : "(end)")"
        )
    }

    // MARK: - Golden files

    @Test func everyFormatMatchesItsGoldenFile() throws {
        let cli = try Self.ledger()
        defer { cli.remove() }
        try Self.expectGolden(Self.report(cli, []), "report.txt")
        try Self.expectGolden(Self.report(cli, ["--format", "text"]), "report.txt")
        try Self.expectGolden(Self.report(cli, ["--format", "markdown"]), "report.md")
        try Self.expectGolden(Self.report(cli, ["--format", "json"]), "report.json")
        for s in Self.sections {
            try Self.expectGolden(Self.report(cli, ["--format", "csv", "--section", s]), "report-\(s).csv")
        }
        try Self.expectGolden(Self.report(cli, ["--redact"]), "report-redacted.txt")
    }

    @Test func textFitsOneHundredColumnsWithoutColour() throws {
        let cli = try Self.ledger()
        defer { cli.remove() }
        for format in ["text", "markdown"] {
            let out = try Self.report(cli, ["--format", format])
            #expect(!out.contains("\u{1B}["), "no colour outside a terminal")
            if format == "text" {
                for line in out.split(separator: "\n") { #expect(line.count <= 100, "\(line.count) columns: \(line)") }
            }
        }
        let text = try Self.report(cli, [])
        let unwrapped = text.replacingOccurrences(of: "\n  ", with: " ")
        #expect(unwrapped.contains("2 months not delivered in full since January 1920: 3,400 funt of wheat owed (1,392.342 kg)."), "\(text)")
        #expect(
            try Self.report(cli, ["--format", "markdown"]).contains(
                "2 months not delivered in full since January 1920: 3,400 funt of wheat owed (1,392.342 kg)."))
        for heading in ["Headline", "Overdue supply", "Unanswered letters", "Petitions by status", "Authorities", "Trend"] {
            #expect(text.contains("\n\(heading)\n"), "section \(heading)")
        }
    }

    // MARK: - JSON

    @Test func jsonConformsToItsSchema() throws {
        let cli = try Self.ledger()
        defer { cli.remove() }
        let schema = try JSONSchema(contentsOf: Self.schema)
        for args in [[], ["--redact"], ["--recipient", "kropotkin"], ["--authority", "moscow-supply", "--since", "1920-01-01"]] {
            let json = try Self.report(cli, ["--format", "json"] + args)
            let errors = try schema.errors(in: Data(json.utf8))
            #expect(errors.isEmpty, "\(args): \(errors.joined(separator: "\n"))")
        }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(Self.report(cli, ["--format", "json"]).utf8)) as? [String: Any])
        #expect(
            Set(json.keys) == [
                "as_of", "summary", "overdue_deliveries", "arrears", "unanswered_letters", "petitions", "authorities", "trend", "redacted",
            ])
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["household_members"] as? Int == 267, "265 counted in the group, and two persons")
        #expect(summary["open_petitions"] as? Int == 3)
        #expect((summary["most_urgent"] as? String)?.hasPrefix("Dmitrov postal-telegraph employees: January 1920") == true, "\(summary)")
        let arrears = try #require((json["arrears"] as? [[String: Any]])?.first)
        #expect(arrears["owed"] as? Int == 3400)
        #expect(arrears["promised"] as? Int == 10200)
        #expect(arrears["received"] as? Int == 6800)
        #expect((arrears["owed_kg"] as? NSNumber)?.decimalValue == Decimal(string: "1392.342"))
        #expect(arrears["periods_missed"] as? Int == 2, "January and February; March is still within its grace")
    }

    @Test func theSchemaValidatorRejectsWhatBreaksTheSchema() throws {
        let schema = try JSONSchema(contentsOf: Self.schema)
        let cli = try Self.ledger()
        defer { cli.remove() }
        var json = try #require(try JSONSerialization.jsonObject(with: Data(Self.report(cli, ["--format", "json"]).utf8)) as? [String: Any])
        json["as_of"] = "4 March 1920"
        json["extra"] = 1
        var summary = try #require(json["summary"] as? [String: Any])
        summary["open_petitions"] = -1
        summary["findings"] = ["warning": 0, "overdue": true]
        summary.removeValue(forKey: "most_urgent")
        json["summary"] = summary
        let errors = try schema.errors(in: JSONSerialization.data(withJSONObject: json))
        for needle in [
            "$.as_of", "key extra", "$.summary.open_petitions", "$.summary.findings.overdue", "missing required key critical",
            "missing required key most_urgent",
        ] {
            #expect(errors.contains { $0.contains(needle) }, "\(needle) in \(errors)")
        }
    }

    // MARK: - CSV

    @Test func csvReadsBackAsTheJSONSays() throws {
        let cli = try Self.ledger()
        defer { cli.remove() }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(Self.report(cli, ["--format", "json"]).utf8)) as? [String: Any])
        let expectedRows: [String: Int] = [
            "summary": 1, "overdue_deliveries": (json["overdue_deliveries"] as? [Any])?.count ?? -1,
            "arrears": (json["arrears"] as? [Any])?.count ?? -1,
            "unanswered_letters": (json["unanswered_letters"] as? [Any])?.count ?? -1, "petitions": (json["petitions"] as? [Any])?.count ?? -1,
            "authorities": (json["authorities"] as? [Any])?.count ?? -1,
            "trend.findings": ((json["trend"] as? [String: Any])?["findings"] as? [Any])?.count ?? -1,
            "trend.deliveries": ((json["trend"] as? [String: Any])?["deliveries"] as? [Any])?.count ?? -1,
        ]
        for s in Self.sections {
            let text = try Self.report(cli, ["--format", "csv", "--section", s])
            #expect(text.hasSuffix("\r\n"), "RFC 4180 lines end with CRLF")
            let reader = try CSVReader(string: text, hasHeaderRow: true)
            let header = try #require(reader.headerRow)
            var rows: [[String]] = []
            while let row = reader.next() { rows.append(row) }
            #expect(rows.count == expectedRows[s], "\(s): \(rows.count) rows")
            #expect(rows.allSatisfy { $0.count == header.count }, "\(s): every row has \(header.count) cells")
            if s == "arrears" {
                let row = try #require(rows.first)
                #expect(row[header.firstIndex(of: "owed") ?? 0] == "3400")
                #expect(row[header.firstIndex(of: "owed_kg") ?? 0] == "1392.342")
            }
            if s == "unanswered_letters" {
                #expect(rows.map { $0[0] } == ["1", "2", "3"], "oldest first")
            }
        }
    }

    @Test func csvCellsThatASpreadsheetWouldRunAreNeutralised() throws {
        let cli = try Self.ledger()
        defer { cli.remove() }
        #expect(
            try cli.run([
                "petition", "log", "--from", "dmitrov-post", "--to", "moscow-supply", "--subject", "=HYPERLINK(\"http://x\")",
                "--on", "1920-03-01",
            ]).status == 0)
        #expect(
            try cli.run(["petition", "log", "--from", "dmitrov-post", "--to", "moscow-supply", "--subject", "+1+2", "--on", "1920-03-01"]).status == 0
        )
        let text = try Self.report(cli, ["--format", "csv", "--section", "petitions"])
        let reader = try CSVReader(string: text, hasHeaderRow: true)
        var subjects: [String] = []
        while let row = reader.next() { subjects.append(row[6]) }
        #expect(subjects.contains("'=HYPERLINK(\"http://x\")"), "\(subjects)")
        #expect(subjects.contains("'+1+2"))
        #expect(!subjects.contains { $0.hasPrefix("=") || $0.hasPrefix("+") || $0.hasPrefix("@") })
    }

    @Test func csvNeedsOneSectionAndSectionsNeedCSV() throws {
        let cli = try Self.ledger()
        defer { cli.remove() }
        let none = try cli.run(["report", "--format", "csv"] + Self.asOf)
        #expect(none.status == 64, "\(none)")
        #expect(none.stderr.contains("overdue_deliveries") && none.stderr.contains("trend.deliveries"), "the sections are listed: \(none.stderr)")
        let unknown = try cli.run(["report", "--format", "csv", "--section", "letters"] + Self.asOf)
        #expect(unknown.status == 64 && unknown.stderr.contains("'letters'"), "\(unknown)")
        let text = try cli.run(["report", "--section", "arrears"] + Self.asOf)
        #expect(text.status == 64, "\(text)")
    }

    // MARK: - Redaction

    @Test func redactionLeavesNoPersonsNameInAnyFormat() throws {
        let cli = try Self.ledger()
        defer { cli.remove() }
        #expect(
            try cli.run([
                "petitioner", "add", "--name", "Ivan Petrov", "--handle", "ivan", "--group", "dmitrov-post",
                "--dependant", "Maria Petrova:incapacitated",
            ]).status == 0)
        #expect(
            try cli.run([
                "petition", "log", "--from", "ivan", "--to", "moscow-supply", "--subject", "Rations for Ivan Petrov and Maria Petrova",
                "--on", "1920-02-20",
            ]).status == 0)
        let plain = try Self.report(cli, [])
        #expect(plain.contains("kropotkin") && plain.contains("Ivan Petrov"), "the unredacted report names them")
        var outputs = try ["text", "markdown", "json", "html"].map { try Self.report(cli, ["--redact", "--format", $0]) }
        outputs += try Self.sections.map { try Self.report(cli, ["--redact", "--format", "csv", "--section", $0]) }
        for out in outputs {
            for name in ["Kropotkin", "Pëtr", "A Dmitrov employee", "Ivan Petrov", "Maria Petrova", "\"ivan\"", "\"employee\""] {
                #expect(!out.localizedCaseInsensitiveContains(name), "\(name) in \(out.prefix(300))")
            }
            #expect(out.range(of: "\\bemployee\\b", options: .regularExpression) == nil, "the handle employee: \(out.prefix(300))")
            #expect(
                out.contains("sovnarkom") || out.contains("moscow-supply") || out.hasPrefix("as_of") || out.hasPrefix("month")
                    || out.hasPrefix("period"),
                "authorities stay named")
        }
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(Self.report(cli, ["--redact", "--format", "json"]).utf8)) as? [String: Any])
        #expect(json["redacted"] as? Bool == true)
        let petitions = try #require(json["petitions"] as? [[String: Any]])
        let kropotkin = try #require(petitions.first { $0["id"] as? Int == 3 })
        #expect(kropotkin["via"] as? String == "person-6")
        let ivan = try #require(petitions.first { $0["petitioner"] as? String == "person-7" })
        #expect(ivan["petitioner_name"] as? String == "I. P. (#7)")
        #expect(ivan["subject"] as? String == "Rations for I. P. (#7) and M. P.")
        #expect(petitions.contains { $0["petitioner_name"] as? String == "Dmitrov postal-telegraph employees" }, "groups stay named")
    }

    // MARK: - Output file

    @Test func outputIsPrivateAndNeverOverwrittenWithoutForce() throws {
        let cli = try Self.ledger()
        defer { cli.remove() }
        let file = cli.directory.appendingPathComponent("report.md").path
        let first = try cli.run(["report", "--format", "markdown", "--output", file] + Self.asOf)
        #expect(first.status == 0, "\(first)")
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600, "readable by its owner only")
        let written = try String(contentsOfFile: file, encoding: .utf8)
        #expect(written == (try Self.report(cli, ["--format", "markdown"])))

        let again = try cli.run(["report", "--format", "json", "--output", file] + Self.asOf)
        #expect(again.status == 73, "\(again)")
        #expect(again.stderr == "error: --output: \(file) already exists; add --force to overwrite it.\n")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == written, "left untouched")

        let forced = try cli.run(["report", "--format", "json", "--output", file, "--force"] + Self.asOf)
        #expect(forced.status == 0, "\(forced)")
        #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("{"))
        #expect(((try FileManager.default.attributesOfItem(atPath: file))[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).filter { $0.hasPrefix(".petitions-report") }
        #expect(leftovers.isEmpty, "no temporary file is left behind: \(leftovers)")

        let missing = try cli.run(["report", "--output", cli.directory.appendingPathComponent("no/such/folder/r.txt").path] + Self.asOf)
        #expect(missing.status == 73, "\(missing)")
    }

    // MARK: - As of a day, and narrowed

    @Test func theReportJudgesAsOfItsDay() throws {
        let cli = try Self.ledger()
        defer { cli.remove() }
        #expect(
            try cli.run([
                "letter", "receive", "--from", "moscow-supply", "--to", "dmitrov-post", "--on", "1920-03-10", "--subject", "Dispatched",
                "--in-reply-to", "1",
            ]).status == 0)
        #expect(try cli.run(["petition", "status", "1", "--to", "answered", "--on", "1920-03-10"]).status == 0)
        #expect(
            try cli.run([
                "delivery", "receive", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--period", "1920-01", "--on", "1920-03-12",
                "--quantity", "1000 funt wheat",
            ]).status == 0)
        // As of 4 March nothing of that had happened yet: the golden report stands.
        try Self.expectGolden(Self.report(cli, ["--format", "json"]), "report.json", recordable: false)

        let later = try #require(
            try JSONSerialization.jsonObject(with: Data(cli.run(["report", "--as-of", "1920-03-12", "--format", "json"]).stdout.utf8))
                as? [String: Any])
        let petitions = try #require(later["petitions"] as? [[String: Any]])
        #expect(petitions.first { $0["id"] as? Int == 1 }?["status"] as? String == "answered")
        #expect(petitions.first { $0["id"] as? Int == 1 }?["age_days"] is NSNull)
        let moscow = try #require((later["authorities"] as? [[String: Any]])?.first { $0["handle"] as? String == "moscow-supply" })
        #expect(moscow["answered"] as? Int == 1)
        #expect(moscow["answered_within_deadline"] as? Int == 0, "due 10 February, answered 10 March")
        #expect(moscow["median_days_to_answer"] as? Int == 50)
        #expect(moscow["open_now"] as? Int == 0)
        let arrears = try #require((later["arrears"] as? [[String: Any]])?.first)
        #expect(arrears["owed"] as? Int == 4100, "1,000 funt came for January on 12 March")
        let january = try #require(
            (later["trend"] as? [String: Any]).flatMap { $0["deliveries"] as? [[String: Any]] }?.first { $0["period"] as? String == "1920-01" })
        #expect(january["partial"] as? Int == 1)
    }

    @Test func headlineCountsOnlyThePartiesRecordedByItsDay() throws {
        let cli = try Self.ledger()
        defer { cli.remove() }
        func summary(_ asOf: String, _ args: [String] = []) throws -> [String: Any] {
            let r = try cli.run(["report", "--as-of", asOf, "--format", "json"] + args)
            #expect(r.status == 0, "\(r)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            return try #require(json["summary"] as? [String: Any])
        }
        let steps: [[String]] = [
            ["petitioner", "add", "--name", "Anna Later", "--handle", "anna", "--group", "dmitrov-post", "--on", "1920-05-01"],
            ["group", "add", "--name", "Klin employees", "--handle", "klin-post", "--count", "employee=40", "--on", "1920-06-01"],
        ]
        for s in steps { #expect(try cli.run(s).status == 0, "\(s)") }
        let march = try summary("1920-03-04")
        #expect(march["petitioners"] as? Int == 2 && march["groups"] as? Int == 1, "\(march)")
        #expect(march["household_members"] as? Int == 267, "as the golden report: nobody recorded after 4 March")
        let group = try summary("1920-03-04", ["--recipient", "dmitrov-post"])
        #expect(group["petitioners"] as? Int == 1 && group["household_members"] as? Int == 266, "its one member then, and 265 counted: \(group)")
        let july = try summary("1920-07-01")
        #expect(july["petitioners"] as? Int == 3 && july["groups"] as? Int == 2 && july["household_members"] as? Int == 308, "\(july)")
    }

    @Test func filtersNarrowTheSections() throws {
        let cli = try Self.ledger()
        defer { cli.remove() }
        func json(_ args: [String]) throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(Self.report(cli, ["--format", "json"] + args).utf8)) as? [String: Any])
        }
        func ids(_ j: [String: Any], _ key: String, _ id: String) -> [Int] { (j[key] as? [[String: Any]] ?? []).compactMap { $0[id] as? Int } }

        let moscow = try json(["--authority", "moscow-supply"])
        #expect(ids(moscow, "unanswered_letters", "letter") == [1])
        #expect(ids(moscow, "petitions", "id") == [1])
        #expect((moscow["overdue_deliveries"] as? [Any])?.count == 2, "moscow-supply supplies the decree")
        #expect((moscow["authorities"] as? [[String: Any]])?.map { $0["handle"] as? String } == ["moscow-supply"])

        let sovnarkom = try json(["--authority", "sovnarkom"])
        #expect((sovnarkom["overdue_deliveries"] as? [Any])?.isEmpty == true)
        #expect((sovnarkom["arrears"] as? [Any])?.isEmpty == true)
        #expect(ids(sovnarkom, "unanswered_letters", "letter") == [2, 3])

        let since = try json(["--since", "1920-02-01"])
        #expect(ids(since, "petitions", "id") == [2, 3])
        #expect(ids(since, "unanswered_letters", "letter") == [2, 3])
        #expect(((since["trend"] as? [String: Any])?["deliveries"] as? [[String: Any]])?.map { $0["period"] as? String } == ["1920-02", "1920-03"])

        let kropotkin = try json(["--recipient", "kropotkin"])
        #expect(ids(kropotkin, "petitions", "id") == [3], "the petition he wrote as intermediary")
        #expect((kropotkin["arrears"] as? [Any])?.isEmpty == true)
        #expect(((kropotkin["summary"] as? [String: Any])?["household_members"] as? Int) == 1)

        let group = try json(["--recipient", "dmitrov-post"])
        #expect(ids(group, "petitions", "id") == [1, 2, 3], "with the petition of its member")

        let unknown = try cli.run(["report", "--authority", "moscow-suply"] + Self.asOf)
        #expect(unknown.status == 65 && unknown.stderr.contains("moscow-supply"), "the closest handle is suggested: \(unknown)")
    }
}
