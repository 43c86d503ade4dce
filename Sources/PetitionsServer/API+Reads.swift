import Foundation
import Hummingbird
import PetitionsApp

/// The JSON API's readings: each answers what the matching command prints with `--format json`.
extension API {
    static func addReads(to api: RouterGroup<OfficeContext>, office: Office) {
        // The two listings kept between requests (shared with the web pages /overdue, /unanswered and /deliveries),
        // each row written as JSON once, until an event they read is recorded; a page is copied out of the kept rows.
        api.get("overdue") { request, context in
            let account = try context.require(.reader)
            let q = Query(request: request)
            let asOf = try q.day("as_of") ?? office.today
            let paging = try Paging(q)
            return try await office.overdue(asOf: asOf, as: account, changes: context.changes).response(paging, request: request)
        }
        api.get("unanswered") { request, context in
            let account = try context.require(.reader)
            let q = Query(request: request)
            let asOf = try q.day("as_of") ?? office.today
            let paging = try Paging(q)
            return try await office.unanswered(asOf: asOf, as: account, changes: context.changes).response(paging, request: request)
        }
        // The findings are paged inside the object `check --format json` prints: `as_of` and this page of `findings`.
        api.get("check") { request, context in
            _ = try context.require(.reader)
            let q = Query(request: request)
            let asOf = try q.day("as_of") ?? office.today
            let paging = try Paging(q)
            let check = try await office.run(RunCheck(asOf: asOf), as: context.account)
            var response = try JSONText.response(CheckResult(asOf: check.asOf, findings: paging.page(check.findings), recorded: nil))
            for header in paging.headers(total: check.findings.count, request: request) { response.headers.append(header) }
            return response
        }
        api.get("report") { request, context in
            _ = try context.require(.reader)
            return try await report(request, context: context, office: office)
        }
        api.head("report") { request, context in
            _ = try context.require(.reader)
            let asked = try ReportAsked(Query(request: request), today: office.today, format: "json")
            return try await asked.head(asked.headers, office: office, as: context.account)
        }
        api.get("events") { request, context in
            _ = try context.require(.reader)
            let q = Query(request: request)
            let events = ListEvents(party: try q.text("party"), petition: try q.id("petition"), kind: try q.text("kind"), since: try q.day("since"))
            let paging = try Paging(q)
            return try paging.response(try await office.perform(as: context.account) { try events.page(paging.window, in: $0) }, request: request)
        }
        api.get("deliveries") { request, context in
            _ = try context.require(.reader)
            let q = Query(request: request)
            let period = try q.text("period").map { try Period(parsing: $0, field: "period") }
            let status = try q.text("status").map { try DeliveryStatus(parsing: $0) }
            let list = ListDeliveries(period: period, status: status, decree: try q.text("decree"), recipient: try q.text("recipient"))
            let paging = try Paging(q)
            return try paging.response(try await office.perform(as: context.account) { try list.page(paging.window, in: $0) }, request: request)
        }
        api.get("letters") { request, context in
            _ = try context.require(.reader)
            let q = Query(request: request)
            let list = ListLetters(
                petition: try q.id("petition"), party: try q.text("party"), waiting: try q.flag("waiting"), search: try q.text("search"))
            let paging = try Paging(q)
            return try paging.response(try await office.perform(as: context.account) { try list.page(paging.window, in: $0) }, request: request)
        }
        api.get("letters/:id") { _, context in
            _ = try context.require(.reader)
            let id = try pathID(context, "letter")
            return try await inPath { try JSONText.response(try await office.run(ShowLetter(letter: id), as: context.account)) }
        }
    }

    /// `GET /api/v1/report`: as `report --format F [--section S]`.
    static func report(_ request: Request, context: OfficeContext, office: Office) async throws -> Response {
        let asked = try ReportAsked(Query(request: request), today: office.today, format: "json")
        return asked.response(try await office.run(asked.build, as: context.account))
    }
}

/// What a request for the report asks for, read and checked as `report` checks its options: the format, the CSV
/// section, and the report to build (its day, filters and redaction). The API and the web page read it alike, so a
/// filter is never dropped on one of them.
struct ReportAsked {
    /// The keys it reads, the filters among them kept in the links from one format to another.
    static let filters = ["as_of", "authority", "recipient", "decree", "since", "redact"]

