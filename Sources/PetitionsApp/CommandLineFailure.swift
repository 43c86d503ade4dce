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
