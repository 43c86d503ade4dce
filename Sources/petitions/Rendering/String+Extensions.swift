import Foundation
import PetitionsApp

extension String {
    /// "8 funt wheat" → "8 funt" (the commodity is already named).
    var dropLastWord: String {
        let parts = split(separator: " ")
        return parts.count > 2 ? parts.prefix(2).joined(separator: " ") : self
    }
}
