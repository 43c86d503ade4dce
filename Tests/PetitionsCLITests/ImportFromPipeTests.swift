import Foundation
import PetitionsTestSupport
import Testing

/// A CSV import from a pipe (`<(command)` in a shell) at a terminal: the progress bar, drawn only at a terminal, counted
/// the lines of its file first, and so read away the pipe's rows before the import opened it ("/dev/fd/63 is empty").
/// It counts only a regular file now. Run under `script`, which gives the command a terminal.
@Suite struct ImportFromPipeTests {
    static let script = "/usr/bin/script"

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: script) && FileManager.default.isExecutableFile(atPath: "/bin/bash")))
    func rowsFromAPipeAreImportedAtATerminal() throws {
        var cli = try CLI()
        defer { cli.remove() }
        cli.environment["SHELL"] = "/bin/bash"
        let line = "'\(CLI.binary)' import petitioners <(printf 'name\\nVera Figner\\n') --db '\(cli.db)'"
        let r = try CLI.exec(["script", "-qec", line, "/dev/null"], environment: cli.environment, executable: Self.script)
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.contains("Imported 1 petitioner of 1 row from /dev/fd/"), "\(r)")
        let list = try cli.run(["petitioner", "list", "--format", "json"])
        #expect(list.stdout.contains("Vera Figner"), "\(list)")
    }
}
