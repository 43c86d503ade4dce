import Foundation
import PetitionsDomain
import PetitionsReport

/// Writes records to standard output as JSON (snake_case keys, ISO days) or as text.
enum Output {
    static func json<T: Encodable>(_ value: T) throws {
        FileHandle.standardOutput.write(Data(try JSONOutput.text(value).utf8))
    }

    /// A listing streams element by element, so memory stays flat however long it is; the text is the same as
    /// encoding the whole array at once.
    static func json<T: Encodable>(_ values: [T]) throws {
        let encoder = JSONOutput.encoder()
        let out = FileHandle.standardOutput
        guard !values.isEmpty else { return out.write(Data("[\n\n]\n".utf8)) }
        var buffer = "[\n"
        for (i, value) in values.enumerated() {
            let text = String(decoding: try encoder.encode(value), as: UTF8.self)
            buffer += "  " + text.replacingOccurrences(of: "\n", with: "\n  ") + (i == values.count - 1 ? "\n" : ",\n")
            if buffer.utf8.count > 1 << 16 {
                out.write(Data(buffer.utf8)); buffer = ""
            }
        }
        buffer += "]\n"
        out.write(Data(buffer.utf8))
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
