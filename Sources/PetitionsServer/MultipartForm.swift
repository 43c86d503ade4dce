import Foundation
import Hummingbird
import PetitionsApp

/// A `multipart/form-data` body (a form with a file), read under a bound on the whole body: its text fields by name,
/// and its file with the name the browser gave it.
struct MultipartForm {
    /// One file of the form.
    struct File {
        var field: String
        /// The name the browser sent, without any folder some browsers put before it.
        var name: String
        var bytes: ByteBuffer
        /// The part's `Content-Type` and `Content-Transfer-Encoding`, as sent (nil when it had none).
        var contentType: String? = nil
        var transferEncoding: String? = nil
    }

    var fields: [String: String] = [:]
    var files: [File] = []
    /// The first field (or file) given more than once that the form may not repeat: refused by name, as a urlencoded
    /// form's (`Form.fields`), never the last or first one silently kept.
    var repeated: String?
    /// The first field whose text, or file whose name, is not UTF-8 (a browser set to Latin-1), with what was sent.
    var notUTF8: (field: String, sent: String)?

    /// Refuses the form when a field came more than once (`repeated`).
    func refuseRepeated() throws {
        if let repeated {
            throw APIFailure.invalid(repeated, "\(quoted(String(repeated.prefix(100)))) is given more than once in the form; give it once.")
        }
    }

    /// A file part sent for a field that is text (`-F group=@note.txt`): 400 naming it, never dropped unread.
    static func fileForText(_ field: String) -> APIFailure {
        APIFailure.invalid(field, "\(quoted(String(field.prefix(100)))) came as a file; it is a text field: type its value in the form.")
    }

    /// The most parts a form may have, and the most bytes of a text field: the forms of these pages have a handful.
    static let maxParts = 32
    static let maxFieldBytes = 64 * 1024

    /// The boundary of a `multipart/form-data` content type; nil for any other type or a boundary RFC 2046 does not
    /// allow (empty or over 70 characters).
    static func boundary(_ contentType: String?) -> String? {
        guard let contentType else { return nil }
        let params = Self.parameters(contentType)
        guard params.value.lowercased() == "multipart/form-data", let b = params.named["boundary"], (1...70).contains(b.utf8.count) else {
            return nil
        }
        return b
    }

    /// Reads the body of `request` as a form; a body over `limit` bytes is refused with `tooLarge` as soon as it is
    /// (never held past the limit; with `declared` of its `Content-Length`, when given and over), a body that is not
    /// such a form with `malformed`.
    static func read(
        _ request: Request, limit: Int, tooLarge: @autoclosure () -> any Error, declared: ((Int) -> any Error)? = nil,
        malformed: @autoclosure () -> APIFailure
    ) async throws -> MultipartForm {
        guard let boundary = boundary(request.headers[.contentType]) else { throw malformed() }
        let body = try await Attachments.collect(request, limit: limit, refusal: tooLarge(), declared: declared)
        guard let form = parse(Array(body.readableBytesView), boundary: boundary) else { throw malformed() }
        if let bad = form.notUTF8 { throw RequestText.notUTF8(bad.field, sent: bad.sent) }
        return form
    }

    /// The form in `body`, split at `--boundary` (RFC 7578): nil unless the body opens with the boundary, every part
    /// has a `Content-Disposition: form-data` with a name, headers of at most 8 KiB, and the closing `--boundary--`
    /// is there (a body cut short is refused rather than read as a shorter file).
    // MultipartKit 4.7.1 (in the mirror) was tried first: its parser traps (index out of range in parseBody) on some
    // hostile bodies, which would let any clerk stop the server. The body is bounded and held whole anyway, so this
    // small strict parser does the work; WebAttachmentTests throws random and truncated bodies at it.
    static func parse(_ body: [UInt8], boundary: String) -> MultipartForm? {
        let dash = Array("--\(boundary)".utf8)
        let separator = Array("\r\n--\(boundary)".utf8)
        let crlf: [UInt8] = [13, 10]
        guard body.starts(with: dash) else { return nil }
        var form = MultipartForm()
        var position = dash.count
        var parts = 0
        while true {
            let rest = body[position...]
            if rest.starts(with: [45, 45]) { return form }  // "--": the closing boundary; an epilogue is ignored
            guard rest.starts(with: crlf) else { return nil }
            let start = position + 2
            guard let end = body[start...].firstRange(of: separator)?.lowerBound else { return nil }
            parts += 1
            guard parts <= maxParts, let part = Part(body[start..<end]) else { return nil }
            guard form.add(part) else { return nil }
            position = end + separator.count
        }
    }

