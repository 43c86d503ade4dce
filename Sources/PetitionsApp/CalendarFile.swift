import Foundation
import PetitionsDomain
import PetitionsRules
import TOMLKit

/// Calendar files: which weekdays are the weekend and which days are holidays, read through TOMLKit.
///
/// ```toml
/// weekend = ["saturday", "sunday"]   # the default; a six-day week: ["sunday"]
/// [[holiday]]
/// date = "2009-04-10"                # one day
/// name = "Good Friday"
/// [[holiday]]
/// date = "12-25"                     # every year
/// name = "Christmas Day"
/// ```
/// Errors name the file, the line and the value.
public enum CalendarFile {
    /// The calendar when none is given: Saturday and Sunday off, no holidays.
    public static let defaultCalendar = WorkCalendar(weekend: [6, 7], holidays: [])

    static let keys = ["version", "weekend", "holiday"]
    static let holidayKeys = ["date", "name"]

    /// Parses a calendar file's text; an empty file is the default calendar.
    // Longer than 60 lines on purpose: each key of the file is checked in turn, each with its own sentence and line.
    /// `refusingRepeats`: a day given twice (two holidays with the same `date`) is refused, naming the day and both
    /// names; the ledger's stored calendar, checked when it was set, is read with false, keeping the first as before.
    public static func parse(_ text: String, source: String, refusingRepeats: Bool = true) throws -> WorkCalendar {
        let table = try TOMLFile.table(text, source: source)
        let lines = SourceLines(text)
        func fail(_ line: Int?, _ message: String) -> PetitionsError {
            PetitionsError("\(source)\(line.map { ", line \($0)" } ?? ""): \(message)")
        }

        for key in table.keys where !keys.contains(key) {
            throw fail(lines.line(ofKey: key), "unknown key \(quoted(key)); a calendar file has `version`, `weekend` and `[[holiday]]` tables.")
        }
        if let version = table["version"] {
            guard version.int == 1 else {
                throw fail(lines.line(ofKey: "version"), TOMLFile.versionRefusal(version))
            }
        }

        // MARK: weekend
        var weekend = defaultCalendar.weekend
        if let value = table["weekend"] {
            guard let array = value.array else {
                throw fail(
                    lines.line(ofKey: "weekend"),
                    "weekend \(quoted(value.debugDescription)) is not a list of weekday names; write e.g. weekend = [\"saturday\", \"sunday\"].")
            }
            weekend = []
            for item in array {
                guard let name = item.string else {
                    throw fail(
                        lines.line(ofKey: "weekend"), "weekend day \(quoted(item.debugDescription)) is not a weekday name; write e.g. \"sunday\".")
                }
                guard let number = weekdayNumber(name) else {
                    throw fail(
                        lines.line(ofKey: "weekend", value: name),
                        "weekend day \(quoted(name)) is not a day of the week; write monday, tuesday, wednesday, thursday, friday, saturday or sunday."
                    )
                }
                weekend.insert(number)
            }
            guard weekend.count < 7 else {
                throw fail(lines.line(ofKey: "weekend"), "the weekend takes every day of the week, which leaves no working day.")
            }
        }

        // MARK: holidays
        var holidays: [Holiday] = []
        if let value = table["holiday"] {
            guard let array = value.array else {
                throw fail(lines.line(ofKey: "holiday"), "holiday must be a list of [[holiday]] tables, each with a date and a name.")
            }
            let headers = lines.headers("holiday")
            var seen: [Holiday.Occurrence: (number: Int, name: String)] = [:]
            for (i, item) in array.enumerated() {
                let n = i + 1
                let start = i < headers.count ? headers[i] : 0
                let header: Int? = i < headers.count ? headers[i] + 1 : nil
                guard let entry = item.table else {
                    throw fail(header ?? lines.line(ofKey: "holiday"), "holiday \(n) is not a table with a date and a name.")
                }
                for key in entry.keys where !holidayKeys.contains(key) {
                    throw fail(
                        lines.line(ofKey: key, from: start) ?? header,
                        "holiday \(n) has an unknown key \(quoted(key)); holidays have a date and a name.")
                }
                guard let nameValue = entry["name"] else {
                    throw fail(header, "holiday \(n) has no name; write e.g. name = \"Christmas Day\".")
                }
                guard let name = nameValue.string, !name.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw fail(
                        lines.line(ofKey: "name", from: start) ?? header,
                        "holiday \(n) name \(quoted(nameValue.debugDescription)) is not a name; write e.g. name = \"Christmas Day\".")
                }
                // A name is printed by `deadline` and stored with the ledger's calendar: an ESC would repaint the clerk's
                // terminal and U+202E turn the line around, as in any other text.
                do {
                    try ControlCharacters.refuse(name, field: "holiday \(n) name")
                    // One line, as every name: a name of 10 MB was printed whole by every deadline that skipped it.
                    if let long = TextLimits.problem(key: "name", value: name) { throw PetitionsError("holiday \(n) \(long.message)") }
                } catch let e as PetitionsError {
                    throw fail(lines.line(ofKey: "name", from: start) ?? header, e.message)
                }
                guard let dateValue = entry["date"] else {
                    throw fail(header, "holiday \(n) (\(name)) has no date; write date = \"YYYY-MM-DD\" for one day or \"MM-DD\" for every year.")
                }
                let occurrence: Holiday.Occurrence
                if let text = dateValue.string {
                    do {
                        occurrence = try Holiday.Occurrence(parsing: text, field: "holiday \(n) date")
                    } catch let e as PetitionsError {
                        throw fail(lines.line(ofKey: "date", value: text, from: start) ?? header, e.message)
                    }
                } else if let date = dateValue.date {
                    guard let day = Day(year: date.year, month: date.month, day: date.day) else {
                        throw fail(
                            lines.line(ofKey: "date", from: start) ?? header,
                            "holiday \(n) date \(quoted(date.debugDescription)) is out of range; years run from 1000 to 9999.")
                    }
                    occurrence = .once(day)
                } else {
                    throw fail(
                        lines.line(ofKey: "date", from: start) ?? header,
                        "holiday \(n) date \(quoted(dateValue.debugDescription)) is not a day; write \"YYYY-MM-DD\" for one day or \"MM-DD\" for every year."
                    )
                }
                // Only the first of two holidays on one day was ever named; which name the clerk meant is theirs to say.
                if refusingRepeats, let first = seen[occurrence] {
                    throw fail(
                        lines.line(ofKey: "date", from: start) ?? header,
                        "holiday \(n) (\(quoted(name))) has the date \(quoted(occurrence.description)) of holiday \(first.number) (\(quoted(first.name))); give each day once, with one name, e.g. name = \"\(first.name); \(name)\"."
                    )
                }
                seen[occurrence] = seen[occurrence] ?? (n, name)
                holidays.append(try Holiday(occurrence, name: name))
            }
        }
        let calendar = WorkCalendar(weekend: weekend, holidays: holidays)
        // Deadlines are searched for a working day; a calendar without one for months would make them meaningless.
        if let start = calendar.firstRunWithoutWorkingDays(atLeast: CalendarFile.longestBreak) {
            throw fail(
                lines.line(ofKey: "holiday"),
                "from \(start) there are \(CalendarFile.longestBreak) days in a row without a working day; a calendar must leave a working day in every \(CalendarFile.longestBreak) days."
            )
        }
        return calendar
    }

    /// The most days in a row a calendar may leave without a working day.
    public static let longestBreak = 60

    /// Loads the calendar file at `path`; `field` names where the path came from in the error.
    public static func load(path: String, field: String = "calendar") throws -> WorkCalendar {
        let data = try InputFile.contents(path, field: field)
        return try parse(try TOMLFile.text(data, source: path), source: path)
    }

    /// The calendar to use: the file `option` (from `--calendar`), else `$PETITIONS_CALENDAR`, else the default.
    /// Also returns the file it came from, nil for the default.
    public static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws -> (calendar: WorkCalendar, path: String?)
    {
        if let p = option, !p.isEmpty { return (try load(path: p, field: "--calendar"), p) }
        if let p = environment["PETITIONS_CALENDAR"], !p.isEmpty { return (try load(path: p, field: "$PETITIONS_CALENDAR"), p) }
        return (defaultCalendar, nil)
    }

    /// ISO weekday number of an English weekday name or its three-letter abbreviation, any case.
    static func weekdayNumber(_ name: String) -> Int? {
        let n = name.trimmingCharacters(in: .whitespaces).lowercased()
        guard n.count >= 3 else { return nil }
        return WorkCalendar.weekdayNames.firstIndex { $0.lowercased() == n || $0.lowercased().prefix(3) == n }.map { $0 + 1 }
    }
}

