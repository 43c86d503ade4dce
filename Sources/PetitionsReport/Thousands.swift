import Foundation
import PetitionsDomain

/// Numbers as people read them in reports and letters: thousands separated by commas, a point before decimals
/// ("3,400", "1,392.342"), the same on every machine whatever its locale.
public enum Thousands {
    /// A whole number: `3400` → "3,400".
    public static func format(_ n: Int) -> String {
        n < 0 ? "-" + group(String(n.magnitude)) : group(String(n))
    }

    /// An exact decimal as stored (no rounding beyond what the amount holds): `1392.342` → "1,392.342".
    public static func format(_ d: Decimal) -> String { Quantity.grouped(d) }

    /// A measured value such as a median number of days: whole when it is whole, else to one decimal.
    public static func format(_ x: Double) -> String {
        guard x.isFinite else { return "–" }
        if x == x.rounded() && abs(x) < 1e15 { return format(Int(x)) }
        let tenths = Int((x * 10).rounded())
        return (tenths < 0 ? "-" : "") + format(abs(tenths) / 10) + "." + String(abs(tenths) % 10)
    }

    static func group(_ digits: String) -> String {
        guard digits.count > 3 else { return digits }
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }
}
