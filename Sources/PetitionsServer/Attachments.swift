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
        _ request: Request, limit: Int, refusal: @autoclosure () -> any Error, declared: ((Int) -> any Error)? = nil
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

    /// Refuses (415, naming `field`) a file labelled `given` as a multipart body other than a form: the API takes the
    /// file itself as the body (`curl --data-binary @FILE`) or as the one file of a `multipart/form-data` form (`curl -F
    /// file=@FILE`, `upload`); another multipart body (`multipart/mixed`, a form's part holding several files) would be
    /// stored whole, its boundaries and headers around the files. Any other media type is the file's own (curl's
    /// `--data-binary` labels it a urlencoded form, a script `application/pdf`), and the bytes say what it is.
    static func refuseMultipart(_ given: String, field: String) throws {
        let type = (given.split(separator: ";", maxSplits: 1).first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        guard type.hasPrefix("multipart/") else { return }
        throw APIFailure(
            status: .unsupportedMediaType,
            message: "\(field) \(quoted(String(given.prefix(100)))): the body must be the file itself, byte for byte (curl --data-binary @FILE), "
                + "or a form with the file as its one file part (curl -F file=@FILE); nothing was attached.",
            field: field)
    }

    /// The file of an API upload to attach as `given` (`?name=`, when given) and its bytes: the body itself, or the one
    /// file part of a `multipart/form-data` body, named by its filename unless `given`. A form with no file, with two,
    /// or with a text field (the title and the day go in the address) is 400 naming the field; a part in a content
    /// coding or itself multipart is 415, as such a body is.
    static func upload(_ request: Request, name given: String?, limit: AttachmentLimit.Limit) async throws -> (name: String, bytes: ByteBuffer) {
        let contentType = request.headers[.contentType] ?? ""
        guard MultipartForm.parameters(contentType).value.lowercased() == "multipart/form-data" else {
            try refuseMultipart(contentType, field: "Content-Type")
            guard let given else {
                throw APIFailure.invalid(
                    "name",
                    "name is missing; give the file's name in the address (?name=reply.pdf), or send the file as a form (curl -F file=@reply.pdf).")
            }
            let name = try AttachBytes.checkedName(given)
            let body = try await collect(
                request, limit: limit.bytes, refusal: tooLarge(limit, name: name),
                declared: { tooLarge(limit, name: name, declared: $0, what: "the file") })
            return (name, body)
        }
        // The file and its part's headers: the limit, and 64 KiB for the rest of the form, as the web's attach form.
        let form = try await MultipartForm.read(
            request, limit: limit.bytes + 64 * 1024, tooLarge: tooLarge(limit, name: given),
            declared: { tooLarge(limit, name: given, declared: $0, what: "the form with it") },
            malformed: APIFailure.invalid("file", "file: the form did not arrive whole, or is not one (no boundary); send it again."))
        if let text = form.fields.keys.sorted().first {
            throw APIFailure.invalid(
                text,
                "\(quoted(String(text.prefix(100)))) is a text field of the form; the form holds only the file: give name, title and on in the address (?title=…)."
            )
        }
        try form.refuseRepeated()
        guard let file = form.files.first else {
            throw APIFailure.invalid("file", "file: the form has no file part; send the file as a part with a file name (curl -F file=@scan.pdf).")
        }
        guard form.files.count == 1 else {
            let names = form.files.map { quoted($0.name) }.joined(separator: ", ")
            throw APIFailure.invalid(
                form.files[1].field,
                "\(quoted(String(form.files[1].field.prefix(100)))): the form has \(form.files.count) files (\(names)); send one file a request.")
        }
        try refuseMultipart(file.contentType ?? "", field: "Content-Type")
        if let coding = file.transferEncoding, !["binary", "8bit", "7bit"].contains(coding.lowercased()) {
            throw APIFailure(
                status: .unsupportedMediaType,
                message:
                    "Content-Transfer-Encoding \(quoted(String(coding.prefix(100)))): a form's file is read as sent, byte for byte; send it unencoded.",
                field: "Content-Transfer-Encoding")
        }
        let name = try AttachBytes.checkedName(given ?? file.name)
        guard file.bytes.readableBytes <= limit.bytes else { throw tooLarge(limit, name: name) }
        return (name, file.bytes)
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
