import Foundation
import PetitionsDomain
import PetitionsRules

extension ReportHTML {
    // MARK: - Charts

    /// One horizontal bar: a label above it, stacked segments (value, CSS class, tooltip), and a total after it.
    struct ChartRow {
        var label: String
        var segments: [(value: Double, cssClass: String, tooltip: String)]
        var total: String
    }

    /// The width of horizontal bar charts: they shrink to a phone's width, their labels still readable.
    static let rowsWidth = 420.0

    /// Horizontal bars, one per row, each a `<g class="bar">`; labels sit above the bars so long names fit on a phone.
    /// Written to `out` a bar at a time; `rows` is read twice (the longest bar sets the scale), and may word its rows as it is read.
    static func barChart<Rows: Collection<ChartRow>>(
        caption: String, cssClass: String, rows: Rows, legend: [(String, String)], to out: ReportOutput
    ) throws {
        let rowHeight = 42.0
        let top = 4.0
        let valueSpace = 70.0
        let height = top + Double(rows.count) * rowHeight + 2
        let maxTotal = max(1, rows.lazy.map { $0.segments.reduce(0) { $0 + $1.value } }.max() ?? 1)
        let scale = (rowsWidth - valueSpace) / maxTotal
        try out.write(figureOpen(caption: caption, cssClass: "rows \(cssClass)", width: rowsWidth, height: height))
        for (i, row) in rows.enumerated() {
            let y = top + Double(i) * rowHeight
            var s = "<g class=\"bar\">"
            s += "<text class=\"label\" x=\"0\" y=\"\(n(y + 13))\">\(esc(truncated(row.label, 58)))</text>"
            var x = 0.0
            for seg in row.segments where seg.value > 0 {
                let w = seg.value * scale
                s +=
                    "<rect class=\"\(seg.cssClass)\" x=\"\(n(x))\" y=\"\(n(y + 19))\" width=\"\(n(w))\" height=\"17\"><title>\(esc(seg.tooltip))</title></rect>"
                x += w
            }
            if x == 0 { s += "<rect class=\"zero\" x=\"0\" y=\"\(n(y + 19))\" width=\"2\" height=\"17\"/>" }
            s += "<text class=\"value\" x=\"\(n(x + 6))\" y=\"\(n(y + 32))\">\(esc(row.total))</text>"
            s += "</g>\n"
            try out.write(s)
        }
        try out.write(figureClose(caption: caption, legend: legend))
    }

    /// Vertical bars grouped by category, one `<g class="bar">` per category and series, on a scale with gridlines.
    /// The chart keeps its natural size (text at its set size) and scrolls sideways when the screen is narrower.
    static func columnChart(
        caption: String, cssClass: String, categories: [String], series: [(name: String, cssClass: String)],
        values: [[Double]], texts: [[String]], tooltips: [[String]]
    ) -> String {
        let left = 48.0
        let right = 8.0
        let top = 18.0
        let plot = 170.0
        let bottom = 26.0
        let height = top + plot + bottom
        let barWidth = 28.0
        let groupWidth = max(66, Double(series.count) * barWidth + 14)
        let width = max(360, left + right + groupWidth * Double(max(1, categories.count)))
        let plotWidth = width - left - right
        let slot = plotWidth / Double(max(1, categories.count))
        let integers = values.allSatisfy { $0.allSatisfy { $0 == $0.rounded() } }
        let (step, ceiling) = niceScale(values.flatMap { $0 }.max() ?? 0, integers: integers)
        var s = figureOpen(caption: caption, cssClass: "columns \(cssClass)", width: width, height: height)
        // Gridlines and their values.
        var tick = 0.0
        var ticks = 0
        while tick <= ceiling + step / 2, ticks < 20 {
            ticks += 1
            let y = top + plot - tick / ceiling * plot
            s += "<line class=\"grid\" x1=\"\(n(left))\" y1=\"\(n(y))\" x2=\"\(n(width - right))\" y2=\"\(n(y))\"/>"
            s += "<text class=\"tick\" x=\"\(n(left - 6))\" y=\"\(n(y + 4))\">\(Thousands.format(tick))</text>\n"
            tick += step
        }
        let inset = (slot - barWidth * Double(series.count)) / 2
        for (c, category) in categories.enumerated() {
            let gx = left + Double(c) * slot
            for (k, ser) in series.enumerated() {
                let v = c < values.count && k < values[c].count ? max(0, values[c][k]) : 0
                let h = v / ceiling * plot
                let x = gx + inset + Double(k) * barWidth
                let tip = c < tooltips.count && k < tooltips[c].count ? tooltips[c][k] : ""
                s +=
                    "<g class=\"bar\"><rect class=\"\(ser.cssClass)\" x=\"\(n(x + 1))\" y=\"\(n(top + plot - h))\" width=\"\(n(barWidth - 2))\" height=\"\(n(max(h, v > 0 ? 1 : 0)))\"><title>\(esc(tip))</title></rect>"
                if c < texts.count, k < texts[c].count {
                    s +=
                        "<text class=\"value\" x=\"\(n(x + barWidth / 2))\" y=\"\(n(top + plot - h - 5))\" text-anchor=\"middle\">\(esc(texts[c][k]))</text>"
                }
                s += "</g>\n"
            }
            s += "<text class=\"cat\" x=\"\(n(gx + slot / 2))\" y=\"\(n(top + plot + 18))\" text-anchor=\"middle\">\(esc(category))</text>\n"
        }
        return s + figureClose(caption: caption, legend: series.count > 1 ? series.map { ($0.name, $0.cssClass) } : [])
    }

    static func figureOpen(caption: String, cssClass: String, width: Double, height: Double) -> String {
        "<figure class=\"chart \(cssClass)\">\n<div class=\"scroll\">\n<svg viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\" role=\"img\" aria-label=\"\(esc(caption))\"><title>\(esc(caption))</title>\n"
    }

    static func figureClose(caption: String, legend: [(String, String)]) -> String {
        var s = "</svg>\n</div>\n<figcaption>\(esc(caption))"
        if !legend.isEmpty {
            s +=
                "<span class=\"legend\">"
                + legend.map { "<span class=\"key\"><span class=\"sw \($0.1)\"></span>\(esc($0.0))</span>" }.joined(separator: " ") + "</span>"
        }
        return s + "</figcaption>\n</figure>\n"
    }

    /// A gridline step (1, 2 or 5 times a power of ten, whole for counts) giving about four lines, and the top of the scale.
    static func niceScale(_ maxValue: Double, integers: Bool) -> (step: Double, ceiling: Double) {
        guard maxValue > 0, maxValue.isFinite else { return (1, 1) }
        let raw = maxValue / 4
        let magnitude = pow(10, floor(log10(raw)))
        var step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        if integers { step = max(1, step.rounded(.up)) }
        // A value too small for a power of ten (a subnormal) made the step 0, and the gridline loop a fixed point.
        guard step > 0, step.isFinite else { return (1, 1) }
        return (step, max(step, (maxValue / step).rounded(.up) * step))
    }
}
