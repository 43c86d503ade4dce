import Foundation
import PetitionsApp

extension String {
    /// "8 funt wheat" → "8 funt" (the commodity is already named).
    var dropLastWord: String {
        let parts = split(separator: " ")
        return parts.count > 2 ? parts.prefix(2).joined(separator: " ") : self
    }
}

/// `prefix` and `value`, with each line of `value` after its first indented under its first: a multi-line address or
/// note printed its second line at the left edge, where it read as the next field or as no field at all.
func hanging(_ prefix: String, _ value: String) -> String {
    guard value.contains("\n") else { return prefix + value }
    let indent = "\n" + String(repeating: " ", count: prefix.count)
    return prefix + value.replacingOccurrences(of: "\n", with: indent)
}
