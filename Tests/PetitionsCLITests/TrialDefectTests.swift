import Foundation
import PetitionsTestSupport
import Testing

/// Defects the fifth session's trial found on the command line, each as the tester met it.
@Suite struct TrialDefectTests {
    /// A head-count whose monthly delivery no quantity can hold was enrolled, and only `delivery schedule` said so,
    /// naming no option and with its figures unseparated. The enrolment is refused, naming the count.
    @Test func anEnrolmentNoDeliveryCouldHoldIsRefusedNamingTheCount() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let decree = try cli.run([
            "decree", "add", "--handle", "huge", "--name", "Huge", "--issued", "1919-01-01", "--supplier", "moscow-supply", "--ration",
            "employee: 2000000 funt wheat",
        ])
        #expect(decree.status == 0, "\(decree)")
        #expect(try cli.run(["group", "add", "--name", "Everyone", "--handle", "everyone", "--count", "employee=10000000"]).status == 0)
        let before = try BadInputTests.snapshot(cli)
        let enrol = try cli.run(["enrol", "--decree", "huge", "--recipient", "everyone", "--from", "1919-09-01"])
        #expect(enrol.status == 65, "\(enrol)")
        #expect(enrol.stderr.contains("--count 'employee=10,000,000'") && enrol.stderr.contains("2,000,000 funt wheat"), "\(enrol.stderr)")
        #expect(try BadInputTests.snapshot(cli) == before, "nothing recorded")
        // A count that fits is enrolled and scheduled.
        let fits = try cli.run(["enrol", "--decree", "huge", "--recipient", "everyone", "--from", "1919-09-01", "--count", "employee=1"])
        #expect(fits.status == 0, "\(fits)")
        #expect(try cli.run(["delivery", "schedule", "--decree", "huge", "--from", "1919-09", "--to", "1919-10", "--on", "1919-09-01"]).status == 0)
    }
}
