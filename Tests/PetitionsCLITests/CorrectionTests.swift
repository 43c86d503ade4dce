import Foundation
import PetitionsTestSupport
import Testing

/// Corrections as a clerk makes them: each command, what it prints, the event it records, and the warnings on stderr.
@Suite struct CorrectionTests {
    func object(_ r: CLI.Result, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        #expect(r.status == 0, "\(r)", sourceLocation: sourceLocation)
        return try #require(try CLI.json(r) as? [String: Any], "\(r.stdout)", sourceLocation: sourceLocation)
    }

    func events(_ cli: CLI, _ kind: String) throws -> [[String: Any]] {
        let r = try cli.run(["events", "--kind", kind, "--format", "json"])
        #expect(r.status == 0, "\(r)")
        return try #require(try CLI.json(r) as? [[String: Any]])
    }

    @Test func partiesAreCorrectedByHandleWithTheFieldsBeforeAndAfter() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let p = try object(
            cli.run([
                "petitioner", "edit", "kropotkin", "--name", "Pyotr Kropotkin", "--district", "Dmitrov", "--occupation", "writer",
                "--address", "Dmitrov, Sovetskaya 4", "--phone", "12", "--email", "pk@example.org", "--note", "Writes often", "--format", "json",
            ]))
        #expect(p["handle"] as? String == "kropotkin" && p["name"] as? String == "Pyotr Kropotkin")
        #expect(p["address"] as? String == "Dmitrov, Sovetskaya 4" && p["phone"] as? String == "12" && p["note"] as? String == "Writes often")
        let updated = try events(cli, "party.updated")
        let payload = try #require(updated.first?["payload"] as? [String: Any])
        #expect((payload["before"] as? [String: Any])?["name"] as? String == "Pëtr Kropotkin")
        #expect((payload["after"] as? [String: Any])?["name"] as? String == "Pyotr Kropotkin")
        #expect(payload["handle"] as? String == "kropotkin" && payload["kind"] as? String == "person")

        let g = try object(cli.run(["group", "edit", "dmitrov-post", "--count", "employee=130", "--district", "Dmitrov", "--format", "json"]))
        let counts = try #require(g["counts"] as? [[String: Any]])
        #expect(counts.map { $0["count"] as? Int } == [130, 140])

        let a = try object(
            cli.run([
                "authority", "edit", "moscow-supply", "--no-parent", "--reply-within", "15 working days", "--email", "supply@example.org",
                "--format", "json",
            ]))
        #expect(a["parent"] is NSNull && a["reply_within"] as? String == "15 working days" && a["email"] as? String == "supply@example.org")
        let text = try cli.run(["authority", "edit", "moscow-supply", "--no-reply-within", "--name", "Moscow supply centre"])
        #expect(text.status == 0 && text.stdout.contains("Corrected authority") && text.stdout.contains("name, reply_within"), "\(text)")
        #expect(try events(cli, "party.updated").count == 4)