    /// Adds one part: a file (it has a `filename`) or a text field.
    private mutating func add(_ part: Part) -> Bool {
        let disposition = Self.parameters(part.headers["content-disposition"] ?? "")
        guard disposition.value.lowercased() == "form-data", let name = disposition.named["name"] else { return false }
        if !part.headIsUTF8 {
            // Read byte for byte to find the field; its name or file name is refused, shown as sent.
            let sent = disposition.named["filename"] ?? name
            notUTF8 = notUTF8 ?? (name, RequestText.shown(sent.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }))
            return true
        }
        if let filename = disposition.named["filename"] {
            // Browsers write `"`, CR and LF in a file's name as %22, %0D and %0A (HTML's multipart/form-data
            // encoding algorithm); nothing else is escaped, so only those three are turned back.
            let unescaped = filename.replacingOccurrences(of: "%22", with: "\"").replacingOccurrences(of: "%0D", with: "\r")
                .replacingOccurrences(of: "%0A", with: "\n")
            let base = unescaped.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
            // A file input left empty sends a part with an empty file name and no bytes: no file.
            if !(base.isEmpty && part.content.isEmpty) {
                if files.contains(where: { $0.field == name }) { repeated = repeated ?? name }
                files.append(
                    File(
                        field: name, name: base, bytes: ByteBuffer(bytes: part.content), contentType: part.headers["content-type"],
                        transferEncoding: part.headers["content-transfer-encoding"]))
            }
            return true
        }
        guard part.content.count <= Self.maxFieldBytes else { return false }
        guard let sent = String(validating: part.content, as: UTF8.self) else {
            notUTF8 = notUTF8 ?? (name, RequestText.shown(part.content.prefix(100)))
            return true
        }
        // A browser sends a field's line ends as CRLF, as in a urlencoded form (`OfficeContext.form`): a title typed
        // over two lines is refused as a line break in a one-line value, not as the control character CR.
        let text = sent.replacingOccurrences(of: "\r\n", with: "\n")
        if let old = fields[name] {
            // As a urlencoded form's: a field a form may repeat is joined by line ends, another is given once.
            guard Form.repeatable.contains(name) else {
                repeated = repeated ?? name
                return true
            }
            fields[name] = old + "\n" + text
        } else {
            fields[name] = text
        }
        return true
    }

    /// One part: its headers (names lower-cased) and its content.
    private struct Part {
        var headers: [String: String] = [:]
        var content: ArraySlice<UInt8>
        /// Whether the headers were UTF-8; if not, they were read a byte a character (Latin-1), to be refused by name.
        var headIsUTF8 = true

        init?(_ bytes: ArraySlice<UInt8>) {
            guard let blank = bytes.firstRange(of: [13, 10, 13, 10]), blank.lowerBound - bytes.startIndex <= 8 * 1024 else { return nil }
            let raw = bytes[bytes.startIndex..<blank.lowerBound]
            let head: String
            if let text = String(validating: raw, as: UTF8.self) {
                head = text
            } else {
                headIsUTF8 = false
                head = String(String.UnicodeScalarView(raw.map { Unicode.Scalar($0) }))
            }
            content = bytes[blank.upperBound...]
            for line in head.split(separator: "\r\n", omittingEmptySubsequences: true) {
                guard let colon = line.firstIndex(of: ":") else { return nil }
                let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
                guard !name.isEmpty else { return nil }
                headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
    }

    /// A header value's main value and its `; key=value` parameters (keys lower-cased, quoted values unquoted).
    static func parameters(_ header: String) -> (value: String, named: [String: String]) {
        var pieces: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for c in header {
            if escaped {
                current.append(c)
                escaped = false
            } else if quoted && c == "\\" {
                current.append(c)
                escaped = true
            } else if c == "\"" {
                quoted.toggle()
                current.append(c)
            } else if c == ";" && !quoted {
                pieces.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        pieces.append(current)
        let value = pieces.first?.trimmingCharacters(in: .whitespaces) ?? ""
        var named: [String: String] = [:]
        for piece in pieces.dropFirst() {
            let kv = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard kv.count == 2 else { continue }
            let key = kv[0].trimmingCharacters(in: .whitespaces).lowercased()
            var v = kv[1].trimmingCharacters(in: .whitespaces)
            if v.count >= 2, v.hasPrefix("\""), v.hasSuffix("\"") {
                // A backslash escapes only a quote or a backslash: browsers send a Windows path's backslashes as
                // they are (`C:\fakepath\scan.pdf`), escaping nothing (HTML writes `"` as %22), and the path's
                // folders must still be there to be cut off.
                var out = ""
                var rest = v.dropFirst().dropLast()[...]
                while let c = rest.popFirst() {
                    if c == "\\", let next = rest.first, next == "\"" || next == "\\" {
                        out.append(next)
                        rest = rest.dropFirst()
                    } else {
                        out.append(c)
                    }
                }
                v = out
            }
            if named[key] == nil { named[key] = v }
        }
        return (value, named)
    }
}
