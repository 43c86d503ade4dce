import Foundation
import PetitionsTestSupport
import Testing

/// Two offices that each did something the other could not know of: the logs merge both ways, never refused whole,
/// and the two ledgers end holding the same records, with what was unusual said.
@Suite struct MergeConvergenceTests {
    typealias Offices = (dmitrov: CLI, klin: CLI)

    static func merge(_ from: CLI, into: CLI, json: Bool = false) throws -> CLI.Result {
        try MergeInapplicableTests.merge(from, into: into, json: json)
    }

    /// Merges each office's log into the other's, expecting both to succeed, then checks that a second import adds
    /// nothing, that both ledgers verify, and that `export WHAT` says the same on both sides.
    static func mergeBothWays(_ o: Offices, same what: [String]) throws -> (intoDmitrov: CLI.Result, intoKlin: CLI.Result) {
        let klinLog = try o.klin.run(["export", "events"]).stdout
        let intoDmitrov = try o.dmitrov.run(["import", "events", "-"], stdin: klinLog)
        #expect(intoDmitrov.status == 0, "\(intoDmitrov)")
        let dmitrovLog = try o.dmitrov.run(["export", "events"]).stdout
        let intoKlin = try o.klin.run(["import", "events", "-"], stdin: dmitrovLog)
        #expect(intoKlin.status == 0, "\(intoKlin)")
        for (log, into) in [(klinLog, o.dmitrov), (dmitrovLog, o.klin)] {
            let again = try into.run(["import", "events", "-"], stdin: log)
            #expect(again.status == 0 && again.stdout.contains(": 0 added"), "\(again)")
            #expect(try into.run(["verify"]).stdout.contains("Ledger OK"))
        }
        for w in what {
            let a = try o.dmitrov.run(["export", w, "--format", "json"]).stdout
            let b = try o.klin.run(["export", w, "--format", "json"]).stdout
            #expect(a == b, "\(w) differ:\n\(a)\n\(b)")
        }
        return (intoDmitrov, intoKlin)
    }

    static func removing(_ o: Offices) {
        o.dmitrov.remove()
        o.klin.remove()
    }

    static func receive(_ period: String, on day: String) -> [String] {
        [
            "delivery", "receive", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--period", period, "--on", day, "--quantity",
            "1700 funt wheat",
        ]
    }

    @Test func aReceiptForADeliveryCancelledInTheOtherOfficeIsRecordedBothWaysWithAWarning() throws {
        let o = try MergeInapplicableTests.twoOffices()
        defer { Self.removing(o) }
        let cancel = ["delivery", "cancel", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--period", "1920-01", "--reason", "x"]
        #expect(try o.dmitrov.run(cancel).status == 0)
        #expect(try o.klin.run(Self.receive("1920-01", on: "1920-03-07")).status == 0)
        let (intoDmitrov, intoKlin) = try Self.mergeBothWays(o, same: ["deliveries"])
        #expect(
            intoDmitrov.stderr.contains("warning: line ") && intoDmitrov.stderr.contains("delivery.received")
                && intoDmitrov.stderr.contains("1920-01 was cancelled here"), "\(intoDmitrov)")
        #expect(intoKlin.stderr.contains("delivery.cancelled") && intoKlin.stderr.contains("has receipts here"), "\(intoKlin)")
    }

    @Test("a receipt for a period after an enrolment ended in the other office is held by both ledgers, with a warning")
    func aReceiptAfterAnEnrolmentEndedElsewhereIsHeldByBothLedgers() throws {
        let o = try MergeInapplicableTests.twoOffices()
        defer { Self.removing(o) }
        let end = ["enrol", "end", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--on", "1920-01-15"]
        #expect(try o.dmitrov.run(end).status == 0)
        #expect(try o.klin.run(Self.receive("1920-03", on: "1920-03-07")).status == 0)
        let (intoDmitrov, intoKlin) = try Self.mergeBothWays(o, same: ["deliveries"])
        #expect(
            intoDmitrov.stderr.contains("warning: line ") && intoDmitrov.stderr.contains("delivery.received")
                && intoDmitrov.stderr.contains("1920-03 was unscheduled here when the enrolment ended"), "\(intoDmitrov)")
        #expect(!intoDmitrov.stdout.contains("without effect"), "\(intoDmitrov)")
        #expect(!intoKlin.stdout.contains("without effect"), "\(intoKlin)")
        let lists = try [o.dmitrov, o.klin].map { try $0.run(["delivery", "list", "--format", "json"]).stdout }
        #expect(lists[0].contains(#""1920-03""#) && !lists[0].contains(#""1920-02""#), "\(lists[0])")
        #expect(lists[0] == lists[1])
        // The reports differ only in the office that prints them.
        let reports = try [o.dmitrov, o.klin].map { try $0.run(["report", "--as-of", "1920-04-01", "--format", "json"]).stdout }
        #expect(reports[0].contains("1700") && reports[0] == reports[1].replacingOccurrences(of: "klin", with: "dmitrov"), "\(reports)")
    }

