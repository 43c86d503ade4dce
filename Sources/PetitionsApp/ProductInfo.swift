import PetitionsStore

/// What this program is, for `--version` and for any front end that reports it: its version and the ledger schema it writes.
public enum ProductInfo {
    /// The release version of petitions.
    public static let version = "0.1.0"

    /// The version of the ledger schema this program writes (and the newest it opens).
    public static var ledgerSchemaVersion: Int { Ledger.schemaVersion }

    /// The line `petitions --version` prints: `petitions 0.1.0 (abc1234), ledger schema 2`.
    public static func versionLine(commit: String) -> String {
        "petitions \(version) (\(commit)), ledger schema \(ledgerSchemaVersion)"
    }
}
