import Foundation
import PetitionsTestSupport
import Testing

/// A small ledger for the listings that are written as they are read (`letter list`, `delivery list`, the parties'
/// listings): two authorities, a group with counts, a petitioner with a household and a district, a decree with three
/// deliveries (complete, partial, pending), a petition, a letter answered by another, and a waiting letter whose
/// subject wraps in the table.
enum ListingLedger {
    static func make() throws -> CLI {
        let cli = try CLI()
        for args in [
            ["init", "--office", "dmitrov"],
            ["authority", "add", "--name", "Moscow Supply Committee", "--handle", "moscow-supply"],
            ["authority", "add", "--name", "Council of People's Commissars", "--handle", "sovnarkom"],
            [
                "group", "add", "--name", "Dmitrov postal-telegraph employees", "--handle", "dmitrov-post", "--count", "employee=125", "--count",
                "incapacitated=140",
            ],
            ["petitioner", "add", "--name", "Pëtr Kropotkin", "--handle", "kropotkin", "--dependant", "Sofia:incapacitated"],
            [
                "decree", "add", "--handle", "decree-1918", "--name", "Decree of 15 August 1918", "--issued", "1918-08-15", "--supplier",
                "moscow-supply", "--ration", "employee: 8 funt wheat", "--ration", "incapacitated: 5 funt wheat",
            ],
            ["enrol", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--from", "1919-09-01"],
            ["delivery", "schedule", "--decree", "decree-1918", "--from", "1919-09", "--to", "1919-11", "--on", "1919-09-01"],
            [
                "delivery", "receive", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--period", "1919-09", "--on", "1919-09-06",
                "--quantity", "1700 funt wheat",
            ],
            ["petition", "log", "--from", "dmitrov-post", "--to", "moscow-supply", "--subject", "January provisions", "--on", "1920-01-20"],
            ["letter", "send", "--from", "dmitrov-post", "--to", "moscow-supply", "--on", "1920-01-20", "--subject", "Appeal", "--petition", "1"],
            [
                "letter", "receive", "--from", "moscow-supply", "--to", "dmitrov-post", "--on", "1920-02-02", "--subject", "Answer", "--in-reply-to",
                "1", "--petition", "1",
            ],
            [
                "letter", "send", "--from", "kropotkin", "--to", "sovnarkom", "--on", "1920-03-04", "--subject",
                "The provisions promised to the postal-telegraph employees of the Dmitrov district by decree have not come for two months",
            ],
            ["petitioner", "edit", "kropotkin", "--district", "Dmitrov"],
            [
                "delivery", "receive", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--period", "1919-10", "--on", "1919-10-08",
                "--quantity", "900 funt wheat",
            ],
        ] {
            let r = try cli.run(args)
            #expect(r.status == 0, "\(args): \(r)")
        }
        return cli
    }

    /// Expects `args` to succeed and print exactly `lines`, each ended by a newline.
    static func expect(_ cli: CLI, _ args: [String], _ lines: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let r = try cli.run(args, sourceLocation: sourceLocation)
        #expect(r.status == 0 && r.stderr.isEmpty, "\(args): \(r)", sourceLocation: sourceLocation)
        let expected = lines.joined(separator: "\n") + "\n"
        #expect(r.stdout == expected, "\(args):\n\(r.stdout)", sourceLocation: sourceLocation)
    }

    /// Expects each of `args`, as text and as JSON, to list nothing: "(none)" and an empty array.
    static func expectNothing(_ cli: CLI, _ args: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        try expect(cli, args, ["(none)"], sourceLocation: sourceLocation)
        try expect(cli, args + ["--format", "json"], ["[", "", "]"], sourceLocation: sourceLocation)
    }

    /// Expects `args` to be refused with exit code 65 and exactly `sentence` on stderr, in both formats, nothing on stdout.
    static func expectRefused(_ cli: CLI, _ args: [String], _ sentence: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for format in ["text", "json"] {
            let r = try cli.run(args + ["--format", format], sourceLocation: sourceLocation)
            #expect(r.status == 65 && r.stdout.isEmpty && r.stderr == "error: \(sentence)\n", "\(args): \(r)", sourceLocation: sourceLocation)
        }
    }
}