    @Test("a receipt voided in one office while the other ended the enrolment over its period: both ledgers cancel the delivery")
    func aVoidAndAnEnrolmentEndElsewhereConvergeInEitherOrder() throws {
        let o = try MergeInapplicableTests.twoOffices()
        defer { Self.removing(o) }
        let received = try o.dmitrov.run(Self.receive("1920-03", on: "1920-03-07"))
        #expect(received.status == 0, "\(received)")
        let receipt = try #require(received.stdout.firstMatch(of: /Recorded receipt (\d+)/).map { String($0.1) }, "\(received)")
        #expect(try MergeInapplicableTests.merge(o.dmitrov, into: o.klin).status == 0, "both offices hold the receipt")
        // Dmitrov voids the receipt; Klin, not knowing, ends the enrolment in January, before the receipt's period.
        #expect(try o.dmitrov.run(["receipt", "void", receipt, "--reason", "Recorded against the wrong month"]).status == 0)
        let end = try o.klin.run(["enrol", "end", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--on", "1920-01-15"])
        #expect(end.status == 0, "\(end)")
        // Dmitrov applies the void, then the end; Klin the end, then the void.
        let (intoDmitrov, intoKlin) = try Self.mergeBothWays(o, same: ["deliveries"])
        #expect(
            intoDmitrov.stderr.contains("enrolment.ended") && intoDmitrov.stderr.contains("1920-03 was voided here"), "\(intoDmitrov)")
        #expect(
            intoKlin.stderr.contains("receipt.voided") && intoKlin.stderr.contains("1920-03 is after the end of the enrolment here")
                && intoKlin.stderr.contains("it is cancelled"), "\(intoKlin)")
        let lists = try [o.dmitrov, o.klin].map { try $0.run(["delivery", "list", "--format", "json"]).stdout }
        #expect(lists[0] == lists[1], "\(lists)")
        let deliveries = try #require(try JSONSerialization.jsonObject(with: Data(lists[1].utf8)) as? [[String: Any]])
        let march = deliveries.first { $0["period"] as? String == "1920-03" }
        #expect(march?["status"] as? String == "cancelled", "\(lists[1])")
        #expect(!deliveries.contains { $0["period"] as? String == "1920-02" }, "unscheduled in both: \(lists[1])")
        let reports = try [o.dmitrov, o.klin].map { try $0.run(["report", "--as-of", "1920-04-01", "--format", "json"]).stdout }
        #expect(reports[0] == reports[1].replacingOccurrences(of: "klin", with: "dmitrov"), "\(reports)")
    }

    @Test func conflictingStatusChangesMergeBothWaysAndTheLaterIsKept() throws {
        let o = try MergeInapplicableTests.twoOffices()
        defer { Self.removing(o) }
        #expect(try o.dmitrov.run(["petition", "status", "1", "--to", "rejected", "--on", "1920-02-01"]).status == 0)
        #expect(try o.klin.run(["petition", "status", "1", "--to", "answered", "--on", "1920-02-02"]).status == 0)
        #expect(try o.klin.run(["petition", "status", "1", "--to", "resolved", "--on", "1920-02-03"]).status == 0)
        let (intoDmitrov, intoKlin) = try Self.mergeBothWays(o, same: ["petitions"])
        for r in [intoDmitrov, intoKlin] {
            #expect(r.stdout.contains("A field was changed by both offices"), "\(r)")
            #expect(r.stdout.contains("petition 1: status was changed") && r.stdout.contains("kept 'resolved'"), "\(r)")
        }
        #expect(try o.dmitrov.run(["export", "petitions", "--format", "json"]).stdout.contains(#""status":"resolved""#))
    }

