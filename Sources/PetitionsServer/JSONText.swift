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

    /// A response with JSON already written.
    static func response(body: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: ResponseBody(byteBuffer: body))
    }
}
