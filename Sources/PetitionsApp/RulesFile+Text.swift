import Foundation
import PetitionsDomain
import PetitionsRules
import PetitionsStore
import TOMLKit

extension RulesFile {
    // MARK: - Helpers

    /// The text with comments removed and the lines inside multi-line strings blanked, line for line, so that keys
    /// and `[[rule]]` headers are never looked for in a comment or in the text of a query.
    // Longer than 60 lines on purpose: one scanner over the TOML text, line for line.
    static func codeOnly(_ text: String) -> String {
        enum State { case code, basic, literal, multiBasic, multiLiteral }
        var state = State.code
        var out: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let startsInside = state == .multiBasic || state == .multiLiteral
            let chars = Array(line)
            var cut = chars.count
            var i = 0
            func triple(_ q: Character) -> Bool { i + 2 < chars.count && chars[i] == q && chars[i + 1] == q && chars[i + 2] == q }
            scan: while i < chars.count {
                let c = chars[i]
                switch state {
                case .code:
                    if c == "#" {
                        cut = i
                        break scan
                    }
                    if triple("\"") {
                        state = .multiBasic
                        i += 3
                        continue
                    }
                    if triple("'") {
                        state = .multiLiteral
                        i += 3
                        continue
                    }
                    if c == "\"" { state = .basic } else if c == "'" { state = .literal }
                case .basic:
                    if c == "\\" {
                        i += 2
                        continue
                    }
                    if c == "\"" { state = .code }
                case .literal:
                    if c == "'" { state = .code }
                case .multiBasic:
                    if c == "\\" {
                        i += 2
                        continue
                    }
                    if triple("\"") {
                        state = .code
                        i += 3
                        continue
                    }
                case .multiLiteral:
                    if triple("'") {
                        state = .code
                        i += 3
                        continue
                    }
                }
                i += 1
            }
            if state == .basic || state == .literal { state = .code }
            out.append(startsInside ? "" : String(chars[..<cut]))
        }
        return out.joined(separator: "\n")
    }

    /// Keys ordered by the line they are written on, so the first error in the file is the one reported.
    static func inFileOrder(_ keys: [String], lines line: (String) -> Int?) -> [String] {
        keys.sorted { (line($0) ?? Int.max, $0) < (line($1) ?? Int.max, $1) }
    }

    /// A value as the user wrote it, quoted for an error message.
    static func shown(_ value: TOMLValueConvertible) -> String {
        quoted(value.string ?? value.debugDescription)
    }

    /// What kind of TOML value it is, in words.
    static func typeName(_ value: TOMLValueConvertible) -> String {
        switch value.type {
        case .string: return "text"
        case .int: return "a whole number"
        case .double: return "a decimal number"
        case .bool: return "true or false"
        case .date, .time, .dateTime: return "a date or time"
        case .array: return "a list"
        case .table: return "a table"
        }
    }

    /// "a, b and c".
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }
}