    @Test func aDependantBothOfficesAddedIsCountedOnceAndReported() throws {
        let o = try MergeInapplicableTests.twoOffices()
        defer { Self.removing(o) }
        let add = ["petitioner", "dependant", "add", "kropotkin", "--name", "Sofia Kropotkina", "--category", "incapacitated"]
        #expect(try o.dmitrov.run(add).status == 0)
        #expect(try o.klin.run(add).status == 0)
        let (intoDmitrov, _) = try Self.mergeBothWays(o, same: ["petitioners"])
        #expect(intoDmitrov.stdout.contains("dependant.added") && intoDmitrov.stdout.contains("without effect"), "\(intoDmitrov)")
        #expect(intoDmitrov.stdout.contains("name 'Sofia Kropotkina'") && !intoDmitrov.stdout.contains("--name"), "\(intoDmitrov)")
        let shown = try o.dmitrov.run(["petitioner", "show", "kropotkin", "--format", "json"]).stdout
        #expect(shown.components(separatedBy: "Sofia Kropotkina").count == 2, "once: \(shown)")
    }

    @Test("a dependant the two offices added under different categories is held once, the later kept, the conflict reported")
    func aDependantAddedUnderTwoCategoriesIsHeldOnce() throws {
        let o = try MergeInapplicableTests.twoOffices()
        defer { Self.removing(o) }
        let add = ["petitioner", "dependant", "add", "kropotkin", "--name", "Sofia Kropotkina", "--category"]
        #expect(try o.dmitrov.run(add + ["child"]).status == 0)
        #expect(try o.klin.run(add + ["incapacitated"]).status == 0)
        let (intoDmitrov, intoKlin) = try Self.mergeBothWays(o, same: ["petitioners"])
        for r in [intoDmitrov, intoKlin] {
            #expect(r.stdout.contains("A field was changed by both offices"), "\(r)")
            #expect(r.stdout.contains("the category of dependant 'Sofia Kropotkina' was changed by office"), "\(r)")
        }
        for cli in [o.dmitrov, o.klin] {
            let shown = try cli.run(["petitioner", "show", "kropotkin", "--format", "json"]).stdout
            #expect(shown.components(separatedBy: "Sofia Kropotkina").count == 2, "once: \(shown)")
        }
        // A name in two categories that the other office knew of is two dependants, and stays so.
        #expect(try o.klin.run(add + ["employee"]).status == 0)
        let later = try Self.merge(o.klin, into: o.dmitrov)
        #expect(later.status == 0 && !later.stdout.contains("changed by both offices"), "\(later)")
        let shown = try o.dmitrov.run(["petitioner", "show", "kropotkin", "--format", "json"]).stdout
        #expect(shown.components(separatedBy: "Sofia Kropotkina").count == 3, "twice: \(shown)")
    }

