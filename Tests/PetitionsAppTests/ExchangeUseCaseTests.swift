import Foundation
import PetitionsApp
import PetitionsTestSupport
import Testing

@Suite("Import, export, merge, report and drafts as use cases") struct ExchangeUseCaseTests {
    static let march4 = TemporaryLedger.today

    @Test("a CSV with one bad row imports nothing; with skipInvalid it imports the rest and writes the bad row with its reason")
    func importRows() throws {
        let d = try Dmitrov()
        defer { d.ledger.remove() }
        let csv = d.ledger.directory.appendingPathComponent("people.csv").path
        try "name,handle,district,occupation,groups,dependants,on\nIvan Petrov,ivan,Dmitrov,telegraphist,dmitrov-post,,1920-01-05\n"
            .appending("Anna Ivanova,anna,Dmitrov,clerk,no-such-group,,1920-01-05\nOlga Sidorova,olga,Dmitrov,,,,1920-02-30\n")
            .write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(throws: PetitionsError.self) { _ = try ImportRows(kind: .petitioners, path: csv).run(in: d.workspace) }
        #expect(try ListParties(kind: .person).run(in: d.workspace).isEmpty)

        let rejects = d.ledger.directory.appendingPathComponent("rejects.csv").path
        let report = try ImportRows(kind: .petitioners, path: csv, skipInvalid: true, rejectsPath: rejects).run(in: d.workspace)
        #expect(report.rows == 3 && report.imported == 1 && report.rejected == 2)
        #expect(try ListParties(kind: .person).run(in: d.workspace).map(\.handle) == ["ivan"])
        let rejected = try String(contentsOfFile: rejects, encoding: .utf8)
        #expect(rejected.contains("no-such-group") && rejected.contains("1920-02-30"))
        #expect(try ListEvents(kind: "import.completed").run(in: d.workspace).count == 1)
    }

    @Test("an office's exported events merge into another ledger once: the same petitions, nothing added the second time")
    func exportAndMerge() throws {
        let d = try Dmitrov()
        defer { d.ledger.remove() }
        let log = d.ledger.directory.appendingPathComponent("dmitrov.jsonl").path
        try ExportRecords(what: .events, output: log).run(in: d.workspace)
        let region = try TemporaryLedger(office: "region")
        defer { region.remove() }
        let first = try MergeEvents(path: log).run(in: region.workspace)
        #expect(first.added == first.events && first.alreadyPresent == 0)
        #expect(try ListPetitions().run(in: region.workspace).map(\.subject) == ["January provisions not delivered"])
        #expect(try ListLetters().run(in: region.workspace).first?.replyDue == d.appeal.replyDue)
        let again = try MergeEvents(path: log).run(in: region.workspace)
        #expect(again.added == 0 && again.alreadyPresent == again.events)
    }

    @Test("an export never overwrites a file unless forced")
    func exportRefusesToOverwrite() throws {
        let d = try Dmitrov()
        defer { d.ledger.remove() }
        let file = d.ledger.directory.appendingPathComponent("letters.csv").path
        try "keep me".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: PetitionsError("--output: \(file) already exists; add --force to replace it.", code: .cannotCreate)) {
            try ExportRecords(what: .letters, output: file).run(in: d.workspace)
        }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "keep me")
        try ExportRecords(what: .letters, output: file, force: true).run(in: d.workspace)
        #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("id,"))
    }

    @Test("the report as of 4 March 1920 owes two months of wheat: 3,400 funt")
    func reportArrears() throws {
        let d = try Dmitrov()
        defer { d.ledger.remove() }
        let report = try BuildReport(asOf: Self.march4).run(in: d.workspace)
        let wheat = try #require(report.arrears.first { $0.commodity == "wheat" })
        #expect(wheat.unit == "funt")
        #expect(wheat.owed == 3400)
        #expect(wheat.periodsMissed == 2)
        #expect(report.overdueDeliveries.count == 2)
        let narrowed = try BuildReport(asOf: Self.march4, scope: ReportScope(decree: "decree-1918", since: try Day(parsing: "1920-02-01")))
            .run(in: d.workspace)
        #expect(narrowed.overdueDeliveries.map(\.period.description) == ["1920-02"])
    }

    @Test("a reminder is drafted to the authority that did not answer, citing the letter's day")
    func reminderDraft() throws {
        let d = try Dmitrov()
        defer { d.ledger.remove() }
        let before = try ListEvents().run(in: d.workspace).count
        let draft = try WriteDraft(.reminder(letter: d.appeal.id), asOf: Self.march4).run(in: d.workspace)
        #expect(draft.addressee.handle == "moscow-supply")
        let text = try Drafts.render(draft, templatePath: nil)
        #expect(text.contains("20 January 1920"))
        #expect(try ListEvents().run(in: d.workspace).count == before, "a draft records nothing")
    }
}
