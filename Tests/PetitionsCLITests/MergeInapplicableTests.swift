import Foundation
import PetitionsTestSupport
import Testing

/// Two offices that each did something ordinary the other could not know of: the merge goes on, the event that no
/// longer applies is kept in the log without effect and named, and later logs still merge.
@Suite struct MergeInapplicableTests {
    /// Dmitrov's ledger, and Klin's made from Dmitrov's log.
    static func twoOffices() throws -> (dmitrov: CLI, klin: CLI) {
        let dmitrov = try BadInputTests.dmitrov()
        let klin = try CLI()
        #expect(try klin.run(["init", "--office", "klin"]).status == 0)
        let log = try dmitrov.run(["export", "events"])
        #expect(try klin.run(["import", "events", "-"], stdin: log.stdout).status == 0)
        return (dmitrov, klin)
    }

    static func merge(_ from: CLI, into: CLI, json: Bool = false) throws -> CLI.Result {
        let log = try from.run(["export", "events"])
        return try into.run(["import", "events", "-"] + (json ? ["--format", "json"] : []), stdin: log.stdout)
    }

    @Test func aReplyToALetterVoidedHereIsRecordedWithAWarningAndLaterLogsStillMerge() throws {
        let (dmitrov, klin) = try Self.twoOffices()
        defer {
            dmitrov.remove()
            klin.remove()
        }
        #expect(try dmitrov.run(["letter", "void", "1", "--reason", "Sent by mistake"]).status == 0)
        let reply = ["letter", "receive", "--from", "moscow-supply", "--to", "dmitrov-post", "--on", "1920-02-10", "--subject", "Re: Appeal"]
        #expect(try klin.run(reply + ["--in-reply-to", "1"]).status == 0)
        // An event that could not be kept either (a control character in it) refuses the log, naming its line.
        let escaped = try klin.run(["export", "events"]).stdout.replacingOccurrences(of: "Re: Appeal", with: #"Re:\u001b Appeal"#)
        let refused = try dmitrov.run(["import", "events", "-"], stdin: escaped)
        #expect(refused.status == 65 && refused.stderr.contains("line ") && refused.stderr.contains("Nothing was imported"), "\(refused)")

        let merged = try Self.merge(klin, into: dmitrov)
        #expect(merged.status == 0, "\(merged)")
        #expect(merged.stderr.contains("warning: line ") && merged.stderr.contains("letter.received"), "\(merged)")
        #expect(merged.stderr.contains("voided here") && !merged.stdout.contains("could not apply"), "\(merged)")
        // Once the void reaches the other office, both hold the reply, a reply to the voided letter.
        #expect(try Self.merge(dmitrov, into: klin).status == 0)
        for cli in [dmitrov, klin] {
            let letters = try cli.run(["export", "letters", "--format", "json"]).stdout
            #expect(letters.contains("Re: Appeal") && letters.contains(#""in_reply_to":1"#), "\(letters)")
        }

        // Klin goes on: a later log, holding the same event again, merges, and what else it holds applies.
        #expect(try klin.run(["petitioner", "edit", "kropotkin", "--district", "Klin"]).status == 0)
        let again = try Self.merge(klin, into: dmitrov, json: true)
        #expect(again.status == 0, "\(again)")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])
        #expect((result["not_applied"] as? [String]) == [], "the kept event is already here: \(again.stdout)")
        let person = try #require(
            try JSONSerialization.jsonObject(with: Data(dmitrov.run(["petitioner", "show", "kropotkin", "--format", "json"]).stdout.utf8))
                as? [String: Any])
        #expect(person["district"] as? String == "Klin")
        #expect(try dmitrov.run(["verify"]).status == 0)
    }

    /// It was kept without effect, and the two ledgers differed for ever (MergeConvergenceTests has both ways).
    @Test func aReceiptForAPeriodUnscheduledHereSchedulesItAgainWithAWarning() throws {
        let (dmitrov, klin) = try Self.twoOffices()
        defer {
            dmitrov.remove()
            klin.remove()
        }
        #expect(try dmitrov.run(["enrol", "end", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--on", "1920-01-31"]).status == 0)
        let receive = [
            "delivery", "receive", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--period", "1920-03", "--on", "1920-03-02",
            "--quantity", "1000 funt wheat",
        ]
        #expect(try klin.run(receive).status == 0)
        let events = try dmitrov.run(["events", "--format", "json"]).stdout
        let merged = try Self.merge(klin, into: dmitrov, json: true)
        #expect(merged.status == 0, "\(merged)")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(merged.stdout.utf8)) as? [String: Any])
        #expect((result["not_applied"] as? [String])?.isEmpty ?? true, "\(result)")
        let warnings = try #require(result["warnings"] as? [String])
        #expect(warnings.count == 1 && warnings[0].contains("delivery.received"), "\(warnings)")
        #expect(warnings.first?.contains("1920-03 was unscheduled here") == true, "\(warnings)")
        #expect(try dmitrov.run(["events", "--format", "json"]).stdout.count > events.count, "the event is in the log")
        let march = try dmitrov.run(["delivery", "list", "--period", "1920-03", "--format", "json"]).stdout
        #expect(march.contains(#""status" : "partial""#), "\(march)")
        #expect(try dmitrov.run(["verify"]).status == 0)
    }

