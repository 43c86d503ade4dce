/// Bytes in lower-case hexadecimal, two digits each: what the ledger keeps of a digest (a token's, a file's).
/// Written directly: `String(format: "%02x")` per byte was an eighth of the office server's CPU for an API read,
/// whose token is hashed on every request (perf, BENCHMARKS.md).
public enum Hex {
    public static func lowercase<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
