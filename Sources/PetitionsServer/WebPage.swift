import Foundation
import Hummingbird

/// Pages the server writes without a template: the answer to an error outside the API.
enum WebPage {
    /// A short page saying what went wrong, in the house's words.
    static func error(_ failure: APIFailure) -> Response {
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8"]
        for h in failure.headers where h.name != .wwwAuthenticate { headers.append(h) }
        return Response(status: failure.status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html(failure))))
    }

    /// The page of `error(_:)`, for a handler below the router too (MalformedRequest).
    static func html(_ failure: APIFailure) -> String {
        let code = failure.status.code
        let link = failure.link.map { #"<p><a href=""# + HTML.escape($0.href) + #"">"# + HTML.escape($0.text) + "</a></p>\n" } ?? ""
        let html = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(code) · petitions</title><link rel="stylesheet" href="/style.css"></head>
            <body><main><h1>\(code) \(HTML.escape(failure.status.reasonPhrase))</h1><p>\(HTML.escape(failure.message))</p>
            \(link)<p><a href="/">Back to the dashboard</a></p></main></body></html>

            """
        return html
    }
}

/// Escaping for HTML text and attribute values.
enum HTML {
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
