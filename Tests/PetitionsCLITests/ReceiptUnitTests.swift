import Foundation
import PetitionsTestSupport
import Testing

/// A receipt as it was recorded: each amount in the unit it came in, and why it was voided, in every output of the
/// command line (the web trial of 3 December 1926 found a receipt of two units shown as one sum in the first, and
/// `delivery show` saying of a voided receipt only that it counts for nothing).
@Suite struct ReceiptUnitTests {
    /// The Dmitrov ledger with a decree of 1 kg of salt a month for Kropotkin, January 1920 scheduled; its id.
    static func salt() throws -> (CLI, Int) {
        let cli = try BadInputTests.dmitrov()
        let steps: [[String]] = [
            [
                "decree", "add", "--handle", "salt", "--name", "Salt decree", "--issued", "1918-08-15", "--supplier", "moscow-supply",
                "--ration", "person: 1 kg salt",
            ],
            ["enrol", "--decree", "salt", "--recipient", "kropotkin", "--count", "person=1", "--from", "1920-01-01"],
            ["delivery", "schedule", "--decree", "salt", "--from", "1920-01", "--to", "1920-01", "--on", "1920-01-01"],
        ]
        for s in steps {
            let r = try cli.run(s)
            #expect(r.status == 0, "\(s): \(r)")
        }
        let list = try #require(try CLI.json(cli.run(["delivery", "list", "--format", "json"])) as? [[String: Any]])
        let id = try #require(list.first { $0["decree"] as? String == "salt" }?["id"] as? Int)
        return (cli, id)
    }

    static func receive(_ cli: CLI, _ quantities: [String]) throws -> CLI.Result {
        try cli.run(
            ["delivery", "receive", "--decree", "salt", "--recipient", "kropotkin", "--period", "1920-01", "--on", "1920-01-05"]
                + quantities.flatMap { ["--quantity", $0] })
    }

    @Test func aReceiptOfTwoUnitsOfOneCommodityShowsEachAmountInItsUnit() throws {
        let (cli, id) = try Self.salt()
        defer { cli.remove() }
        let received = try Self.receive(cli, ["1 funt salt", "590 g salt"])
        #expect(received.status == 0, "\(received)")
        // 409.51241 g and 590 g: 0.5 g short of 1 kg, and the receipt is the two amounts given, not 2.441 funt.
        #expect(received.stdout.contains("receipt 1 on 1920-01-05: 1 funt salt, 590 g salt"), "\(received.stdout)")
        #expect(!received.stdout.contains("2.441"), "\(received.stdout)")
        let show = try cli.run(["delivery", "show", String(id)])
        #expect(show.stdout.contains("received 0.9995 kg (as 1 funt + 590 g), short 0.0005 kg"), "\(show.stdout)")
        let json = try #require(try CLI.json(cli.run(["delivery", "show", String(id), "--format", "json"])) as? [String: Any])
        let receipt = try #require((json["receipts"] as? [[String: Any]])?.first)
        #expect(receipt["quantity"] as? String == "1 funt salt, 590 g salt", "\(receipt)")
        let amounts = (receipt["quantities"] as? [[String: Any]])?.map { "\(($0["amount"] as? NSNumber)?.stringValue ?? "?") \($0["unit"] ?? "?")" }
        #expect(amounts == ["1 funt", "590 g"], "\(receipt)")
        let list = try cli.run(["delivery", "list", "--period", "1920-01"])
        let words = list.stdout.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        #expect(words.contains("0.9995 kg salt (as 1 funt + 590 g)"), "the cell may wrap: \(list.stdout)")
        let overdue = try cli.run(["overdue", "--as-of", "1920-03-04"])
        #expect(overdue.stdout.contains("salt came as 1 funt + 590 g"), "\(overdue.stdout)")
        #expect(!overdue.stdout.contains("2.441"), "\(overdue.stdout)")

        // Voided, the receipt gives back both amounts: the whole kilogram is owed again.
        #expect(try cli.run(["receipt", "void", "1", "--reason", "Entered against the wrong month", "--on", "1920-01-06"]).status == 0)
        let after = try #require(try CLI.json(cli.run(["delivery", "show", String(id), "--format", "json"])) as? [String: Any])
        let line = try #require((after["lines"] as? [[String: Any]])?.first)
        #expect(((line["shortfall"] as? [String: Any])?["amount"] as? NSNumber)?.doubleValue == 1, "\(line)")
        #expect(after["status"] as? String == "pending")
        #expect(try cli.run(["verify"]).status == 0)
    }

    @Test func amountsOfOneUnitAddUpInThatUnit() throws {
        let (cli, id) = try Self.salt()
        defer { cli.remove() }
        #expect(try Self.receive(cli, ["1 funt salt", "200 g salt", "1 funt salt"]).status == 0)
        let json = try #require(try CLI.json(cli.run(["delivery", "show", String(id), "--format", "json"])) as? [String: Any])
        let receipt = try #require((json["receipts"] as? [[String: Any]])?.first)
        #expect(receipt["quantity"] as? String == "2 funt salt, 200 g salt", "\(receipt)")
        #expect(try cli.run(["verify"]).status == 0)
    }

    @Test func deliveryShowSaysWhyWhenAndByWhomAReceiptWasVoided() throws {
        let (cli, id) = try Self.salt()
        defer { cli.remove() }
        #expect(try Self.receive(cli, ["1 kg salt"]).status == 0)
        let void = try cli.run(["receipt", "void", "1", "--reason", "Entered against the wrong month", "--on", "1920-01-06"])
        #expect(void.status == 0, "\(void)")
        let show = try cli.run(["delivery", "show", String(id)])
        #expect(
            show.stdout.contains(
                "receipt 1 on 1920-01-05: 1 kg salt [voided: Entered against the wrong month, on 1920-01-06, by clerk; counts for nothing]"),
            "\(show.stdout)")
    }
}
