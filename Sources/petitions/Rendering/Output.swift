import Foundation
import PetitionsApp

/// Writes records to standard output as JSON (snake_case keys, ISO days) or as text.
enum Output {
    /// An object streams member by member (and its arrays element by element), as the report does.
    static func json<T: Encodable>(_ value: T) throws {
        try HouseJSONEncoder().stream(value) { try StandardOutput.write(Data($0)) }
        try StandardOutput.write(Data("\n".utf8))
    }

    /// A listing streams element by element, so memory stays flat however long it is; the text is the same as
    /// encoding the whole array at once.
    static func json<T: Encodable>(_ values: [T]) throws {
        let encoder = HouseJSONEncoder()
        guard !values.isEmpty else { return try StandardOutput.write(Data("[\n\n]\n".utf8)) }
        var buffer: [UInt8] = Array("[\n".utf8)
        buffer.reserveCapacity(1 << 17)
        for (i, value) in values.enumerated() {
            buffer.append(contentsOf: [UInt8(ascii: " "), UInt8(ascii: " ")])
            try encoder.append(value, to: &buffer, depth: 1)
            if i < values.count - 1 { buffer.append(UInt8(ascii: ",")) }
            buffer.append(UInt8(ascii: "\n"))
            if buffer.count > 1 << 16 {
                try StandardOutput.write(Data(buffer))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        buffer.append(contentsOf: [UInt8(ascii: "]"), UInt8(ascii: "\n")])
        try StandardOutput.write(Data(buffer))
    }

    /// A warning on standard error: the command went through, and something about it needs a look.
    static func warn(_ sentence: String) {
        FileHandle.standardError.write(Data("warning: \(sentence)\n".utf8))
    }

    static func line(_ s: String = "") {
        print(s)
    }
}
