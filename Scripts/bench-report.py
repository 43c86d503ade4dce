#!/usr/bin/env python3
"""Turns one Scripts/bench run into benchmarks/SCALE.json, prints its table, and rewrites the figures part of
BENCHMARKS.md (between the `<!-- figures -->` markers) from every scale measured so far."""
import argparse
import csv
import datetime
import json
import os
import platform
import re
import subprocess

ORDER = ["letter", "import", "import.sqlite3", "overdue", "overdue.sqlite3", "unanswered", "unanswered.sqlite3", "check", "report"]
LABELS = {
    "letter": "record one letter (`letter send`, whole process)",
    "import": "import petitioners CSV",
    "import.sqlite3": "  sqlite3 `.import` + INSERTs, same rows",
    "overdue": "`overdue --format json`",
    "overdue.sqlite3": "  sqlite3 -json, hand-written SQL",
    "unanswered": "`unanswered --format json`",
    "unanswered.sqlite3": "  sqlite3 -json, hand-written SQL",
    "check": "`check --format json`",
    "report": "`report --format json`",
}
# Targets at the large scale: seconds (median) and peak memory.
TARGETS = {"letter": 0.05, "overdue": 1.0, "unanswered": 1.0, "check": 1.0, "report": 3.0}
MEMORY_TARGET_MB = 200
IMPORT_TARGET = 200_000
RATIO_TARGET = 2.0
SCALES = ["small", "medium", "large"]


def machine():
    cores = os.cpu_count()
    mem = 0
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/meminfo") as f:
            mem = int(re.search(r"MemTotal:\s+(\d+)", f.read()).group(1)) // 1024
        with open("/proc/cpuinfo") as f:
            m = re.search(r"model name\s*:\s*(.+)", f.read())
            cpu = m.group(1).strip() if m else cpu
    except OSError:
        pass
    sqlite = subprocess.run(["sqlite3", "--version"], capture_output=True, text=True).stdout.split(" ")[0]
    return {"cores": cores, "memory_mb": mem, "cpu": cpu, "os": platform.platform(), "sqlite3": sqlite}


def measure(results, name, rows_dir):
    path = os.path.join(results, name + ".json")
    if not os.path.exists(path):
        return None
    with open(path) as f:
        r = json.load(f)["results"][0]
    times = r["times"]
    out = {"median": r["median"], "mean": r["mean"], "stddev": r.get("stddev") or 0.0, "min": r["min"], "max": r["max"], "runs": len(times)}
    exit_codes = set(r.get("exit_codes") or [])
    out["exit_codes"] = sorted(exit_codes)
    try:
        with open(os.path.join(results, name + ".time")) as f:
            m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", f.read())
            out["peak_mb"] = round(int(m.group(1)) / 1024, 1) if m else None
    except OSError:
        out["peak_mb"] = None
    try:
        with open(os.path.join(results, name + ".out"), "rb") as f:
            data = f.read()
        value = json.loads(data) if data.strip() else None
        if isinstance(value, list):
            out["rows"] = len(value)
        elif isinstance(value, dict) and isinstance(value.get("findings"), list):
            out["rows"] = len(value["findings"])
        out["output_bytes"] = len(data)
    except (OSError, ValueError):
        pass
    if name.startswith("import"):
        with open(os.path.join(rows_dir, "petitioners.csv"), newline="", encoding="utf-8") as f:
            out["rows"] = sum(1 for _ in csv.reader(f)) - 1
        out["rows_per_second"] = round(out["rows"] / out["median"])
    return out


def ledger_shape(rows_dir):
    q = ("SELECT (SELECT count(*) FROM letter), (SELECT count(*) FROM delivery), (SELECT count(*) FROM party WHERE kind = 'person'), "
         "(SELECT count(*) FROM event), (SELECT count(*) FROM party WHERE kind = 'authority'), (SELECT count(*) FROM party WHERE kind = 'group')")
    r = subprocess.run(["sqlite3", os.path.join(rows_dir, "ledger.sqlite"), q], capture_output=True, text=True).stdout.strip().split("|")
    keys = ["letters", "deliveries", "petitioners", "events", "authorities", "groups"]
    shape = dict(zip(keys, (int(x) for x in r))) if len(r) == len(keys) else {}
    shape["file_mb"] = round(os.path.getsize(os.path.join(rows_dir, "ledger.sqlite")) / 1e6, 1)
    return shape


def fmt_time(s):
    return "%.0f ms" % (s * 1000) if s < 1 else "%.2f s" % s


def table(run):
    m = run["measures"]
    lines = ["| what | median | ± sd | min – max | peak memory | rows | petitions / sqlite3 |", "|---|---:|---:|---:|---:|---:|---:|"]
    for name in ORDER:
        x = m.get(name)
        if not x:
            continue
        ratio = ""
        if name + ".sqlite3" in m:
            ratio = "**%.2f×**" % (x["median"] / m[name + ".sqlite3"]["median"])
        rows = x.get("rows", "")
        if "rows_per_second" in x:
            rows = "%s (%s rows/s)" % (f"{x['rows']:,}", f"{x['rows_per_second']:,}")
        elif rows != "":
            rows = f"{rows:,}"
        lines.append("| %s | %s | %s | %s – %s | %s MB | %s | %s |" % (LABELS[name], fmt_time(x["median"]), fmt_time(x["stddev"]),
                                                                    fmt_time(x["min"]), fmt_time(x["max"]), x.get("peak_mb", "?"), rows, ratio))
    return "\n".join(lines)


