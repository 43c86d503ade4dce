import PetitionsDomain

/// A reading use case was pointed at a ledger that does not exist: nothing to read, and nothing is created. The front
/// end says how to make one (on the command line, `petitions init`).
public struct MissingLedger: Error, Equatable, Sendable {
    /// The path that was given, or resolved from the environment.
    public var path: String
    /// Whether a file is there, empty (0 bytes): no ledger either, which a reading command must not turn into one.
    public var empty: Bool

    public init(path: String, empty: Bool = false) {
        self.path = path
        self.empty = empty
    }

    /// The sysexits code for it: a missing input.
    public static let code = PetitionsError.Code.noInput
}
