import Foundation
import Hummingbird
import MultipartKit

/// A `multipart/form-data` body (a form with a file), read with MultipartKit's streaming parser under a bound on the
/// whole body: its text fields by name, and its one file with the name the browser gave it.
struct MultipartForm {
    /// One file of the form.
    struct File {
        var field: String
        /// The name the browser sent, without any folder some browsers put before it.
        var name: String
        var bytes: ByteBuffer
    }

    var fields: [String: String] = [:]
    var files: [File] = []

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

    /// Reads the body of `request` as a form; a body over `limit` bytes is refused with `tooLarge` as soon as it is,
    /// a body that is not such a form with `malformed`.
    static func read(
        _ request: Request, limit: Int, tooLarge: @autoclosure () -> APIFailure, malformed: @autoclosure () -> APIFailure
    ) async throws -> MultipartForm {
        guard let boundary = boundary(request.headers[.contentType]) else { throw malformed() }
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit { throw tooLarge() }
        let collector = Collector(boundary: boundary)
        let closing = Array("--\(boundary)--".utf8)
        var tail: [UInt8] = []
        var total = 0
        for try await chunk in request.body {
            total += chunk.readableBytes
            guard total <= limit else { throw tooLarge() }
            guard (try? collector.parser.execute(chunk)) != nil, collector.parts.count <= maxParts else { throw malformed() }
            tail = Array((tail + chunk.readableBytesView.suffix(closing.count + 2)).suffix(closing.count + 2))
        }
        // A body cut short (no closing boundary) is not a form: its last part may be a file missing its end.
        while let last = tail.last, last == UInt8(ascii: "\r") || last == UInt8(ascii: "\n") { tail.removeLast() }
        guard tail.count >= closing.count, Array(tail.suffix(closing.count)) == closing else { throw malformed() }
        var form = MultipartForm()
        for part in collector.parts {
            let disposition = parameters(part.headers["content-disposition"] ?? "")
            guard disposition.value.lowercased() == "form-data", let name = disposition.named["name"] else { throw malformed() }
            if let filename = disposition.named["filename"] {
                let base = filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
                // A file input left empty sends a part with an empty file name and no bytes: no file.
                if !(base.isEmpty && part.body.readableBytes == 0) { form.files.append(File(field: name, name: base, bytes: part.body)) }
            } else {
                guard part.body.readableBytes <= maxFieldBytes,
                    let text = part.body.getString(at: part.body.readerIndex, length: part.body.readableBytes)
                else { throw malformed() }
                form.fields[name] = text
            }
        }
        return form
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
                var out = ""
                var escape = false
                for c in v.dropFirst().dropLast() {
                    if escape || c != "\\" {
                        out.append(c)
                        escape = false
                    } else {
                        escape = true
                    }
                }
                v = out
            }
            if named[key] == nil { named[key] = v }
        }
        return (value, named)
    }
}

/// Gathers the parts MultipartKit's parser reports.
private final class Collector {
    struct Part {
        var headers: [String: String] = [:]
        var body = ByteBuffer()
    }

    let parser: MultipartParser
    var parts: [Part] = []
    var current = Part()

    init(boundary: String) {
        parser = MultipartParser(boundary: boundary)
        parser.onHeader = { [unowned self] name, value in self.current.headers[name.lowercased()] = value }
        parser.onBody = { [unowned self] chunk in self.current.body.writeBuffer(&chunk) }
        parser.onPartComplete = { [unowned self] in
            self.parts.append(self.current)
            self.current = Part()
        }
    }
}
