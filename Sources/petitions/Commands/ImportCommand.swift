import ArgumentParser
import Foundation
import PetitionsApp

/// `petitions import`: CSV rows through the single commands' operations, or another office's event log merged in.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import petitioners, letters or receipts from CSV, or merge another office's exported event log.",
        discussion: """
            CSV (UTF-8, with or without a byte-order mark; the first line names the columns, see README): every row is \
            checked first; with any bad row nothing is imported and every problem is listed with its line and column \
            (exit 65). --skip-invalid imports the good rows; --rejects FILE writes the bad ones with a reason column, \
            to correct and import again. FILE may be - for standard input.

            events FILE.jsonl merges an event log written by `petitions export events`: each event is added once (by \
            its UUID), with its office, actor and day; a handle that means something else here is refused unless \
            --map THEIRS=OURS says what it is.

            Example:
              petitions import petitioners Examples/petitioners.csv
              petitions import letters letters.csv --skip-invalid --rejects rejected.csv
              petitions import events klin.jsonl --map ivanov=ivanov-klin
            """)

    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var output: FormatOptions
    @Argument(
        help: ArgumentHelp("petitioners, letters, receipts (CSV) or events (JSON Lines).", valueName: "what"), completion: ImportWhat.completion,
        transform: ImportWhat.option("import")) var what: ImportWhat
    @Argument(help: ArgumentHelp("The file to read, or - for standard input.", valueName: "file")) var file: String
    @Flag(name: .customLong("skip-invalid"), help: "Import the good rows and leave out the bad ones.") var skipInvalid = false
    @Option(parsing: .unconditional, help: ArgumentHelp("Write the bad rows here, with a reason column (mode 0600).", valueName: "file")) var rejects:
        String?
    @Flag(help: "Import a CSV file again that was imported before (the same bytes); without it, that is refused.") var again = false
    @Flag(help: "With --rejects, replace an existing file.") var force = false
    @Option(
        parsing: .unconditionalSingleValue, help: ArgumentHelp("For events: their handle THEIRS is our OURS (repeatable).", valueName: "theirs=ours"))
    var map: [String] = []

    func run() throws {
        if file == "-" { try StandardInput.refuseTerminal(what: what == .events ? "events" : "rows", command: "import \(what.rawValue)") }
        if what == .events {
            if skipInvalid || rejects != nil {
                throw PetitionsError("--skip-invalid and --rejects are for CSV rows; an event log is merged whole or not at all.", code: .usage)
            }
            let result = try ledger.run(MergeEvents(path: file, maps: map))
            if output.format == .json { return try Output.json(result) }
            for w in result.warnings { Output.warn(w) }
            let joined = result.joined > 0 ? " (\(Thousands.format(result.joined)) joined to records already here)" : ""
            print(
                "Merged \(Wording.count(result.events, "event")) from \(file == "-" ? "standard input" : file): \(Thousands.format(result.added)) added\(joined), "
                    + "\(Thousands.format(result.alreadyPresent)) already present.")
            if !result.conflicts.isEmpty {
                print("\(result.conflicts.count == 1 ? "A field was" : "\(result.conflicts.count) fields were") changed by both offices:")
                for c in result.conflicts { print("  \(c)") }
            }
            if !result.notApplied.isEmpty {
                print(
                    "\(result.notApplied.count == 1 ? "An event" : "\(result.notApplied.count) events") could not apply to this ledger as it is now:")
                for c in result.notApplied { print("  \(c)") }
            }
            return
        }
        guard map.isEmpty else { throw PetitionsError("--map is for merging events; CSV rows name this ledger's handles.", code: .usage) }
        guard let kind = ImportKind(rawValue: what.rawValue) else { return }
        let bar = ProgressBar(label: kind.rawValue, file: file)
        defer { bar?.finish() }
        let receiptsBefore = kind == .receipts ? try ledger.run(LastReceiptID()) : nil
        let report = try ledger.run(
            ImportRows(kind: kind, path: file, skipInvalid: skipInvalid, rejectsPath: rejects, replaceRejects: force, again: again) {
                bar?.update($0)
            })
        bar?.finish()
        // Unusual receipts are kept, as `delivery receive` keeps them, and said, as it says them.
        if let receiptsBefore, report.imported > 0 {
            let warnings = try ledger.run(ImportedReceiptWarnings(after: receiptsBefore))
            for w in warnings.sentences { Output.warn(w) }
            if warnings.more { Output.warn("more receipts of this import are unusual in the same ways; `delivery list` shows their deliveries.") }
        }
        if output.format == .json { return try Output.json(report) }
        let what = Wording.count(report.imported, String(kind.rawValue.dropLast()), plural: kind.rawValue)
        var text = "Imported \(what) of \(Wording.count(report.rows, "row")) from \(report.source)."
        if report.rejected > 0 {
            text +=
                " \(Wording.count(report.rejected, "row")) \(report.rejected == 1 ? "was" : "were") left out\(report.rejects.map { " and written to \($0)" } ?? ""):"
            text += ([""] + report.problems).joined(separator: "\n  ")
            if report.rejected > report.problems.count { text += "\n  … and \(report.rejected - report.problems.count) more rows" }
        }
        print(text)
    }
}
