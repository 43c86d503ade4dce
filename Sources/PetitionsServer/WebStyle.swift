import PetitionsApp

/// `/style.css`: the HTML report's style, and the little the application's pages add (header, forms, tables
/// that scroll on a narrow screen). No other host, no script.
enum WebStyle {
    static let css =
        ReportHTML.css + "\n" + """
            header.site { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; padding-bottom: 0.5rem; border-bottom: 1px solid var(--rule); }
            header.site .brand { margin: 0; font-weight: 700; }
            header.site .brand a { color: var(--ink); text-decoration: none; }
            header.site .office { font-weight: 400; color: var(--muted); font-size: 0.9rem; }
            header.site form.logout { margin-left: auto; display: flex; gap: 0.5rem; align-items: center; font-size: 0.9rem; }
            form.record, form.filters { margin: 1.5rem 0; padding: 1rem; border: 1px solid var(--rule); border-radius: 0.4rem; background: var(--tint); max-width: 40rem; }
            form.record h2 { margin-top: 0; }
            form.filters { display: flex; flex-wrap: wrap; gap: 0 1rem; align-items: flex-end; }
            .field { margin: 0 0 0.75rem; display: flex; flex-direction: column; gap: 0.2rem; }
            .field label { font-weight: 600; font-size: 0.9rem; }
            .field small { color: var(--muted); }
            input, select, textarea, button { font: inherit; padding: 0.35rem 0.5rem; border: 1px solid #9aa4b1; border-radius: 0.3rem; max-width: 100%; }
            input[type=checkbox] { align-self: flex-start; }
            button, a.button { background: var(--ink); color: var(--paper); border-color: var(--ink); cursor: pointer; text-decoration: none;
              display: inline-block; padding: 0.35rem 0.8rem; border-radius: 0.3rem; }
            .error { color: var(--critical); font-weight: 600; }
            .notice { border-left: 4px solid var(--warning); padding: 0.3em 0.6em; }
            .invalid input, .invalid select, .invalid textarea { border-color: var(--critical); }
            .scroll { overflow-x: auto; }
            h1, h2, p, li, dd { overflow-wrap: break-word; }
            table { border-collapse: collapse; width: 100%; }
            th, td { text-align: left; padding: 0.3rem 0.5rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
            tr.late td { background: #fdf0f0; }
            tr.voided td { color: var(--muted); text-decoration: line-through; } tr.voided td:last-child { text-decoration: none; }
            dd.lines { white-space: pre-line; }
            .sev.critical { color: var(--critical); font-weight: 700; } .sev.overdue { color: var(--overdue); } .sev.warning { color: var(--warning); }
            dl.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.2rem 1rem; }
            dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; }
            form.asof { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 0.5rem 0 1rem; }
            ol.events { padding-left: 1.2rem; } ol.events .day { font-variant-numeric: tabular-nums; color: var(--muted); }
            p.formats { margin: 0.5rem 0; }
            form.search { display: flex; gap: 0.5rem; align-items: center; font-size: 0.9rem; }
            form.search input { width: 12rem; }
            td.snippet mark { background: #fff1a8; color: inherit; padding: 0 0.1rem; }
            @media (max-width: 480px) { body { padding: 0.5rem; } header.site form.logout { margin-left: 0; } }

            """
}
