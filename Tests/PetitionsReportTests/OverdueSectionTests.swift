import PetitionsDomain
import PetitionsReport
import PetitionsRules
import Testing

/// A report's overdue section (`OverdueSection`) reads and writes as the array it stands for: the same JSON whether
/// the report is encoded whole or streamed, and streamed one element at a time.
@Suite struct OverdueSectionTests {
    @Test("a report streams its overdue section element by element, the same bytes as encoding it whole")
    func sectionStreamsAsAnArray() throws {
        var report = try ReportHTMLTests.dmitrov()
        let one = try #require(report.overdueDeliveries.first)
        let many = (0..<200).map { n -> OverdueDelivery in
            var o = one
            o.delivery = Int64(n + 1)
            return o
        }
        report.overdueDeliveries = OverdueSection(many)
        #expect(report.overdueDeliveries.count == 200 && report.overdueDeliveries.deliveryIDs == (1...200).map(Int64.init))
        var streamed: [UInt8] = []
        var pieces = 0
        try HouseJSONEncoder().stream(report, chunk: 1_024) {
            streamed += $0
            pieces += 1
        }
        #expect(streamed == (try HouseJSONEncoder().encode(report)))
        #expect(pieces > 20, "the section was written as it was read, not whole")
        // The section is the array it holds: the member is the array's own JSON.
        let text = String(decoding: streamed, as: UTF8.self)
        let array = String(decoding: try HouseJSONEncoder().encode(many), as: UTF8.self)
        let indented = array.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n  ")
        #expect(text.contains("\"overdue_deliveries\" : \(indented)"))
    }
}
