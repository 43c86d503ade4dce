import Foundation
import PetitionsApp
import PetitionsDomain
import PetitionsTestSupport
import Testing

/// `CheckReportScope`, what the server's `HEAD` of the report runs, refuses what `BuildReport` refuses before it builds
/// anything, so that the two answer the same status.
@Suite("Checking a report's scope") struct ReportScopeCheckTests {
    @Test("a calendar in force that cannot be read is refused by the check as by the report, in the same words")
    func calendarNotRead() throws {
        let t = try TemporaryLedger()
        defer { t.remove() }
        let broken = t.directory.appendingPathComponent("calendar.toml").path
        try "this is [not toml\n".write(toFile: broken, atomically: true, encoding: .utf8)
        for path in [broken, t.directory.appendingPathComponent("missing.toml").path] {
            let ws = Workspace(
                databasePath: t.path, actor: "tester", office: "test", configPath: nil, environment: ["PETITIONS_CALENDAR": path],
                today: TemporaryLedger.today, now: { TemporaryLedger.now })
            let build = BuildReport(asOf: TemporaryLedger.today)
            let built = #expect(throws: PetitionsError.self) { _ = try build.run(in: ws) }
            let checked = #expect(throws: PetitionsError.self) { try CheckReportScope(build).run(in: ws) }
            #expect(checked?.message == built?.message, "\(path)")
            #expect(checked?.code == built?.code, "\(path)")
        }
    }
}
