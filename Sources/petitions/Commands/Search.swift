import ArgumentParser
import Foundation
import PetitionsApp

/// `petitions search QUERY`: parties, petitions, letters, notes and attachments by the words of them.
struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find parties, petitions, letters, notes and attachments by a word of them, best matches first.",
        discussion: """
            Searches names, handles, subjects, summaries, categories, notes and attachment titles. Case and \
            diacritics do not matter (petr finds Pëtr, lodz finds Łódź); other scripts are found as written. \
            A word ending in * is a prefix (prov*); "words in quotes" are a phrase; AND, OR and NOT go between words.

            Examples:
              petitions search kropotkin
              petitions search "prov*" --kind letter --limit 5
              petitions search '"flour ration"' --format json
            """)

    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var output: FormatOptions
    /// Every word that is not one of the options below, so that a query that begins with "-" (`-petr`) reaches the
    /// search, which answers it with a sentence, rather than being taken for an unknown option.
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("What to search for.", valueName: "query")) var words: [String] = []
    @Option(
        parsing: .unconditional, help: "Only records of this kind: party, petition, letter, note or attachment.",
        transform: OptionWord.read { try SearchKind(parsing: $0, field: "--kind") })
    var kind: SearchKind?
    @Option(
        parsing: .unconditional, help: "At most this many results (default 20). (default: 20)",
        transform: OptionWord.number("--limit", "a number of results from 1 to 10000", in: 1...10_000))
    var limit = 20

    /// The words of the query: `--` (which ends the options, so that `search -- -petr` is taken as words) is not one.
    private var queryWords: [String] { words.filter { $0 != "--" } }

    func validate() throws {
        guard !queryWords.isEmpty else {
            throw PetitionsError("search: <query> is required (the words to search for); `petitions search --help` lists the options.", code: .usage)
        }
    }

    func run() throws {
        let query = queryWords.joined(separator: " ")
        let hits = try ledger.run(SearchRecords(query: query, kind: kind, limit: limit))
        if output.format == .json { return try Output.json(hits) }
        guard !hits.isEmpty else { return print("Nothing matches \(ControlCharacters.visible(query)).") }
        var t = TextTable(["KIND", "ID", "DAY", "MATCH"])
        for h in hits {
            t.add([
                h.kind.rawValue, h.handle.map(ControlCharacters.visible) ?? h.id.map(String.init) ?? "-", h.day?.description ?? "-",
                ControlCharacters.visible(h.snippet),
            ])
        }
        print(t.render())
    }
}
