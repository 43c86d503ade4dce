import Foundation
import Hummingbird
import PetitionsApp

/// Files in and out of the server, for the API and the web pages alike: an upload read with the ledger's
/// `max_attachment_mb` as its bound (never buffering more), and a download answered with its media type and a
/// `Content-Disposition` that no file name can break out of.
enum Attachments {
    /// The body of `request`, refused (413) as soon as it is over `limit` bytes: a `Content-Length` over it is refused
    /// before anything is read, and a body without one stops being read at the first byte past it.
    static func collect(_ request: Request, limit: Int, refusal: @autoclosure () -> APIFailure) async throws -> ByteBuffer {
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit { throw refusal() }
        var buffer = ByteBuffer()
        for try await chunk in request.body {
            guard buffer.readableBytes + chunk.readableBytes <= limit else { throw refusal() }
            var chunk = chunk
            buffer.writeBuffer(&chunk)
        }
        return buffer
    }

    /// The 413 of a file over the limit, naming the limit and where it is set.
    static func tooLarge(_ limit: AttachmentLimit.Limit, name: String?) -> APIFailure {
        APIFailure(status: .contentTooLarge, message: limit.refusal(name: name).requestMessage, field: "file")
    }

    /// An attachment and its bytes; an unknown or removed one (or one whose content this ledger lacks) is 404.
    static func fetch(_ id: Int64, office: Office, as account: Account?) async throws -> (attachment: Attachment, bytes: Data) {
        do {
            return try await office.run(GetAttachment(id: id), as: account)
        } catch let e as PetitionsError where e.code != .ioError && e.code != .software {
            throw APIFailure(status: .notFound, message: e.requestMessage, field: "attachment")
        }
    }

    /// The download of an attachment: its bytes, their media type, `Content-Disposition: attachment` with the file's
    /// name, and no caching (the ledger holds personal papers).
    static func download(_ attachment: Attachment, _ bytes: Data) -> Response {
        let headers: HTTPFields = [
            .contentType: attachment.mediaType, .contentDisposition: contentDisposition(attachment.name), .cacheControl: "private, no-store",
        ]
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266): the quoted name keeps printable ASCII only, with
    /// `"`, `\` and `%` (which some browsers decode) as `_`; the full name goes percent-encoded in `filename*`.
    static func contentDisposition(_ name: String) -> String {
        var fallback = ""
        for s in name.unicodeScalars {
            let printable = s.value >= 0x20 && s.value < 0x7F && s != "\"" && s != "\\" && s != "%"
            fallback.unicodeScalars.append(printable ? s : "_")
        }
        var encoded = ""
        for b in name.utf8 {
            // attr-char of RFC 8187: ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~"
            let isAlnum = (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b)
            if isAlnum || Array("!#$&+-.^_`|~".utf8).contains(b) {
                encoded.unicodeScalars.append(Unicode.Scalar(b))
            } else {
                encoded += String(format: "%%%02X", b)
            }
        }
        return "attachment; filename=\"\(fallback)\"; filename*=UTF-8''\(encoded)"
    }
}