        let contradiction = try cli.run(["authority", "edit", "moscow-supply", "--parent", "sovnarkom", "--no-parent"])
        #expect(contradiction.status == 64 && contradiction.stderr.contains("--no-parent"), "\(contradiction)")
        let nothing = try cli.run(["petitioner", "edit", "kropotkin"])
        #expect(nothing.status == 64 && nothing.stderr.contains("--name"), "\(nothing)")
        let wrongKind = try cli.run(["petitioner", "edit", "dmitrov-post", "--name", "X"])
        #expect(wrongKind.status == 65 && wrongKind.stderr.contains("dmitrov-post"), "\(wrongKind)")
    }

    @Test func membersAndHouseholdsChangeByEvents() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let joined = try object(cli.run(["group", "join", "dmitrov-post", "--member", "kropotkin", "--from", "1920-01-01", "--format", "json"]))
        #expect(joined["members"] as? [String] == ["kropotkin"])
        let again = try cli.run(["group", "join", "dmitrov-post", "--member", "kropotkin"])
        #expect(again.status == 65 && again.stderr.contains("already a member"), "\(again)")
        let left = try object(cli.run(["group", "leave", "dmitrov-post", "--member", "kropotkin", "--on", "1920-02-01", "--format", "json"]))
        #expect(left["members"] as? [String] == [])
        let added = try object(
            cli.run(["petitioner", "dependant", "add", "kropotkin", "--name", "Sofia", "--category", "incapacitated", "--format", "json"]))
        #expect((added["dependants"] as? [[String: Any]])?.first?["category"] as? String == "incapacitated")
        let removed = try object(cli.run(["petitioner", "dependant", "remove", "kropotkin", "--name", "Sofia", "--format", "json"]))
        #expect((removed["dependants"] as? [[String: Any]])?.isEmpty == true)
        let missing = try cli.run(["petitioner", "dependant", "remove", "kropotkin", "--name", "Sofia"])
        #expect(missing.status == 65 && missing.stderr.contains("'Sofia'"), "\(missing)")
        for kind in ["group.joined", "group.left", "dependant.added", "dependant.removed"] { #expect(try events(cli, kind).count == 1, "\(kind)") }
    }

    @Test func petitionsAreCorrectedAndTheirNotesListed() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let p = try object(
            cli.run([
                "petition", "edit", "1", "--subject", "January and February provisions", "--category", "food", "--via", "kropotkin", "--format",
                "json",
            ]))
        #expect(
            p["subject"] as? String == "January and February provisions" && p["category"] as? String == "food" && p["via"] as? String == "kropotkin")
        let noVia = try object(cli.run(["petition", "edit", "1", "--no-via", "--format", "json"]))
        #expect(noVia["via"] is NSNull)
        let note = try object(cli.run(["petition", "note", "1", "--text", "Telephoned the supply centre", "--on", "1920-01-25", "--format", "json"]))
        #expect(note["text"] as? String == "Telephoned the supply centre" && note["on"] as? String == "1920-01-25")
        let shown = try object(cli.run(["petition", "show", "1", "--format", "json"]))
        #expect((shown["notes"] as? [[String: Any]])?.map { $0["text"] as? String } == ["Telephoned the supply centre"])
        let kinds = (shown["events"] as? [[String: Any]])?.compactMap { $0["kind"] as? String } ?? []
        #expect(kinds.contains("petition.updated") && kinds.contains("petition.noted"), "\(kinds)")
        let text = try cli.run(["petition", "show", "1"])
        #expect(text.stdout.contains("Notes:") && text.stdout.contains("1920-01-25  Telephoned the supply centre"), "\(text)")
    }

    @Test func aHeadCountOfZeroRemovesTheCategory() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let g = try object(cli.run(["group", "edit", "dmitrov-post", "--count", "incapacitated=0", "--format", "json"]))
        let counts = try #require(g["counts"] as? [[String: Any]])
        #expect(counts.map { $0["category"] as? String } == ["employee"] && counts.map { $0["count"] as? Int } == [125], "\(counts)")
        let payload = try #require(try events(cli, "party.updated").first?["payload"] as? [String: Any])
        #expect((payload["after"] as? [String: Any])?["counts"] as? [String: Int] == ["employee": 125], "\(payload)")
        let before = try BadInputTests.snapshot(cli)
        let unknown = try cli.run(["group", "edit", "dmitrov-post", "--count", "widow=0"])
        #expect(unknown.status == 65, "\(unknown)")
        #expect(unknown.stderr.contains("widow=0") && unknown.stderr.contains("its categories are employee"), "\(unknown.stderr)")
        #expect(try BadInputTests.snapshot(cli) == before, "nothing changed")
        let add = try cli.run(["group", "add", "--name", "Klin", "--count", "employee=0"])
        #expect(add.status == 65 && add.stderr.contains("at least 1"), "a new group still counts at least one head: \(add)")
    }

    @Test func leavingAGroupBeforeJoiningItIsRefusedNamingBothDays() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        #expect(try cli.run(["group", "join", "dmitrov-post", "--member", "kropotkin", "--from", "1920-01-01"]).status == 0)
        let before = try BadInputTests.snapshot(cli)
        let early = try cli.run(["group", "leave", "dmitrov-post", "--member", "kropotkin", "--on", "1919-12-31"])
        #expect(early.status == 65, "\(early)")
        #expect(early.stderr.contains("1919-12-31") && early.stderr.contains("joined dmitrov-post on 1920-01-01"), "\(early.stderr)")
        #expect(try BadInputTests.snapshot(cli) == before, "nothing recorded")
        let same = try cli.run(["group", "leave", "dmitrov-post", "--member", "kropotkin", "--on", "1920-01-01"])
        #expect(same.status == 0, "a membership may end on the day it began: \(same)")
    }

    @Test func aVoidedReceiptStaysListedAndCountsForNothing() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let receive = try cli.run([
            "delivery", "receive", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--period", "1920-01", "--on", "1920-01-06",
            "--quantity", "1700 funt wheat",
        ])
        #expect(receive.status == 0 && receive.stdout.contains("Recorded receipt 1 for delivery"), "\(receive)")
        #expect(receive.stderr.isEmpty, "a receipt as expected warns of nothing: \(receive.stderr)")
        let before = try cli.run(["overdue", "--as-of", "1920-03-04", "--format", "json"])
        let lateBefore = try #require(try CLI.json(before) as? [[String: Any]]).compactMap { $0["period"] as? String }
        #expect(!lateBefore.contains("1920-01"))

        let voided = try cli.run(["receipt", "void", "1", "--reason", "Recorded against the wrong month"])
        #expect(voided.status == 0 && voided.stdout.contains("voided"), "\(voided)")
        let d = try object(cli.run(["delivery", "show", "5", "--format", "json"]))
        let receipt = try #require((d["receipts"] as? [[String: Any]])?.first)
        #expect(receipt["id"] as? Int == 1 && receipt["voided"] as? Bool == true && receipt["on"] as? String == "1920-01-06")
        #expect(receipt["quantity"] as? String == "1700 funt wheat" && receipt["note"] is NSNull)
        #expect(d["status"] as? String == "pending")
        let after = try cli.run(["overdue", "--as-of", "1920-03-04", "--format", "json"])
        let lateAfter = try #require(try CLI.json(after) as? [[String: Any]]).compactMap { $0["period"] as? String }
        #expect(lateAfter.contains("1920-01"), "\(lateAfter)")
        #expect(try events(cli, "receipt.voided").count == 1)
        let twice = try cli.run(["receipt", "void", "1", "--reason", "again"])
        #expect(twice.status == 65 && twice.stderr.contains("already voided"), "\(twice)")
    }

    @Test func aReceiptInAnotherUnitIsShownInTheUnitItCameIn() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let receive = try cli.run([
            "delivery", "receive", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--period", "1920-01", "--on", "1920-01-06",
            "--quantity", "100 kg wheat",
        ])
        #expect(receive.status == 0, "\(receive)")
        #expect(receive.stdout.contains("received 244.193 funt (as 100 kg), short 1,455.807 funt"), "\(receive.stdout)")
        let list = try cli.run(["delivery", "list", "--period", "1920-01"])
        let words = list.stdout.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        #expect(words.contains("244.193 funt wheat (as 100 kg)"), "the cell may wrap: \(list.stdout)")
        let overdue = try cli.run(["overdue", "--as-of", "1920-03-04"])
        #expect(overdue.stdout.contains("244.193 funt wheat of 1,700 funt wheat received; wheat came as 100 kg"), "\(overdue.stdout)")
        let report = try cli.run(["report", "--as-of", "1920-03-04", "--format", "markdown"])
        #expect(report.stdout.contains("| 1,700 funt wheat | 244.193 funt (as 100 kg) | 1,455.807 funt |"), "\(report.stdout)")
        let before = try cli.run([
            "delivery", "receive", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--period", "1920-02", "--on", "1920-02-06",
            "--quantity", "10 funt wheat",
        ])
        #expect(before.status == 0 && !before.stdout.contains("(as"), "a receipt in the decree's unit is shown as before: \(before.stdout)")
        let pood = try cli.run([
            "delivery", "receive", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--period", "1920-03", "--on", "1920-03-02",
            "--quantity", "1 pood wheat",
        ])
        #expect(pood.stdout.contains("received 40 funt, short") && !pood.stdout.contains("(as"), "1 pood is exactly 40 funt: \(pood.stdout)")
    }

    @Test func unusualReceiptsAreRecordedWithAWarning() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let more = try cli.run([
            "delivery", "receive", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--period", "1920-02", "--on", "1920-01-20",
            "--quantity", "1800 funt wheat",
        ])
        #expect(more.status == 0, "\(more)")
        #expect(more.stderr.contains("warning:") && more.stderr.contains("more than the 1,700 funt wheat expected"), "\(more.stderr)")
        #expect(more.stderr.contains("before its period 1920-02 begins"), "\(more.stderr)")
        let future = try cli.run([
            "delivery", "receive", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--period", "1920-03", "--on", "2999-01-01",
            "--quantity", "10 funt wheat",
        ])
        #expect(future.status == 0 && future.stderr.contains("after today"), "\(future)")
    }

    @Test func anEnrolmentEndsAndAnotherBeginsLater() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let end = try cli.run(["enrol", "end", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--on", "1919-12-31"])
        #expect(end.status == 0 && end.stdout.contains("Ended the enrolment"), "\(end)")
        let periods = try #require(try CLI.json(try cli.run(["delivery", "list", "--format", "json"])) as? [[String: Any]])
            .compactMap { $0["period"] as? String }
        #expect(periods == ["1919-09", "1919-10", "1919-11", "1919-12"])
        let again = try cli.run(["enrol", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--from", "1920-02-01"])
        #expect(again.status == 0, "\(again)")
        let schedule = try cli.run(["delivery", "schedule", "--decree", "decree-1918", "--from", "1920-01", "--to", "1920-03"])
        #expect(schedule.status == 0, "\(schedule)")
        let later = try #require(try CLI.json(try cli.run(["delivery", "list", "--format", "json"])) as? [[String: Any]])
            .compactMap { $0["period"] as? String }
        #expect(later.suffix(2) == ["1920-02", "1920-03"] && !later.contains("1920-01"), "\(later)")
        #expect(try events(cli, "enrolment.ended").count == 1)
    }

    @Test func aDeliveryIdDeletedByEnrolEndIsNeverGivenAgain() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        func deliveries() throws -> [(id: Int, period: String)] {
            try #require(try CLI.json(try cli.run(["delivery", "list", "--format", "json"])) as? [[String: Any]])
                .compactMap { d in (d["id"] as? Int).flatMap { id in (d["period"] as? String).map { (id, $0) } } }
        }
        let scheduled = try deliveries()
        #expect(scheduled.map(\.id) == Array(1...7), "\(scheduled)")
        #expect(try cli.run(["enrol", "end", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--on", "1919-12-31"]).status == 0)
        #expect(try deliveries().map(\.id) == [1, 2, 3, 4], "1920-01 to 1920-03 (5, 6, 7) unscheduled")
        #expect(try cli.run(["enrol", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--from", "1920-02-01"]).status == 0)
        #expect(try cli.run(["delivery", "schedule", "--decree", "decree-1918", "--from", "1920-02", "--to", "1920-03"]).status == 0)
        let again = try deliveries()
        #expect(again.suffix(2).map(\.period) == ["1920-02", "1920-03"])
        #expect(again.suffix(2).map(\.id) == [8, 9], "new ids, not 5 and 6 of the deleted ones: \(again)")
        let gone = try cli.run(["delivery", "show", "5"])
        #expect(gone.status != 0, "id 5 names no delivery now: \(gone)")
        #expect(try cli.run(["verify"]).status == 0)
    }

    @Test func lettersGoBetweenAnyTwoPartiesAndOddOnesAreRecordedWithAWarning() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let steps: [[String]] = [
            ["letter", "receive", "--from", "kropotkin", "--to", "dmitrov", "--on", "1920-01-21", "--subject", "A question"],
            [
                "letter", "send", "--from", "dmitrov", "--to", "kropotkin", "--on", "1920-01-22", "--subject", "Our answer", "--reply-within",
                "10 days",
            ],
            ["letter", "receive", "--from", "moscow-supply", "--to", "kropotkin", "--on", "1920-01-23", "--subject", "Directly to you"],
        ]
        for s in steps {
            let r = try cli.run(s)
            #expect(r.status == 0 && r.stderr.isEmpty, "\(s): \(r)")
        }
        let waiting = try #require(try CLI.json(try cli.run(["unanswered", "--as-of", "1920-03-04", "--format", "json"])) as? [[String: Any]])
        #expect(waiting.contains { $0["to"] as? String == "kropotkin" }, "the office's letter waits for the petitioner's reply: \(waiting)")

        let forwarded = try cli.run([
            "letter", "receive", "--from", "sovnarkom", "--to", "dmitrov-post", "--on", "1920-02-01", "--subject", "Forwarded", "--in-reply-to", "1",
        ])
        #expect(forwarded.status == 0 && forwarded.stderr.isEmpty, "an authority above the one written to answers for it: \(forwarded)")
        let stranger = try cli.run(["authority", "add", "--name", "Tula supply", "--handle", "tula"])
        #expect(stranger.status == 0)
        let fromTula = try cli.run([
            "letter", "receive", "--from", "tula", "--to", "dmitrov-post", "--on", "1920-02-02", "--subject", "Not ours", "--in-reply-to", "1",
        ])
        #expect(fromTula.status == 0, "\(fromTula)")
        #expect(fromTula.stderr.contains("moscow-supply") && fromTula.stderr.contains("tula"), "\(fromTula.stderr)")
        let attached = try cli.run([
            "letter", "send", "--from", "kropotkin", "--to", "moscow-supply", "--on", "1920-02-03", "--subject", "Me too", "--petition", "1",
        ])
        #expect(attached.status == 0 && attached.stderr.contains("kropotkin") && attached.stderr.contains("petition 1"), "\(attached)")
    }

    @Test func theOfficeSignsTheDraftsAndHeadsTheReport() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let office = try object(
            cli.run([
                "office", "set", "--name", "Dmitrov district petitions office", "--address", "Dmitrov, Sovetskaya 4", "--signature",
                "For the office: A. Yusuf, clerk", "--format", "json",
            ]))
        #expect(office["signature"] as? String == "For the office: A. Yusuf, clerk")
        let party = try #require(office["office"] as? [String: Any])
        #expect(
            party["handle"] as? String == "dmitrov" && party["kind"] as? String == "office" && party["address"] as? String == "Dmitrov, Sovetskaya 4")
        // The office's signature signs what the office sends, not a petitioner's letter (the clerk above "Dmitrov
        // postal-telegraph employees" read as if the clerk had written it).
        let draft = try cli.run(["draft", "reminder", "--letter", "1", "--as-of", "1920-03-04"])
        #expect(draft.status == 0 && !draft.stdout.contains("A. Yusuf") && draft.stdout.contains("[signature]"), "\(draft)")
        let digest = try cli.run(["draft", "digest", "--authority", "moscow-supply", "--as-of", "1920-03-04"])
        #expect(digest.status == 0 && digest.stdout.contains("For the office: A. Yusuf, clerk\nDmitrov district petitions office\n"), "\(digest)")
        let report = try cli.run(["report", "--as-of", "1920-03-04"])
        #expect(report.stdout.hasPrefix("Status report of Dmitrov district petitions office as of 4 March 1920"), "\(report.stdout.prefix(200))")
        #expect(try events(cli, "party.updated").count == 1)
    }

    @Test func anOptionGivenTwiceIsAUsageErrorNamingIt() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let before = try BadInputTests.snapshot(cli)
        let r = try cli.run(["petition", "note", "1", "--text", "Called", "--on", "1920-01-25", "--on", "1920-01-26"])
        #expect(r.status == 64 && r.stderr.contains("--on"), "\(r)")
        #expect(try BadInputTests.snapshot(cli) == before)
        let repeated = try cli.run(["group", "edit", "dmitrov-post", "--count", "employee=130", "--count", "incapacitated=150"])
        #expect(repeated.status == 0, "repeatable options add up: \(repeated)")
    }

    @Test func correctionsMergeBetweenOfficesAndFieldsBothChangedAreReported() throws {
        let dmitrov = try BadInputTests.dmitrov()
        defer { dmitrov.remove() }
        let klin = try CLI()
        defer { klin.remove() }
        #expect(try klin.run(["init", "--office", "klin"]).status == 0)
        let first = dmitrov.directory.appendingPathComponent("first.jsonl").path
        #expect(try dmitrov.run(["export", "events", "--output", first]).status == 0)
        #expect(try klin.run(["import", "events", first]).status == 0)

        #expect(try dmitrov.run(["petitioner", "edit", "kropotkin", "--name", "Pyotr Kropotkin", "--district", "Dmitrov"]).status == 0)
        #expect(try dmitrov.run(["petition", "note", "1", "--text", "Telephoned the centre", "--on", "1920-01-25"]).status == 0)
        #expect(try klin.run(["petitioner", "edit", "kropotkin", "--name", "Peter Kropotkin"]).status == 0)
        #expect(try klin.run(["group", "join", "dmitrov-post", "--member", "kropotkin", "--from", "1920-01-01"]).status == 0)

        let second = dmitrov.directory.appendingPathComponent("second.jsonl").path
        #expect(try dmitrov.run(["export", "events", "--output", second]).status == 0)
        let merged = try klin.run(["import", "events", second])
        #expect(merged.status == 0, "\(merged)")
        #expect(merged.stdout.contains("changed by both offices") && merged.stdout.contains("name"), "\(merged.stdout)")
        #expect(merged.stdout.contains("Pyotr Kropotkin") && merged.stdout.contains("Peter Kropotkin"), "\(merged.stdout)")
        let person = try object(klin.run(["petitioner", "show", "kropotkin", "--format", "json"]))
        #expect(person["district"] as? String == "Dmitrov", "a field only one office changed is taken")
        #expect(["Pyotr Kropotkin", "Peter Kropotkin"].contains(person["name"] as? String ?? ""))
        let shown = try object(klin.run(["petition", "show", "1", "--format", "json"]))
        #expect((shown["notes"] as? [[String: Any]])?.count == 1)

        let third = klin.directory.appendingPathComponent("third.jsonl").path
        #expect(try klin.run(["export", "events", "--output", third]).status == 0)
        let back = try dmitrov.run(["import", "events", third, "--format", "json"])
        let result = try object(back)
        #expect((result["conflicts"] as? [String])?.count == 1, "\(back.stdout)")
        let group = try object(dmitrov.run(["group", "show", "dmitrov-post", "--format", "json"]))
        #expect(group["members"] as? [String] == ["kropotkin"])
        #expect(try dmitrov.run(["verify"]).status == 0)
        #expect(try klin.run(["verify"]).status == 0)
    }
}
