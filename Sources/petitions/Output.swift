import Foundation
import PetitionsDomain
import PetitionsReport

/// Writes records to standard output as JSON (snake_case keys, ISO days) or as text.
enum Output {
    static func json<T: Encodable>(_ value: T) throws {
        FileHandle.standardOutput.write(Data(try JSONOutput.text(value).utf8))
    }

    static func line(_ s: String = "") {
        print(s)
    }
}

/// The aligned text table of the reports, shared by every listing.
typealias TextTable = PetitionsReport.TextTable

extension Optional where Wrapped == String {
    var orDash: String { self ?? "-" }
}
