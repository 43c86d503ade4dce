import Foundation
import PetitionsDomain
import PetitionsReport
import PetitionsStore

/// What `petitions import` reads from CSV, and the columns of each (README, "Import, export, merging and backups").
public enum ImportKind: String, CaseIterable, Sendable {
    case petitioners, letters, receipts

    /// Columns a file must have.
    public var required: [String] {
        switch self {
        case .petitioners: return ["name"]
        case .letters: return ["direction", "from", "to", "on", "subject"]
        case .receipts: return ["decree", "recipient", "period", "on", "quantity"]
        }
    }

    /// Columns a file may have.
    public var optional: [String] {
        switch self {
        case .petitioners: return ["handle", "district", "occupation", "groups", "dependants", "on"]
        case .letters: return ["petition", "in_reply_to", "channel", "summary", "expects_reply", "reply_within", "id", "voided"]
        case .receipts: return ["note"]
        }
    }

    /// Columns an export (or a rejects file) writes that an import reads past.
    public var ignored: [String] {
        switch self {
        case .petitioners: return ["id", "office", "reason"]
        case .letters: return ["office", "reply_due", "answered_by", "reason"]
        case .receipts: return ["id", "office", "reason"]
        }
    }

    /// The ledger's sentences name options (`--group`); the columns that hold them.
    static let columnOfOption = ["--group": "groups", "--dependant": "dependants"]
}

/// What an import did.
public struct ImportReport: Codable, Sendable {
    public var what: String
    public var source: String
    public var rows: Int
    public var imported: Int
    public var rejected: Int
    /// Where the rejected rows went.
    public var rejects: String?
    /// The first problems, each `line N, column C: …`.
    public var problems: [String]
}

/// `petitions import petitioners|letters|receipts FILE`: reads CSV, checks every row, records the good ones
/// through the same operations as the single commands, in one transaction.
public enum RowImport {
    /// How many problems an error lists before it counts the rest.
    public static let problemLimit = 20

    /// Imports `path` (`-` for standard input). With a bad row and not `skipInvalid`, nothing is written and the
    /// error lists every problem (up to a limit); with `skipInvalid`, the good rows are written and the bad ones
    /// go to `rejectsPath` with a reason column. `progress` hears the rows read so far.
    /// An existing rejects file is replaced only with `replaceRejects`, never when it is the input itself.
    public static func run(
        _ kind: ImportKind, path: String, ledger: Ledger, skipInvalid: Bool, rejectsPath: String?, replaceRejects: Bool = false,
        again: Bool = false, progress: (Int) -> Void = { _ in }
    ) throws -> ImportReport {
        // `-` made a file named `-`: standard output carries the import's own report, so the rows need a file.
        if let rejectsPath, OutputPath.isStandardOutput(rejectsPath) {
            throw PetitionsError(
                "--rejects \(quoted(rejectsPath)): standard output carries the import's report; give the rejected rows a file name.", code: .usage)
        }
        if let rejectsPath, rejectsPath == path || OutputPath.sameFile(rejectsPath, path) {
            throw PetitionsError("--rejects: \(rejectsPath) is the file being imported; give the rejected rows another file.", code: .usage)
        }
        let input = try CSVInput(path: path)
        // The file's digest, so that importing the same file twice (a retry after a kill that came after the commit)
        // is refused. Standard input and pipes cannot be read twice, so they have none.
        let digest = path != "-" && InputFile.isRegular(path) ? try FileDigest.sha256(path) : nil
        let columns = try checkHeader(input.header, kind: kind, source: input.source)
        let rejects = try rejectsPath.map { try CSVOutput(creating: $0, replacing: replaceRejects, neutralise: false) }
        let reasonColumn = input.header.firstIndex(of: "reason")
        try rejects?.write(reasonColumn == nil ? input.header + ["reason"] : input.header)

        let header = input.header
        let units = ledger.units
        // The file is read and checked on a second thread, a few thousand rows ahead of the writes.
        var stopped = false
        let prefetch = Prefetch<CSVRow> {
            if let (line, cells) = input.next() {
                return CSVRow(
                    line: line, cells: cells, request: parse(kind, cells, line: line, columns: columns, header: header, units: units), stop: nil)
            }
            guard !stopped, let failure = input.failure else { return nil }
            stopped = true
            return CSVRow(line: 0, cells: [], request: .failure(RowProblem(line: 0, messages: [])), stop: failure)
        }
        defer { prefetch.cancel() }
        let rows = AnySequence { AnyIterator { prefetch.next() } }
        let outcome = try ledger.importRows(
            kind.rawValue, source: input.source, rows: rows, skipInvalid: skipInvalid, problemLimit: problemLimit, digest: digest,
            again: again, progress: progress
        ) { row, problem in
            guard let rejects else { return }
            var cells = row.cells + Array(repeating: "", count: max(0, input.header.count - row.cells.count))
            let reason = describe(problem)
            if let i = reasonColumn { cells[i] = reason } else { cells.append(reason) }
            // Defused as an export's cells are (a rejected `=HYPERLINK(…)` would run in a spreadsheet), as they are in
            // the file: a cell written `'=x` stays so, and imports back as `=x`.
            try rejects.write(cells.map(CSVTable.defuse))
        }
        // In place only now: a refusal before this point (the file imported before, a row the ledger refused) leaves
        // the file named by --rejects as it was.
        try rejects?.commit()
        let problems = outcome.problems.map(describe)
        if !outcome.committed {
            let more = outcome.rejected > outcome.problems.count ? "\n  … and \(outcome.rejected - outcome.problems.count) more rows" : ""
            throw PetitionsError(
                """
                \(input.source): \(outcome.rejected) of \(Wording.count(outcome.rows, "row")) cannot be imported, so nothing was imported. \
                Correct them, or import the others with --skip-invalid --rejects FILE:
                  \(problems.joined(separator: "\n  "))\(more)
                """)
        }
        return ImportReport(
            what: kind.rawValue, source: input.source, rows: outcome.rows, imported: outcome.imported,
            rejected: outcome.rejected, rejects: rejectsPath, problems: problems)
    }