    @Test func anAttachmentsNameAndMediaTypeInALogAreCheckedNotTrusted() throws {
        let dmitrov = try BadInputTests.dmitrov()
        defer { dmitrov.remove() }
        let page = dmitrov.directory.appendingPathComponent("page.html").path
        try "<script>alert(1)</script>\n".write(toFile: page, atomically: true, encoding: .utf8)
        #expect(try dmitrov.run(["attach", "--letter", "1", page]).status == 0)
        let log = try dmitrov.run(["export", "events"]).stdout
        #expect(log.contains(#""media_type":"text/plain""#) && log.contains(#""name":"page.html""#))

        let typed = try CLI()
        defer { typed.remove() }
        #expect(try typed.run(["init", "--office", "klin"]).status == 0)
        let html = log.replacingOccurrences(of: #""media_type":"text/plain""#, with: #""media_type":"text/html""#)
        #expect(try typed.run(["import", "events", "-"], stdin: html).status == 0)
        let listed = try typed.run(["attachment", "list", "--format", "json"]).stdout
        #expect(listed.contains(#""media_type" : "text/plain""#) && !listed.contains("text/html"), "read from the bytes: \(listed)")

        let named = try CLI()
        defer { named.remove() }
        #expect(try named.run(["init", "--office", "istra"]).status == 0)
        let traversal = log.replacingOccurrences(of: #""name":"page.html""#, with: #""name":"..\/..\/etc\/x""#)
        // No ledger could record that name: the log is refused whole, not merged with the attachment kept without effect.
        let r = try named.run(["import", "events", "-", "--format", "json"], stdin: traversal)
        #expect(
            r.status == 65 && r.stderr.contains("attachment.added): name ") && r.stderr.contains("folder"), "\(r)")
        #expect(!(try named.run(["attachment", "list", "--format", "json"]).stdout.contains("etc")), "nothing attached under that name")
    }

    @Test func twoOfficesPuttingTwoAuthoritiesAboveEachOtherMakeNoCircle() throws {
        let (dmitrov, klin) = try Self.twoOffices()
        defer {
            dmitrov.remove()
            klin.remove()
        }
        for cli in [dmitrov, klin] {
            #expect(try cli.run(["authority", "add", "--name", "People's Commissariat of Posts", "--handle", "narkompochtel"]).status == 0)
        }
        #expect(try dmitrov.run(["authority", "edit", "sovnarkom", "--parent", "narkompochtel"]).status == 0)
        #expect(try klin.run(["authority", "edit", "narkompochtel", "--parent", "sovnarkom"]).status == 0)
        let merged = try Self.merge(klin, into: dmitrov, json: true)
        #expect(merged.status == 0, "\(merged)")
        #expect(merged.stdout.contains("party.updated") && merged.stdout.contains("cannot be placed under an authority below it"), "\(merged.stdout)")
        let shown = try dmitrov.run(["authority", "show", "sovnarkom"])
        #expect(shown.stdout.components(separatedBy: "narkompochtel").count <= 3, "\(shown.stdout)")
        #expect(try dmitrov.run(["verify"]).stdout.contains("Ledger OK"))
    }

    @Test func aCorrectionOfTheWrongTypeInALogIsRefusedNamingTheField() throws {
        let dmitrov = try BadInputTests.dmitrov()
        defer { dmitrov.remove() }
        #expect(try dmitrov.run(["petitioner", "edit", "kropotkin", "--district", "Klin"]).status == 0)
        let log = try dmitrov.run(["export", "events"]).stdout
        let edited = log.replacingOccurrences(of: #""district":"Klin""#, with: #""district":12"#)
        #expect(edited != log)
        let other = try CLI()
        defer { other.remove() }
        #expect(try other.run(["init", "--office", "klin"]).status == 0)
        let r = try other.run(["import", "events", "-"], stdin: edited)
        #expect(r.status == 65 && r.stderr.contains("district is not text"), "\(r)")
        #expect(!(try other.run(["petitioner", "list", "--format", "json"]).stdout.contains("kropotkin")), "nothing was imported")
    }
}
