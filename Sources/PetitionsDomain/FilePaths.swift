/// File paths taken apart in plain Swift.
///
/// swift-corelibs-foundation's `NSString.deletingLastPathComponent` traps on a one-character name (`--db b`,
/// `backup a` crashed with SIGILL; found by the CLI fuzz in ReliabilityTests), so petitions does not use it.
public enum FilePaths {
    /// The folder part of `path`: `a/b` for `a/b/c`, `/` for `/c`, and "" for a bare name such as `b`.
    public static func folder(of path: String) -> String {
        var p = Substring(path)
        while p.count > 1, p.hasSuffix("/") { p.removeLast() }
        guard let slash = p.lastIndex(of: "/") else { return "" }
        var dir = p[..<slash]
        while dir.count > 1, dir.hasSuffix("/") { dir.removeLast() }
        return dir.isEmpty ? "/" : String(dir)
    }

    /// The last part of `path`: `c` for `a/b/c` and for `c`.
    public static func name(of path: String) -> String {
        var p = Substring(path)
        while p.count > 1, p.hasSuffix("/") { p.removeLast() }
        return String(p[(p.lastIndex(of: "/").map { p.index(after: $0) } ?? p.startIndex)...])
    }
}