def targets(run):
    m = run["measures"]
    out = []
    for name, limit in TARGETS.items():
        if name in m:
            ok = m[name]["median"] < limit
            out.append("%s %s: %s (target < %s)" % ("✓" if ok else "✗", name, fmt_time(m[name]["median"]), fmt_time(limit)))
    for name in ["overdue", "unanswered", "import"]:
        if name in m and name + ".sqlite3" in m:
            ratio = m[name]["median"] / m[name + ".sqlite3"]["median"]
            out.append("%s %s / sqlite3: %.2f× (target ≤ %.0f×)" % ("✓" if ratio <= RATIO_TARGET else "✗", name, ratio, RATIO_TARGET))
    if "import" in m:
        rps = m["import"]["rows_per_second"]
        out.append("%s import: %s rows/s (target ≥ %s)" % ("✓" if rps >= IMPORT_TARGET else "✗", f"{rps:,}", f"{IMPORT_TARGET:,}"))
    peak = max((x.get("peak_mb") or 0) for k, x in m.items() if not k.endswith("sqlite3"))
    out.append("%s peak memory of petitions: %s MB (target < %d MB)" % ("✓" if peak < MEMORY_TARGET_MB else "✗", peak, MEMORY_TARGET_MB))
    return out


def growth(runs):
    present = [s for s in SCALES if s in runs]
    if len(present) < 2:
        return ""
    head = "| cost per row (µs) | " + " | ".join(present) + " |"
    lines = [head, "|---|" + "---:|" * len(present)]
    basis = {"letter": None, "import": "petitioners", "import.sqlite3": "petitioners", "overdue": "deliveries", "overdue.sqlite3": "deliveries",
             "unanswered": "letters", "unanswered.sqlite3": "letters", "check": "letters", "report": "letters"}
    for name in ORDER:
        cells = []
        for s in present:
            x = runs[s]["measures"].get(name)
            n = runs[s]["ledger"].get(basis[name]) if basis[name] else None
            if not x:
                cells.append("")
            elif n:
                cells.append("%.2f" % (x["median"] / n * 1e6))
            else:
                cells.append(fmt_time(x["median"]))
        per = "per " + {"deliveries": "delivery", "letters": "letter", "petitioners": "petitioner"}[basis[name]] if basis[name] else "whole process"
        lines.append("| %s (%s) | %s |" % (name, per, " | ".join(cells)))
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", required=True)
    ap.add_argument("--results", required=True)
    ap.add_argument("--repo", required=True)
    ap.add_argument("--rows-from", required=True)
    a = ap.parse_args()
    run = {"scale": a.scale, "date": datetime.date.today().isoformat(), "machine": machine(), "ledger": ledger_shape(a.rows_from),
           "measures": {n: x for n in ORDER if (x := measure(a.results, n, a.rows_from))}}
    os.makedirs(os.path.join(a.repo, "benchmarks"), exist_ok=True)
    with open(os.path.join(a.repo, "benchmarks", a.scale + ".json"), "w") as f:
        json.dump(run, f, indent=2, sort_keys=True)
        f.write("\n")
    print()
    print("petitions, %s scale: %s" % (a.scale, ", ".join("%s %s" % (f"{v:,}", k) for k, v in run["ledger"].items())))
    print(table(run))
    print("\n".join(targets(run)))

    runs = {}
    for s in SCALES:
        p = os.path.join(a.repo, "benchmarks", s + ".json")
        if os.path.exists(p):
            with open(p) as f:
                runs[s] = json.load(f)
    parts = []
    for s in SCALES:
        if s not in runs:
            continue
        r = runs[s]
        mc = r["machine"]
        parts.append("### %s (%s)\n\nMachine: %s cores (%s), %s MB of memory, %s; sqlite3 %s.  \nLedger: %s.\n\n%s\n\n%s" % (
            s, r["date"], mc["cores"], mc["cpu"], f"{mc['memory_mb']:,}", mc["os"], mc["sqlite3"],
            ", ".join("%s %s" % (f"{v:,}", k) for k, v in r["ledger"].items()), table(r), "\n".join("- " + t for t in targets(r))))
    g = growth(runs)
    if g:
        parts.append("### Growth from scale to scale\n\nMedian time divided by the rows the command works over (deliveries for overdue, "
                     "letters for unanswered, check and report, petitioners for the import): flat or falling means it scales.\n\n" + g)
    figures = "\n\n".join(parts)
    path = os.path.join(a.repo, "BENCHMARKS.md")
    text = open(path).read() if os.path.exists(path) else "# Benchmarks\n\n<!-- figures -->\n<!-- /figures -->\n"
    if "<!-- figures -->" not in text:
        text += "\n<!-- figures -->\n<!-- /figures -->\n"
    text = re.sub(r"<!-- figures -->.*?<!-- /figures -->", lambda _: "<!-- figures -->\n" + figures + "\n<!-- /figures -->", text, flags=re.S)
    with open(path, "w") as f:
        f.write(text)
    print("\nWrote benchmarks/%s.json and BENCHMARKS.md." % a.scale)


if __name__ == "__main__":
    main()