    @Test func receiptsBothOfficesRecordedAreKeptWithAWarningNamingTheDelivery() throws {
        let o = try MergeInapplicableTests.twoOffices()
        defer { Self.removing(o) }
        #expect(try o.dmitrov.run(Self.receive("1919-09", on: "1919-09-06")).status == 0)
        #expect(try o.klin.run(Self.receive("1919-09", on: "1919-09-06")).status == 0)
        let (intoDmitrov, _) = try Self.mergeBothWays(o, same: ["deliveries"])
        #expect(
            intoDmitrov.stderr.contains("warning: line ") && intoDmitrov.stderr.contains("for 1919-09 has now received 3,400 funt wheat"),
            "\(intoDmitrov)")
    }

    @Test func aFieldChangedSeveralTimesIsReportedOnceWithTheValueKept() throws {
        let o = try MergeInapplicableTests.twoOffices()
        defer { Self.removing(o) }
        #expect(try o.klin.run(["petitioner", "edit", "kropotkin", "--occupation", "writer"]).status == 0)
        #expect(try o.dmitrov.run(["petitioner", "edit", "kropotkin", "--occupation", "anarchist"]).status == 0)
        #expect(try o.klin.run(["petitioner", "edit", "kropotkin", "--occupation", "prince"]).status == 0)
        let (intoDmitrov, intoKlin) = try Self.mergeBothWays(o, same: ["petitioners"])
        #expect(intoDmitrov.stdout.contains("A field was changed by both offices:"), "\(intoDmitrov)")
        #expect(intoDmitrov.stdout.contains("occupation was changed") && intoDmitrov.stdout.contains("kept 'prince'"), "\(intoDmitrov)")
        #expect(!intoDmitrov.stdout.contains("kept 'anarchist'"), "\(intoDmitrov)")
        #expect(intoKlin.stdout.contains("kept 'prince'"), "\(intoKlin)")
    }

    @Test func aLineChangedAfterExportWhoseEventIsHereIsRefused() throws {
        let o = try MergeInapplicableTests.twoOffices()
        defer { Self.removing(o) }
        #expect(try o.dmitrov.run(Self.receive("1919-09", on: "1919-09-06")).status == 0)
        let log = try o.dmitrov.run(["export", "events"]).stdout
        #expect(try o.klin.run(["import", "events", "-"], stdin: log).status == 0)
        let forged = log.replacingOccurrences(of: "\"1700 funt wheat\"", with: "\"17000 funt wheat\"")
        #expect(forged != log)
        let before = try BadInputTests.snapshot(o.klin)
        let r = try o.klin.run(["import", "events", "-"], stdin: forged)
        #expect(r.status == 65, "\(r)")
        #expect(r.stderr.contains("two different events with the same uuid") && r.stderr.contains("payload.quantities"), "\(r)")
        #expect(try BadInputTests.snapshot(o.klin) == before, "nothing was imported")
    }

    @Test("a line whose reference names an event of another kind (a letter given as the petition) is refused whole, not kept without effect")
    func aReferenceToAnEventOfAnotherKindIsRefused() throws {
        let o = try MergeInapplicableTests.twoOffices()
        defer { Self.removing(o) }
        #expect(try o.dmitrov.run(["petition", "status", "1", "--to", "answered", "--on", "1920-03-10"]).status == 0)
        let lines = try o.dmitrov.run(["export", "events"]).stdout.split(separator: "\n").map(String.init)
        func object(_ line: String) throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        let changed = try #require(try lines.last { try object($0)["kind"] as? String == "petition.status_changed" })
        let letter = try #require(try lines.first { try object($0)["kind"] as? String == "letter.sent" })
        let petitionUUID = try #require((try object(changed)["refs"] as? [String: Any])?["petition"] as? String)
        let letterUUID = try #require(try object(letter)["uuid"] as? String)
        let forged = changed.replacingOccurrences(of: petitionUUID, with: letterUUID)
        #expect(forged != changed)
        let before = try BadInputTests.snapshot(o.klin)
        let r = try o.klin.run(["import", "events", "-"], stdin: forged + "\n")
        #expect(r.status == 65 && r.stderr.contains("which is a letter.sent event and records no petition"), "\(r)")
        #expect(try BadInputTests.snapshot(o.klin) == before, "nothing was imported")
        // The line as written merges.
        #expect(try o.klin.run(["import", "events", "-"], stdin: changed + "\n").status == 0)
    }

    @Test func aMalformedOrFutureMomentOrAnUnknownKeyIsRefusedNamingTheLine() throws {
        let dmitrov = try BadInputTests.dmitrov()
        defer { dmitrov.remove() }
        let log = try dmitrov.run(["export", "events"]).stdout
        let other = try CLI()
        defer { other.remove() }
        #expect(try other.run(["init", "--office", "klin"]).status == 0)
        let first = try #require(log.split(separator: "\n").first.map(String.init))
        let moment = try #require(first.range(of: #""recorded_at":"[^"]*""#, options: .regularExpression))
        let cases: [(String, String)] = [
            (first.replacingCharacters(in: moment, with: #""recorded_at":"yesterday""#), "recorded_at 'yesterday' is not a moment"),
            (first.replacingCharacters(in: moment, with: #""recorded_at":"9999-12-31T23:59:59Z""#), "more than a day after"),
            (first.replacingOccurrences(of: #"{"actor""#, with: #"{"admin":true,"actor""#), "key 'admin' is not a key of an event"),
        ]
        for (line, says) in cases {
            #expect(line != first)
            let r = try other.run(["import", "events", "-"], stdin: line + "\n")
            #expect(r.status == 65 && r.stderr.contains("line 1") && r.stderr.contains(says), "\(line): \(r)")
        }
        #expect(!(try other.run(["events", "--format", "json"]).stdout.contains("9999")), "nothing was imported")
    }
}