    /// A row of the file with what it asks for.
    struct CSVRow: ImportRow {
        let line: Int
        let cells: [String]
        let request: Result<RowRequest, RowProblem>
        let stop: PetitionsError?
    }

    // MARK: - Header

    /// The index of each known column; a missing required column or an unknown one is an error naming them all.
    static func checkHeader(_ header: [String], kind: ImportKind, source: String) throws -> [String: Int] {
        let names = header.map { $0.lowercased() }
        let known = Set(kind.required + kind.optional + kind.ignored)
        let missing = kind.required.filter { !names.contains($0) }
        let unknown = names.filter { !known.contains($0) }
        var seen = Set<String>()
        let repeated = names.filter { !seen.insert($0).inserted }
        guard missing.isEmpty, unknown.isEmpty, repeated.isEmpty else {
            var parts: [String] = []
            if !missing.isEmpty { parts.append("lacks the column\(missing.count == 1 ? "" : "s") \(list(missing))") }
            if !unknown.isEmpty {
                parts.append("has the unknown column\(unknown.count == 1 ? "" : "s") \(sample(unknown.map { $0.isEmpty ? "(empty)" : $0 }))")
            }
            if !repeated.isEmpty {
                var once = Set<String>()
                parts.append("repeats \(sample(repeated.filter { once.insert($0).inserted }.map { $0.isEmpty ? "(empty)" : $0 }))")
            }
            throw PetitionsError(
                "\(source): the header \(parts.joined(separator: " and ")); \(kind.rawValue) take \(list(kind.required)) "
                    + "and may take \(list(kind.optional)). Nothing was imported.")
        }
        return Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    }

    static func list(_ names: [String]) -> String {
        names.map { quoted($0) }.joined(separator: ", ")
    }

    /// The first few of a file's column names, each cut to its first 60 characters: a header of 100,000 columns (a
    /// spreadsheet's export, the wrong file) made a sentence of a megabyte.
    static func sample(_ names: [String], first: Int = 10) -> String {
        let shown = names.prefix(first).map { $0.count > 60 ? quoted(String($0.prefix(60))) + "…" : quoted($0) }.joined(separator: ", ")
        return names.count > first ? "\(shown) and \(names.count - first) more" : shown
    }

    // MARK: - Rows

    /// "line 7, column on: '1920-02-30' does not exist…" from the ledger's "--on '1920-02-30' does not exist…".
    static func describe(_ problem: RowProblem) -> String {
        // Each message is a sentence with its full stop: the stops go where the sentences are joined, not before "; ".
        let parts = problem.messages.map { describe($0, line: problem.line) }
        return parts.enumerated().map { i, p in i < parts.count - 1 && p.hasSuffix(".") ? String(p.dropLast()) : p }.joined(separator: "; ")
    }

    static func describe(_ message: String, line: Int) -> String {
        guard message.hasPrefix("--") else { return "line \(line): \(message)" }
        let option = String(message.prefix { $0 != " " && $0 != ":" })
        var rest = message.dropFirst(option.count)
        if rest.hasPrefix(":") { rest = rest.dropFirst() }
        let column = ImportKind.columnOfOption[option] ?? option.dropFirst(2).replacingOccurrences(of: "-", with: "_")
        return "line \(line), column \(column): \(rest.trimmingCharacters(in: .whitespaces))"
    }