/// The lines of a TOML text, for pointing at a key or value: TOMLKit does not report where values are.
struct SourceLines {
    let lines: [Substring]

    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The code part of a line, without a trailing comment (a `#` outside quotes).
    private func code(_ line: Substring) -> Substring {
        var quote: Character?
        for i in line.indices {
            let c = line[i]
            if let q = quote { if c == q { quote = nil } } else if c == "\"" || c == "'" { quote = c } else if c == "#" { return line[..<i] }
        }
        return line
    }

    /// The 1-based line, at or after line index `start` and before `end` (the end of the text when nil), where `key`
    /// is written (`key = …`, `[key]`, `[[key]]`); with `value`, the first such line that holds it, else the first line
    /// from the key on that holds it in quotes (a list over several lines, or an inline table). Bounded by `end`, a
    /// search within one table of many is as long as the table, not the rest of the file.
    func line(ofKey key: String, value: String? = nil, from start: Int = 0, to end: Int? = nil) -> Int? {
        let end = min(end ?? lines.count, lines.count)
        guard start < end else { return nil }
        let keyLines = (start..<end).filter { names(code(lines[$0]), key) }
        guard let value else { return keyLines.first.map { $0 + 1 } }
        if let i = keyLines.first(where: { code(lines[$0]).contains(value) }) { return i + 1 }
        let quotedValue = { (i: Int) -> Bool in
            let c = self.code(self.lines[i])
            return c.contains("\"\(value)\"") || c.contains("'\(value)'")
        }
        if let i = ((keyLines.first ?? start)..<end).first(where: quotedValue) { return i + 1 }
        return keyLines.first.map { $0 + 1 }
    }

    /// Whether a line of code starts by naming `key`, bare or quoted, possibly as a table header.
    private func names(_ code: Substring, _ key: String) -> Bool {
        let text = code.drop { $0 == " " || $0 == "\t" || $0 == "[" }
        for form in [key, "\"\(key)\"", "'\(key)'"] where text.hasPrefix(form) {
            if let next = text.dropFirst(form.count).first, next.isLetter || next.isNumber || next == "_" || next == "-" { continue }
            return true
        }
        return false
    }

    /// The 0-based indices of the `[[name]]` header lines.
    func headers(_ name: String) -> [Int] {
        lines.indices.filter {
            code(lines[$0]).filter { !$0.isWhitespace } == "[[\(name)]]"
        }
    }
}
