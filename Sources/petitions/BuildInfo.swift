/// How this binary was built. `Scripts/install` and `Scripts/package` put the git commit on the `commit` line
/// for the length of their build and put this file back afterwards; a plain `swift build` says `unknown`.
enum BuildInfo {
    /// The commit the binary was built from (`abc1234`, with `-dirty` when the work tree had changes), or `unknown`.
    static let commit = "unknown"
}
