import Foundation
import PetitionsTestSupport
import Testing

extension EighthTrialTests {
    // MARK: - Arguments that are not UTF-8

    @Test("an argument that is not UTF-8 is refused naming its option, not recorded with U+FFFD")
    func anArgumentThatIsNotUTF8IsRefused() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let before = try BadInputTests.snapshot(cli)
        for (script, field) in [
            (#""$0" petitioner add --name "$(printf 'A\355\240\200')" --db "$1""#, "--name"),
            (#""$0" petitioner add --name="$(printf 'B\377')" --db "$1""#, "--name"),
            (#""$0" petition note 1 --text ok --db "$1" "$(printf '\376')""#, "argument 8"),
        ] {
            let r = try CLI.exec(["sh", "-c", script, CLI.binary, cli.db], environment: cli.environment, executable: "/bin/sh")
            #expect(r.status == 65, "\(script): \(r)")
            #expect(r.stderr.hasPrefix("error: \(field) ") && r.stderr.contains("not UTF-8"), "\(script): \(r)")
        }
        #expect(try BadInputTests.snapshot(cli) == before, "nothing was recorded")
    }
}
