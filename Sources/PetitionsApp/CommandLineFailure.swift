import Foundation
import PetitionsDomain

/// What the two programs run from a shell, `petitions` and `petitions-server`, print on stderr for an error in the
/// house's words, and the exit code they leave with: one line, `error: ` and the sentence. A missing ledger's
/// sentence names `petitions init`, which is how a ledger is made from a shell (the web application says it
/// otherwise).
public struct CommandLineFailure: Sendable {
    /// The line, without its newline.
    public let line: String
    /// The sysexits code.
    public let code: Int32

    /// The failure for `error`, or nil for an error not in the house's words (the argument parser's, say).
    public init?(_ error: Error) {
        switch error {
        case let missing as MissingLedger:
            line =
                "error: there is no ledger at \(ControlCharacters.quotable(missing.path))\(missing.empty ? " (the file is empty)" : ""); "
                + "create it with `petitions init`, or give --db the path of an existing one."
            code = MissingLedger.code.rawValue
        case let ours as PetitionsError:
            line = "error: \(ours.message)"
            code = ours.code.rawValue
        default:
            return nil
        }
    }

    /// Prints the line on stderr and exits with the code.
    public func exit() -> Never {
        FileHandle.standardError.write(Data((line + "\n").utf8))
        Foundation.exit(code)
    }
}

extension CommandLineFailure {
    /// Refuses an argument whose bytes are not UTF-8, naming the option it was given to (or its place): Swift reads
    /// each such byte as U+FFFD, and `--name $'A\xed\xa0\x80'` was recorded as `A���`, where the API, the web form and
    /// a draft refuse what is not UTF-8. Both programs check: `petitions-server --office $'\xff'`, run by itself, took
    /// U+FFFD for the office's name, and `--db $'\xff.sqlite'` was said to be no ledger at a path nobody gave.
    public static func refuseArgumentsNotUTF8() throws {
        var previous: String?
        for i in stride(from: 1, to: Int(CommandLine.argc), by: 1) {
            guard let raw = CommandLine.unsafeArgv[i] else { continue }
            guard let word = String(validatingCString: raw) else {
                let shown = String(cString: raw)  // each byte that is not UTF-8 read as U+FFFD
                let field: String
                if shown.hasPrefix("--"), let equals = shown.firstIndex(of: "=") {
                    field = String(shown[..<equals])
                } else if let p = previous, p.hasPrefix("--"), !p.contains("=") {
                    field = p
                } else {
                    field = "argument \(i)"
                }
                throw PetitionsError(
                    "\(field) \(quoted(shown)) holds bytes that are not UTF-8 text (shown as U+FFFD); give it in UTF-8.", field: field, kind: .invalid
                )
            }
            previous = word
        }
    }
}