    var format: String
    var section: String?
    var build: BuildReport
    /// The filters as given (`as_of` first), for the links to the other formats.
    var given: [(String, String)]

    init(_ q: Query, today: Day, format defaultFormat: String) throws {
        let asOf = try q.day("as_of") ?? today
        format = try q.text("format") ?? defaultFormat
        section = try q.text("section")
        guard ["json", "html", "markdown", "csv", "text"].contains(format) else {
            throw PetitionsError.invalid("format", format, "is not a report format; use json, html, markdown, csv or text")
        }
        if format == "csv" {
            guard let section, ReportCSV.sections.contains(section) else {
                let given = section.map { "section \(quoted($0)) is not a section of the report" } ?? "section: CSV holds one table at a time"
                throw PetitionsError(
                    "\(given); choose one of \(ReportCSV.sections.joined(separator: ", ")).", field: "section", kind: .invalid)
            }
        } else if let section {
            throw PetitionsError(
                "section \(quoted(section)): sections apply to format csv; the \(format) report holds every section.", field: "section",
                kind: .invalid)
        }
        // The command's filters, by the same names: a filter dropped without a word would pass for the whole office.
        let scope = ReportScope(
            authority: try q.text("authority"), recipient: try q.text("recipient"), decree: try q.text("decree"), since: try q.day("since"))
        build = BuildReport(asOf: asOf, scope: scope, redact: try q.flag("redact"), section: format == "csv" ? section : nil)
        given = try Self.filters.compactMap { key in try q.text(key).map { (key, $0) } }
    }

    /// The report in the format asked for, sent as it is laid out (`StreamedAnswer`): never whole in a String or a
    /// buffer, which held all of it (and a copy of half of it) for as long as the answer took.
    func response(_ report: StatusReport) -> Response {
        let write: @Sendable (_ sink: ([UInt8]) throws -> Void) throws -> Void
        switch format {
        case "json":
            write = { sink in
                try HouseJSONEncoder().stream(report, to: sink)
                try sink(Array("\n".utf8))
            }
        case "html": write = { sink in try ReportHTML.write(report, to: sink) }
        case "markdown": write = { sink in try ReportMarkdown.write(report, to: sink) }
        case "csv":
            let section = section ?? ""
            write = { sink in try ReportCSV.write(report, section: section, chunk: sink) }
        default: write = { sink in try ReportText.write(report, colour: false, to: sink) }
        }
        return StreamedAnswer.response(headers: headers, write)
    }

    /// The headers of the report in the format asked for: its media type and, for HTML, the policy that allows its style.
    var headers: HTTPFields {
        switch format {
        case "json": return [.contentType: "application/json; charset=utf-8"]
        // The command's bytes, styled in a browser: the policy every answer carries allows this page's own style by
        // its hash, and nothing else inline.
        case "html": return [.contentType: "text/html; charset=utf-8", .contentSecurityPolicy: Self.htmlPolicy]
        case "markdown": return [.contentType: "text/markdown; charset=utf-8"]
        case "csv": return [.contentType: "text/csv; charset=utf-8"]
        default: return [.contentType: "text/plain; charset=utf-8"]
        }
    }

    /// The answer to `HEAD`: `headers`, as `GET` sends them with the report, after the checks `GET` makes of its scope
    /// (`CheckReportScope`) but without building it. Its length is not known before it is written (`GET` sends it
    /// chunked), so none is claimed; Hummingbird's own answer to a `HEAD` ran the `GET` (the whole report worked out)
    /// and claimed a length of 0.
    func head(_ headers: HTTPFields, office: Office, as account: Account?) async throws -> Response {
        try await office.run(CheckReportScope(build), as: account)
        return Response(status: .ok, headers: headers, body: ResponseBody(contentLength: nil) { writer in try await writer.finish(nil) })
    }

    /// The HTML report's policy: its one inline style is the report's style sheet, the same on every report.
    static let htmlPolicy = FrontDoor.policy(allowingStylesOf: "<style>\n\(ReportHTML.css)\n</style>")
}
