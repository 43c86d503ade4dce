import Foundation
import Hummingbird
import PetitionsApp

/// The deliveries page (overdue first, a form to record a receipt) and the report.
extension Web {
    func addSupply(to pages: RouterGroup<OfficeContext>) {
        pages.get("deliveries") { request, context in try await self.deliveries(request, context) }
        pages.post("deliveries/receipts") { request, context in try await self.recordReceipt(request, context) }
        pages.get("report") { request, context in try await self.report(request, context) }
        pages.head("report") { request, context in
            let account = try context.signedIn(.reader, request)
            let asked = try ReportAsked(Query(request: request), today: office.today, format: "html")
            // The page (the report in the site's layout) is HTML under the site's policy; another format is the API's.
            let headers: HTTPFields = asked.format == "html" ? [.contentType: "text/html; charset=utf-8"] : asked.headers
            return try await asked.head(headers, office: office, as: account)
        }
    }

    static let receiptForm = WebForm(
        action: "/deliveries/receipts", legend: "Record a receipt", submit: "Record the receipt",
        fields: [
            WebField(name: "decree", label: "Decree (handle)", required: true),
            WebField(name: "recipient", label: "Recipient (handle)", required: true),
            WebField(name: "period", label: "Period (YYYY-MM)", required: true),
            WebField(name: "on", label: "Received on", kind: .date, required: true),
            WebField(name: "quantity", label: "Quantities, one a line", kind: .area, hint: "AMOUNT UNIT COMMODITY, e.g. 500 funt wheat"),
            WebField(name: "note", label: "Note"),
        ])

    /// The deliveries page: every delivery, 100 a page, the overdue as of today (or `?as_of=DAY`, as the dashboard)
    /// first, each part by period, recipient and decree; each page read alone in SQL (the overdue from the kept listing
    /// the API's `/overdue` shares), with the form to record a receipt for a clerk.
    func deliveries(_ request: Request, _ context: OfficeContext, refill: (typed: [String: String], error: APIFailure)? = nil) async throws
        -> Response
    {
        let account = try context.signedIn(.reader, request)
        var context = context
        let q = Query(request: request)
        let asOf: Day
        switch try await attempt({ try q.day("as_of") }) {
        case .success(let day): (context.asOf, asOf) = (day, day ?? office.today)
        case .failure(let f): return asOfRefusal(request, context, f, template: "deliveries", title: "Deliveries")
        }
        let pager = try WebPager(q)
        // The overdue ones from the kept listing (the API's), not computed again for each view.
        let overdue = Set(try await office.overdue(asOf: asOf, as: account, changes: context.changes).rows.map(\.delivery))
        async let names = office.listings.value(.init(name: "names"), reads: .parties, office: office, as: account, changes: context.changes) {
            try Web.names($0)
        }
        let found = try await office.perform(as: account) { ws in try ListDeliveries().page(pager.window, first: overdue, in: ws) }
        let n = try await names
        let range = try pager.range(of: found.total)
        var forms: [[String: Any]] = []
        if account.role.allows(.clerk) {
            var form = Web.receiptForm
            // A receipt recorded from the page as of a day comes back to the page as of that day.
            if let day = context.asOf { form.action += "?as_of=\(day)" }
            if let refill { form.refill(refill.typed, error: refill.error) }
            forms = [self.values(of: form, context)]
        }
        let values: [String: Any] = [
            "asOf": asOf.description, "action": "/deliveries",
            "pager": pager.values(range, of: found.total, path: "/deliveries", keep: [("as_of", try q.text("as_of"))]),
            "rows": found.rows.map {
                [
                    "id": $0.id, "recipient": $0.recipient, "recipientName": n[$0.recipient] ?? $0.recipient, "decree": $0.decree,
                    "period": $0.period.description, "due": $0.due.description, "status": $0.status.rawValue, "late": overdue.contains($0.id),
                    "expected": $0.lines.map(\.expected.text).joined(separator: "; "),
                    "received": $0.lines.map(\.receivedWithCommodity).joined(separator: "; "),
                    "shortfall": $0.lines.filter { $0.shortfall.amount > 0 }.map(\.shortfall.text).joined(separator: "; "),
                ] as [String: Any]
            },
            "forms": forms,
        ]
        return page("deliveries", "Deliveries", values, context, status: refill?.error.status ?? .ok)
    }

    func recordReceipt(_ request: Request, _ context: OfficeContext) async throws -> Response {
        let fields = try await context.form(request, of: Web.receiptForm, role: .clerk)
        let account = try context.signedIn(.clerk, request)
        return try await once(
            try fields.text("form_token"), content: Web.formContent(fields.texts), context, form: "/deliveries", shown: "/deliveries"
        ) {
            let outcome = try await attempt {
                let period = try Period(parsing: try fields.required("period"), field: "period")
                let on = try fields.requiredDay("on")
                let receipt = RecordReceipt(
                    decree: try fields.required("decree"), recipient: try fields.required("recipient"), period: period, on: on,
                    quantities: try fields.list("quantity"), note: try fields.text("note"))
                let delivery = try await office.run(receipt, as: account)
                return ReceiptWarnings.check(delivery, period: period, on: on, today: office.today)
            }
            switch outcome {
            case .failure(let f): return try await deliveries(request, context, refill: (fields.texts, f))
            case .success(let said): notify(said, context)
            }
            // Back to the page it was sent from, as of the same day (a day that is not one is left out).
            let day = try? Query(request: request).day("as_of")
            throw Redirect.to(day.map { "/deliveries?as_of=\($0)" } ?? "/deliveries")
        }
    }

    /// The HTML report with links to every format; `?format=` gives that format itself, as the API does. The
    /// report's filters (`as_of`, `authority`, `recipient`, `decree`, `since`, `redact`) are the API's and the
    /// command's, and the links to the other formats keep them.
    func report(_ request: Request, _ context: OfficeContext) async throws -> Response {
        let account = try context.signedIn(.reader, request)
        let asked = try ReportAsked(Query(request: request), today: office.today, format: "html")
        var context = context
        if asked.given.contains(where: { $0.0 == "as_of" }) { context.asOf = asked.build.asOf }
        let report = try await office.run(asked.build, as: account)
        guard asked.format == "html" else { return asked.response(report) }
        let kept = asked.given.map { "&\($0.0)=\(Form.encode($0.1))" }.joined()
        let links = render.fragment(
            "report", ["formats": ["json", "markdown", "text"], "sections": ReportCSV.sections, "kept": kept])
        // The layout escapes the title: it is the report's own, unescaped. The report is sent as it is laid out, inside the site's layout (its header, navigation and search box, as on every page), with
        // the links to the other formats under its heading; its style is `/style.css`'s.
        let title = "Status report\(report.office.map { " of \($0)" } ?? "") as of \(report.asOf.longDescription)"
        return page(writing: { try ReportHTML.writeEmbedded(report, links: links, to: $0) }, title, context)
    }
}
