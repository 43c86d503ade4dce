import Testing

@testable import PetitionsReport

/// The chart's scale never stands still: every step moves the gridlines on.
@Suite struct ChartScaleTests {
    @Test(arguments: [0, 1e-320, 5e-324, 0.001, 1, 7, 1e18, 9.2e18, 1e300, .infinity, .nan])
    func theStepIsPositiveAndTheCeilingReached(max: Double) {
        let (step, ceiling) = ReportHTML.niceScale(max, integers: false)
        #expect(step > 0 && step.isFinite && ceiling >= step, "\(max): step \(step), ceiling \(ceiling)")
        #expect(ceiling / step <= 20, "\(max): a handful of gridlines")
    }
}
