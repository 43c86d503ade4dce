import Foundation
import PetitionsDomain
import PetitionsRules

extension ReportHTML {
    // MARK: - Style

    /// The report's style sheet; the office server serves it as `/style.css` too, so its pages look the same.
    public static let css = """
        :root { --ink: #1d232b; --muted: #5b6572; --rule: #d9dee4; --paper: #ffffff; --tint: #f4f6f8;
          --critical: #9b1c1c; --overdue: #d9480f; --warning: #d49b00; --notdue: #8a94a6;
          --good: #2f855a; --late: #d69e2e; --bad: #c53030; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        body { margin: 0 auto; padding: 1rem; color: var(--ink); background: var(--paper);
          font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        h1 { font-size: 1.8rem; margin: 0.5rem 0 0; }
        h2 { font-size: 1.35rem; margin: 2rem 0 0.75rem; padding-bottom: 0.25rem; border-bottom: 2px solid var(--ink); }
        h3 { font-size: 1.05rem; margin: 1.5rem 0 0.5rem; }
        .asof { margin: 0 0 0.75rem; color: var(--muted); }
        nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.4rem; margin: 0; padding: 0; }
        nav a { display: inline-block; padding: 0.2rem 0.6rem; border: 1px solid var(--rule); border-radius: 1rem; color: var(--ink);
          text-decoration: none; font-size: 0.9rem; background: var(--tint); }
        nav a:hover, nav a:focus { border-color: var(--ink); }
        .urgent { margin: 0.5rem 0 1rem; padding: 0.75rem 1rem; border-left: 6px solid var(--critical); background: #fdf0f0; font-size: 1.05rem; }
        .urgent .label { display: block; font-size: 0.75rem; font-weight: 700; letter-spacing: 0.06em; text-transform: uppercase; color: var(--critical); }
        .calm { padding: 0.75rem 1rem; border-left: 6px solid var(--good); background: #eef8f2; }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(8rem, 1fr)); gap: 0.5rem; margin: 0; }
        .card { border: 1px solid var(--rule); border-radius: 0.4rem; padding: 0.5rem 0.75rem; background: var(--tint); }
        .card dt { font-size: 0.8rem; color: var(--muted); }
        .card dd { margin: 0; font-size: 1.5rem; font-weight: 700; font-variant-numeric: tabular-nums; }
        .card.f-critical dd { color: var(--critical); } .card.f-overdue dd { color: var(--overdue); } .card.f-warning dd { color: #8a6400; }
        .scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; max-width: 100%; }
        table { border-collapse: collapse; width: 100%; font-size: 0.9rem; font-variant-numeric: tabular-nums; margin: 0.25rem 0 0.75rem; }
        th, td { padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; border-bottom: 1px solid var(--rule); }
        th { border-bottom: 2px solid var(--ink); font-size: 0.8rem; vertical-align: bottom; }
        td.num, th.num { text-align: right; white-space: nowrap; }
        td.prose { min-width: 11rem; }
        tbody tr:nth-child(even) { background: var(--tint); }
        time, .h { white-space: nowrap; }
        .handle { color: var(--muted); font-size: 0.8rem; white-space: nowrap; }
        .messages, .asof, .urgent, .calm, p { max-width: 64rem; }
        .badge { display: inline-block; padding: 0 0.45rem; border-radius: 0.25rem; font-size: 0.75rem; font-weight: 700; color: #fff; white-space: nowrap; }
        .b-critical { background: var(--critical); } .b-overdue { background: var(--overdue); }
        .b-warning { background: var(--warning); color: #1d232b; } .b-notdue { background: var(--notdue); }
        .messages { padding-left: 1.1rem; font-size: 0.92rem; }
        .messages li { margin: 0.3rem 0; }
        .next { display: block; color: var(--muted); }
        .counts { list-style: none; display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; padding: 0; margin: 0 0 0.5rem; font-variant-numeric: tabular-nums; }
        .st { display: inline-block; padding: 0 0.4rem; border-radius: 0.25rem; background: var(--tint); border: 1px solid var(--rule); font-size: 0.85rem; white-space: nowrap; }
        .st-open { border-color: var(--overdue); } .st-waiting_on_petitioner { border-color: var(--warning); }
        .st-answered, .st-resolved { border-color: var(--good); }
        figure.chart { margin: 0.75rem 0 1rem; }
        figure.chart svg { display: block; height: auto; font-family: inherit; }
        figure.chart.rows svg { width: 100%; max-width: 420px; }
        svg text { font-size: 13px; fill: var(--ink); }
        svg .label { font-size: 13px; }
        svg .tick, svg .cat { font-size: 12px; fill: var(--muted); }
        svg .tick { text-anchor: end; }
        svg .value { font-size: 12px; font-weight: 700; font-variant-numeric: tabular-nums; }
        svg .grid { stroke: var(--rule); stroke-width: 1; }
        svg .zero { fill: var(--muted); }
        figcaption { font-size: 0.85rem; color: var(--muted); margin-top: 0.25rem; }
        .legend { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; font-size: 0.85rem; color: var(--muted); margin-top: 0.25rem; }
        .key { white-space: nowrap; }
        .sw { display: inline-block; width: 0.8rem; height: 0.8rem; margin-right: 0.3rem; vertical-align: -0.1rem; border-radius: 0.15rem; }
        .s-critical { fill: var(--critical); background: var(--critical); } .s-overdue { fill: var(--overdue); background: var(--overdue); }
        .s-warning { fill: var(--warning); background: var(--warning); } .s-notdue { fill: var(--notdue); background: var(--notdue); }
        .c-owed { fill: var(--critical); background: var(--critical); }
        .c-intime { fill: var(--good); background: var(--good); } .c-late { fill: var(--late); background: var(--late); }
        .c-open { fill: var(--bad); background: var(--bad); }
        .c-raised { fill: var(--bad); background: var(--bad); } .c-cleared { fill: var(--good); background: var(--good); }
        .c-due { fill: #a0aec0; background: #a0aec0; } .c-complete { fill: var(--good); background: var(--good); }
        footer { margin-top: 2rem; padding-top: 0.5rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: 0.8rem; }
        @media (max-width: 40rem) {
          body { padding: 0.75rem; font-size: 15px; }
          h1 { font-size: 1.5rem; }
          .card dd { font-size: 1.25rem; }
          .scroll > table { min-width: 42rem; }
        }
        @media print {
          @page { margin: 15mm; }
          body { max-width: none; padding: 0; font-size: 10.5pt; }
          nav { display: none; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          .scroll { overflow: visible; }
          figure.chart svg { max-width: 100%; }
          h2, h3 { break-after: avoid; page-break-after: avoid; }
          figure, tr, .card, .urgent { break-inside: avoid; page-break-inside: avoid; }
          tbody tr:nth-child(even) { background: none; }
          a { color: inherit; text-decoration: none; }
        }
        """
}
