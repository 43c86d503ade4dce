import Foundation
import Hummingbird
import PetitionsApp

/// JSON out of the server: records through the house encoder, as the command line prints them.
enum JSONText {
    /// A response with `value` as the house encoder writes it (snake_case keys, ISO days).
    static func response<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        response(body: try bytes(value), status: status)
    }

    /// `value` as the house encoder writes it, with a final newline, to keep and answer with again.
    static func bytes<T: Encodable>(_ value: T) throws -> ByteBuffer {
        var bytes = try HouseJSONEncoder().encode(value)
        bytes.append(UInt8(ascii: "\n"))
        return ByteBuffer(bytes: bytes)
    }

    /// The 201 of a record made: `value` as the house encoder writes it, with one more member last, `warnings`: what
    /// the command prints on stderr for the same record (each sentence; none is `[]`). It is recorded all the same.
    static func created<T: Encodable>(_ value: T, warnings: [String]) throws -> Response {
        try response(value, warnings: warnings, status: .created)
    }

    /// `value` with its `warnings` last, as `created` writes them, answered with `status` (a change to a record: 200).
    static func response<T: Encodable>(_ value: T, warnings: [String], status: HTTPResponse.Status) throws -> Response {
        var bytes = try HouseJSONEncoder().encode(value)
        // The encoder ends a non-empty object with a line end and `}` (two spaces a level, members one a line).
        guard bytes.count > 2, bytes.last == UInt8(ascii: "}"), bytes[bytes.count - 2] == UInt8(ascii: "\n") else {
            throw APIFailure(status: .internalServerError, message: "The record could not be written with its warnings.")
        }
        bytes.removeLast(2)
        bytes.append(contentsOf: Array(",\n  \"warnings\" : ".utf8))
        try HouseJSONEncoder().append(warnings, to: &bytes, depth: 1)
        bytes.append(contentsOf: Array("\n}\n".utf8))
        return response(body: ByteBuffer(bytes: bytes), status: status)
    }

    /// A response with JSON already written.
    static func response(body: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: ResponseBody(byteBuffer: body))
    }
}
