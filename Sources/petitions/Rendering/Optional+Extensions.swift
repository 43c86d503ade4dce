import Foundation
import PetitionsApp

extension Optional where Wrapped == String {
    var orDash: String { self ?? "-" }
}
