import Foundation
import Hummingbird
import PetitionsApp

/// Files in and out of the server, for the API and the web pages alike: an upload read with the ledger's
/// `max_attachment_mb` as its bound (never buffering more), and a download answered with its media type and a
/// `Content-Disposition` that no file name can break out of.
enum Attachments {
    /// The body of `request`, refused (413) as soon as it is over `limit` bytes: a `Content-Length` over it is refused
    /// before anything is read (with `declared` of that length, when given, to say the size), and a body without one
    /// stops being read at the first byte past it.
    static func collect(
        _ request: Request, limit: Int, refusal: @autoclosure () -> APIFailure, declared: ((Int) -> APIFailure)? = nil
    ) async throws -> ByteBuffer {
        try refuseContentCoding(request)
        if let size = request.headers[.contentLength].flatMap({ Int($0) }), size > limit { throw declared?(size) ?? refusal() }
        var buffer = ByteBuffer()
        for try await chunk in request.body {
            guard buffer.readableBytes + chunk.readableBytes <= limit else { throw refusal() }
            var chunk = chunk
            buffer.writeBuffer(&chunk)
        }
        return buffer
    }

    /// Refuses (415, naming the header) a body sent in a content coding (`Content-Encoding: gzip`): the server reads
    /// bodies as they come, and a compressed file was stored compressed under its name, a compressed JSON body refused
    /// as text that is not UTF-8 (RFC 9110, 8.4.1: 415 for a coding the server does not take).
    static func refuseContentCoding(_ request: Request) throws {
        guard let coding = request.headers[.contentEncoding]?.trimmingCharacters(in: .whitespaces), !coding.isEmpty,
            coding.lowercased() != "identity"
        else { return }
        throw APIFailure(
            status: .unsupportedMediaType,
            message:
                "Content-Encoding \(quoted(String(coding.prefix(100)))): bodies are read as sent, without a content coding; send it uncompressed.",
            field: "Content-Encoding")
    }

    /// Refuses (415, naming the header) an upload to the API sent as a form: `curl -F file=@scan.pdf` sends
    /// `multipart/form-data`, and its boundaries and part headers were stored around the file, a broken copy under the
    /// file's name. The API takes the file itself as the body; any other media type is the file's own (curl's
    /// `--data-binary` labels it a urlencoded form, a script `application/pdf`), and the bytes say what it is.
    static func refuseForm(_ request: Request) throws {
        let given = request.headers[.contentType] ?? ""
        let type = (given.split(separator: ";", maxSplits: 1).first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        guard type.hasPrefix("multipart/") else { return }
        throw APIFailure(
            status: .unsupportedMediaType,
            message: "Content-Type \(quoted(String(given.prefix(100)))): the body must be the file itself, byte for byte "
                + "(curl --data-binary @FILE), not a form; nothing was attached.",
            field: "Content-Type")
    }

    /// The 413 of a file over the limit, naming the limit and where it is set.
    static func tooLarge(_ limit: AttachmentLimit.Limit, name: String?) -> APIFailure {
        APIFailure(status: .contentTooLarge, message: limit.refusal(name: name).requestMessage, field: "file")
    }

    /// The 413 of an upload whose `Content-Length` says `declared` bytes, over the limit: the size and the limit in MB,
    /// before a byte of it is read. `what`: what was declared (`the file`, or `the form` that holds it on the web).
    static func tooLarge(_ limit: AttachmentLimit.Limit, name: String?, declared: Int, what: String) -> APIFailure {
        let field = "file" + (name.map { " " + quoted($0) } ?? "")
        return APIFailure(
            status: .contentTooLarge,
            message: "\(field): \(what) is \(size(declared, over: limit)); attachments may be at most \(limit.megabytes) MB "
                + "(max_attachment_mb in the configuration); nothing was attached.",
            field: "file")
    }

    /// `bytes` in MB (of 1,048,576 bytes) to a tenth, rounded down (`31.5 MB`); in bytes when a tenth would not show it
    /// over `limit` (`26,214,401 bytes`, not `25.0 MB`).
    static func size(_ bytes: Int, over limit: AttachmentLimit.Limit) -> String {
        let tenths = bytes / (AttachmentLimit.Limit(megabytes: 1).bytes / 10)
        guard tenths > limit.megabytes * 10 else { return Web.grouped(bytes) + " bytes" }
        return "\(Web.grouped(tenths / 10)).\(tenths % 10) MB"
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