    /// The cells of a row by column name, trimmed, nil when empty or absent. The quote that `export` puts before
    /// a cell beginning with = + - @ (so that a spreadsheet does not run it) is taken off again.
    struct Cells {
        let values: [String]
        let columns: [String: Int]
        subscript(_ name: String) -> String? {
            guard let i = columns[name], i < values.count else { return nil }
            var v = values[i]
            // `''=x` is the value `'=x`, its quote doubled by `CSVTable.neutralise`.
            if v.utf8.first == UInt8(ascii: "'"), var second = v.utf8.dropFirst().first {
                if second == UInt8(ascii: "'"), let third = v.utf8.dropFirst(2).first { second = third }
                if "=+-@\t\r".utf8.contains(second) { v.removeFirst() }
            }
            guard let first = v.utf8.first, let last = v.utf8.last else { return nil }
            // Foundation's trimming is slow on Linux; most cells begin and end with a visible ASCII character.
            if first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return v }
            let t = v.trimmingCharacters(in: .whitespacesAndNewlines)
            return t.isEmpty ? nil : t
        }
    }

    /// Collects every problem of a row, so that one pass over the file shows them all.
    struct Problems {
        var messages: [String] = []
        mutating func check<T>(_ body: () throws -> T) -> T? {
            do { return try body() } catch let e as PetitionsError {
                messages.append(e.message)
                return nil
            } catch {
                messages.append("\(error)")
                return nil
            }
        }
        mutating func require(_ value: String?, _ option: String, _ what: String) -> String? {
            if value == nil { messages.append("\(option) is empty; give \(what).") }
            return value
        }
    }

    // Longer than 60 lines on purpose: one case per kind of row, each reading its columns.
    static func parse(_ kind: ImportKind, _ values: [String], line: Int, columns: [String: Int], header: [String], units: UnitCatalog)
        -> Result<RowRequest, RowProblem>
    {
        let c = Cells(values: values, columns: columns)
        var p = Problems()
        // Too few cells is as wrong as too many: a cell lost or added shifts every column after it.
        if values.count != header.count {
            p.messages.append("the row has \(Wording.count(values.count, "cell")) but the header names \(Wording.count(header.count, "column"))")
        }
        let request: RowRequest?
        switch kind {
        case .petitioners:
            let name = p.require(c["name"], "--name", "the petitioner's name")
            let handle = c["handle"].flatMap { h in p.check { try Handle.validate(h.lowercased()) } }
            let groups = split(c["groups"])
            let dependants = split(c["dependants"]).compactMap { d in p.check { try Dependant(parsing: d) } }
            let on = c["on"].flatMap { d in p.check { try Day(parsing: d, field: "--on") } }
            request = name.map {
                .petitioner(
                    NewPetitioner(
                        name: $0, handle: handle, district: c["district"], occupation: c["occupation"], groups: groups,
                        dependants: dependants, on: on))
            }
        case .letters:
            let direction = p.require(c["direction"], "--direction", "sent or received").flatMap { d in
                p.check {
                    guard let v = Direction(rawValue: d.lowercased()) else {
                        throw PetitionsError.invalid("--direction", d, "is neither sent nor received")
                    }
                    return v
                }
            }
            let from = p.require(c["from"], "--from", "a handle or id")
            let to = p.require(c["to"], "--to", "a handle or id")
            let on = p.require(c["on"], "--on", "the day (YYYY-MM-DD)").flatMap { d in p.check { try Day(parsing: d, field: "--on") } }
            let subject = p.require(c["subject"], "--subject", "the letter's subject")
            // A file with an id column is an export, whose ids are those of the ledger it came from: in_reply_to names
            // a row of the file, and a petition, which the file does not hold, cannot be found here by its id.
            let exported = columns["id"] != nil
            let rowID = c["id"].flatMap { v in p.check { try id(v, "--id") } }
            let petition = c["petition"].flatMap { v in p.check { try id(v, "--petition") } }
            if exported, let v = c["petition"] {
                p.messages.append(
                    "--petition \(quoted(v)) is a petition's id in the ledger the file was exported from, which this ledger numbers otherwise; "
                        + "leave the column empty, or move letters with their petitions by export events and import events.")
            }
            let inReplyTo = c["in_reply_to"].flatMap { v in p.check { try id(v, "--in-reply-to") } }
            if let v = c["voided"], p.check({ try yesNo(v, "--voided") }) == true {
                p.messages.append(
                    "--voided: the letter was voided in the ledger the file was exported from, and a voided letter is not imported; leave the row out."
                )
            }
            if direction == .sent, let r = c["in_reply_to"] {
                p.messages.append("--in-reply-to \(quoted(r)) is given for a sent letter; only a received letter replies to one.")
            }
            let channel = c["channel"].map { v in p.check { try Channel(parsing: v) } } ?? .post
            let expects = c["expects_reply"].flatMap { v in p.check { try yesNo(v, "--expects-reply") } }
            if direction == .received, expects == true {
                p.messages.append("--expects-reply: a received letter expects no reply; leave expects_reply empty")
            }
            let replyWithin = c["reply_within"].flatMap { v in p.check { try Span(parsing: v, field: "--reply-within") } }
            // A window carrying the due day past 9999-12-31 is refused as `letter send` refuses it, not stored clamped.
            if direction == .sent, expects != false, let replyWithin, let on {
                _ = p.check { try replyWithin.refusePastTheEnd(from: on, field: "--reply-within") }
            }
            // Refused as `letter send` and the API refuse it, not recorded with the window dropped without a word.
            if expects == false, let r = c["reply_within"] {
                p.messages.append("--reply-within \(quoted(r)) is given for a letter that expects no reply (expects_reply no); give one or the other")
            }
            if let direction, let from, let to, let on, let subject, let channel {
                request = .letter(
                    NewLetter(
                        direction: direction, from: from, to: to, on: on, subject: subject, petition: petition,
                        inReplyTo: exported ? nil : inReplyTo, channel: channel, summary: c["summary"],
                        expectsReply: direction == .sent && (expects ?? true), replyWithin: replyWithin, rowID: rowID,
                        inReplyToRow: exported ? inReplyTo : nil))
            } else {
                request = nil
            }
        case .receipts:
            let decree = p.require(c["decree"], "--decree", "the decree's handle")
            let recipient = p.require(c["recipient"], "--recipient", "the recipient's handle")
            let period = p.require(c["period"], "--period", "the period (YYYY-MM)").flatMap { v in
                p.check { try Period(parsing: v, field: "--period") }
            }
            let on = p.require(c["on"], "--on", "the day (YYYY-MM-DD)").flatMap { d in p.check { try Day(parsing: d, field: "--on") } }
            let quantities = split(p.require(c["quantity"], "--quantity", "what came, e.g. '1700 funt wheat'"))
            for q in quantities { _ = p.check { try Quantity(parsing: q, field: "--quantity", units: units) } }
            if let decree, let recipient, let period, let on, !quantities.isEmpty {
                request = .receipt(NewReceipt(decree: decree, recipient: recipient, period: period, on: on, quantities: quantities, note: c["note"]))
            } else {
                request = nil
            }
        }
        if let request, p.messages.isEmpty { return .success(request) }
        return .failure(RowProblem(line: line, messages: p.messages))
    }

    /// `a; b; c` as a list, empty entries dropped.
    static func split(_ text: String?) -> [String] {
        guard let text else { return [] }
        return semicolonParts(text).compactMap { part in
            // Foundation's trimming was a tenth of an import; most entries begin and end with a visible ASCII character.
            if let first = part.utf8.first, let last = part.utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
                return String(part)
            }
            let t = part.trimmingCharacters(in: .whitespaces)
            return t.isEmpty ? nil : t
        }
    }

    /// The non-empty parts of `text` between semicolons, as `split(separator: ";")` finds them character by character.
    /// When every `;` stands between ASCII bytes (or at an end) it is a character of its own (nothing joins to it), so
    /// the parts are found byte by byte: splitting by character was an eighth of reading each row of a household.
    static func semicolonParts(_ text: String) -> [Substring] {
        var previous: UInt8 = 0
        for b in text.utf8 {
            if (previous == UInt8(ascii: ";") && b >= 0x80) || (b == UInt8(ascii: ";") && previous >= 0x80) {
                return text.split(separator: ";")
            }
            previous = b
        }
        return text.utf8.split(separator: UInt8(ascii: ";")).map { Substring($0) }
    }

    static func id(_ text: String, _ option: String) throws -> Int64 {
        guard let n = Int64(text), n > 0 else { throw PetitionsError.invalid(option, text, "is not an id; ids are whole numbers from 1") }
        return n
    }

    static func yesNo(_ text: String, _ option: String) throws -> Bool {
        switch text.lowercased() {
        case "yes", "y", "true", "1": return true
        case "no", "n", "false", "0": return false
        default: throw PetitionsError.invalid(option, text, "is neither yes nor no")
        }
    }
}
