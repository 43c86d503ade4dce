import Foundation
import Hummingbird
import PetitionsApp

/// The JSON API's readings: each answers what the matching command prints with `--format json`.
extension API {
    static func addReads(to api: RouterGroup<OfficeContext>, office: Office) {
        // The two listings kept between requests, as written JSON, until an event they read is recorded.
        api.get("overdue") { request, context in
            let account = try context.require(.reader)
            let asOf = try Query(request: request).day("as_of") ?? office.today
            let key = ListingCache.Key(name: "overdue.json", asOf: asOf)
            return JSONText.response(
                body: try await office.listings.value(key, reads: .overdue, office: office, as: account) {
                    try JSONText.bytes(try ListOverdue(asOf: asOf).run(in: $0))
                })
        }
        api.get("unanswered") { request, context in
            let account = try context.require(.reader)
            let asOf = try Query(request: request).day("as_of") ?? office.today
            let key = ListingCache.Key(name: "unanswered.json", asOf: asOf)
            return JSONText.response(
                body: try await office.listings.value(key, reads: .unanswered, office: office, as: account) {
                    try JSONText.bytes(try ListUnanswered(asOf: asOf).run(in: $0))
                })
        }
        api.get("check") { request, context in
            _ = try context.require(.reader)
            let asOf = try Query(request: request).day("as_of") ?? office.today
            return try JSONText.response(try await office.run(RunCheck(asOf: asOf), as: context.account))
        }
        api.get("report") { request, context in
            _ = try context.require(.reader)
            return try await report(request, context: context, office: office)
        }
        api.get("events") { request, context in
            _ = try context.require(.reader)
            let q = Query(request: request)
            let events = ListEvents(party: q.text("party"), petition: try q.id("petition"), kind: q.text("kind"), since: try q.day("since"))
            return try JSONText.response(try await office.run(events, as: context.account))
        }
        api.get("deliveries") { request, context in
            _ = try context.require(.reader)
            let q = Query(request: request)
            let period = try q.text("period").map { try Period(parsing: $0, field: "period") }
            let status = try q.text("status").map { try DeliveryStatus(parsing: $0) }
            let list = ListDeliveries(period: period, status: status, decree: q.text("decree"), recipient: q.text("recipient"))
            return try JSONText.response(try await office.run(list, as: context.account))
        }
        api.get("letters") { request, context in
            _ = try context.require(.reader)
            let q = Query(request: request)
            let list = ListLetters(petition: try q.id("petition"), party: q.text("party"), waiting: try q.flag("waiting"), search: q.text("search"))
            return try JSONText.response(try await office.run(list, as: context.account))
        }
        api.get("letters/:id") { _, context in
            _ = try context.require(.reader)
            let id = try pathID(context, "letter")
            return try await inPath { try JSONText.response(try await office.run(ShowLetter(letter: id), as: context.account)) }
        }
    }

    /// `GET /api/v1/report`: as `report --format F [--section S]`.
    static func report(_ request: Request, context: OfficeContext, office: Office) async throws -> Response {
        let q = Query(request: request)
        let asOf = try q.day("as_of") ?? office.today
        let format = q.text("format") ?? "json"
        let section = q.text("section")
        guard ["json", "html", "markdown", "csv", "text"].contains(format) else {
            throw PetitionsError.invalid("format", format, "is not a report format; use json, html, markdown, csv or text")
        }
        if format == "csv" {
            guard let section, ReportCSV.sections.contains(section) else {
                throw PetitionsError(
                    "section: CSV holds one table at a time; choose one of \(ReportCSV.sections.joined(separator: ", ")).", field: "section",
                    kind: .invalid)
            }
        } else if let section {
            throw PetitionsError(
                "section \(quoted(section)): sections apply to format csv; the \(format) report holds every section.", field: "section",
                kind: .invalid)
        }
        let report = try await office.run(BuildReport(asOf: asOf), as: context.account)
        let text: String
        let type: String
        switch format {
        case "json": return try JSONText.response(report)
        case "html": (text, type) = (ReportHTML.render(report), "text/html; charset=utf-8")
        case "markdown": (text, type) = (ReportMarkdown.render(report), "text/markdown; charset=utf-8")
        case "csv": (text, type) = (try ReportCSV.render(report, section: section ?? ""), "text/csv; charset=utf-8")
        default: (text, type) = (ReportText.render(report, colour: false), "text/plain; charset=utf-8")
        }
        return Response(status: .ok, headers: [.contentType: type], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
