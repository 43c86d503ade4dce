/// How the programs were built. `Scripts/install` and `Scripts/package` put the git commit on the `commit` line
/// for the length of their build and put this file back afterwards; a plain `swift build` says `unknown`. Both
/// programs, `petitions` and `petitions-server`, name it in their version line.
public enum BuildInfo {
    /// The commit the binary was built from (`abc1234`, with `-dirty` when the work tree had changes), or `unknown`.
    public static let commit = "unknown"
}
