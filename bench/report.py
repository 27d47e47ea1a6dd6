"""The benchmark's report: Markdown tables, targets, raw JSON and a log-log plot."""

from __future__ import annotations

import json
import os
from pathlib import Path

from corpus import CATEGORIES


def fmt(value, digits=1) -> str:
    return "—" if value is None else f"{value:,.{digits}f}"


def ratio(a, b) -> str:
    return "—" if not a or not b else f"{b / a:,.1f}×"


def stock_build(row: dict, rows: list[dict]) -> tuple[float | None, str]:
    """Stock Furo serial build seconds and a prefix: measured (""), a lower bound (">": timed out), or,
    for sizes not built, extrapolated as n² from the largest size built ("≈", or ">" from a lower bound)."""
    if "stock" in row:
        return row["stock"]["wall"], ">" if row["stock"]["timeout"] else ""
    built = [r for r in rows if "stock" in r]
    if not built:
        return None, ""
    base = built[-1]["stock"]
    return base["wall"] * (row["questions"] / built[-1]["questions"]) ** 2, ">" if base["timeout"] else "≈"


def furo(row: dict, value):
    """A stock figure that only a finished stock Furo build gives (page weight, memory), else None."""
    return None if "stock_basic" in row or "stock" not in row else value


def report(rows: list[dict], out: Path, total: float, load: float) -> None:
    kb = 1024
    lines = [
        "# Benchmark results",
        "",
        (
            f"Sizes {', '.join(str(r['questions']) for r in rows)} questions in {CATEGORIES} categories; "
            f"{os.cpu_count()} CPUs, load average {load:.1f} at the end; whole run {total / 60:.1f} min. "
            f"Clean builds per size ≤ 100: {max(r['ours']['runs'] for r in rows)} (median). "
            '"stock" is Sphinx + MyST + sphinx-design + Furo, '
            'language "id", none of the project\'s extensions; ratios are stock ÷ ours.'
        ),
        "",
        "## Build (seconds, MB)",
        "",
        (
            "| questions | ours serial | ours -j auto | ours CPU | ours RSS "
            "| stock serial | ratio | stock -j auto | stock RSS "
            "| edit one | edit % of full | add one | stock edit one |"
        ),
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        stock, note = stock_build(r, rows)
        lines.append(
            f"| {r['questions']} | {fmt(r['ours']['wall'])} | {fmt(r['ours_j']['wall'])} | {fmt(r['ours']['cpu'])} "
            f"| {fmt(r['ours']['rss'], 0)} | {note}{fmt(stock)} | {note}{ratio(r['ours']['wall'], stock)} "
            f"| {fmt(r.get('stock_j', {}).get('wall'))} | {fmt(furo(r, r.get('stock', {}).get('rss')), 0)} "
            f"| {fmt(r['edit']['wall'])} | {fmt(100 * r['edit']['wall'] / r['ours']['wall'], 0)} "
            f"| {fmt(r['add']['wall'])} | {fmt(r.get('stock_edit', {}).get('wall'))} |"
        )
    lines += [
        "",
        (
            "Stock: `>` a lower bound (the build was stopped at the time limit); `≈` extrapolated as n² from the "
            "largest stock build. Edit % of full: an incremental build after editing one page, as a share of the clean "
            "serial build."
        ),
        "",
        "## Search (searchindex.js in KB; times in ms, headless Chromium)",
        "",
        (
            "| questions | ours raw | ours gzip | ours gzip B/question | stock gzip | Pagefind bundle | ours load "
            "| ours p50 | ours p95 | stock load | stock p50 | stock p95 | Pagefind load | Pagefind p50 | Pagefind p95 |"
        ),
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        b, s, p = r["browser"], r["stock_browser"], r["pagefind"]
        lines.append(
            f"| {r['questions']} | {fmt(r['index']['raw'] / kb)} | {fmt(r['index']['gzip'] / kb)} "
            f"| {fmt(r['index']['gzip_per_q'], 0)} | {fmt(r['stock_index']['gzip'] / kb)} | {fmt(p['bytes'] / kb)} "
            f"| {fmt(b['search_load_ms'], 0)} | {fmt(b['query']['p50'], 2)} | {fmt(b['query']['p95'], 2)} "
            f"| {fmt(s['search_load_ms'], 0)} | {fmt(s['query']['p50'], 2)} | {fmt(s['query']['p95'], 2)} "
            f"| {fmt(p['load_ms'], 0)} | {fmt(p['p50'], 2)} | {fmt(p['p95'], 2)} |"
        )
    lines += [
        "",
        "## Page weight (KB, uncompressed) and PDF (seconds)",
        "",
        (
            "| questions | ours question HTML | ours first visit | ours search page | stock question HTML "
            "| stock first visit | stock search page | ours PDF (handbook) | stock PDF |"
        ),
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        b, s = r["browser"], r["stock_browser"]
        lines.append(
            f"| {r['questions']} | {fmt(r['page_html'] / kb)} | {fmt(b['page_bytes'] / kb)} "
            f"| {fmt(b['search_page_bytes'] / kb)} | {fmt(furo(r, r['stock_page_html'] / kb))} "
            f"| {fmt(furo(r, s['page_bytes'] / kb))} | {fmt(furo(r, s['search_page_bytes'] / kb))} "
            f"| {fmt(r.get('pdf'))} | {fmt(r.get('stock_pdf'))} |"
        )
    if any("stock_basic" in r for r in rows):
        lines += [
            "",
            (
                "Where the stock Furo build was not run or timed out, the stock search figures come from the "
                "same project built with the `basic` theme (same search index and search code); its page weights "
                "are left out."
            ),
        ]
    lines += ["", "## Targets", ""] + targets(rows)
    (out / "results.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (out / "results.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
    plot(rows, out / "results.png")


def targets(rows: list[dict]) -> list[str]:
    at = {r["questions"]: r for r in rows}
    big = at.get(1000)
    checks = [
        ("question page HTML ≤ 40 KB at every size", max(r["page_html"] for r in rows) / 1024, 40),
        ("question page first visit ≤ 150 KB", max(r["browser"]["page_bytes"] for r in rows) / 1024, 150),
    ]
    if big:
        checks += [
            ("full HTML build at 1,000 ≤ 30 s", big["ours"]["wall"], 30),
            ("edit one at 1,000 ≤ 10 % of full", 100 * big["edit"]["wall"] / big["ours"]["wall"], 10),
            ("search p95 at 1,000 ≤ 50 ms", big["browser"]["query"]["p95"], 50),
            ("searchindex.js gzip ≤ 1,024 B per question at 1,000", big["index"]["gzip_per_q"], 1024),
        ]
    lines = ["| target | measured | met |", "|---|---|---|"]
    lines += [f"| {name} | {fmt(value)} | {'yes' if value <= limit else 'NO'} |" for name, value, limit in checks]
    if len(rows) > 1:
        first, last = rows[-2], rows[-1]  # the two largest: fixed start-up costs hide growth below
        # CPU seconds, not wall: on a shared machine the load differs from one size to the next.
        growth = (last["ours"]["cpu"] / first["ours"]["cpu"]) / (last["questions"] / first["questions"])
        lines.append(
            f"| linear scaling: CPU-time ratio ÷ size ratio, {first['questions']} → {last['questions']} "
            f"| {growth:.2f} | {'yes' if growth <= 1.2 else 'NO'} |"
        )
    return lines


def plot(rows: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    n = [r["questions"] for r in rows]
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.5))
    left.plot(n, [r["ours"]["wall"] for r in rows], "o-", label="ours, serial")
    left.plot(n, [r["ours_j"]["wall"] for r in rows], "o--", label="ours, -j auto")
    stock = [(r["questions"], *stock_build(r, rows)) for r in rows]
    measured = [(q, t) for q, t, note in stock if t and not note]
    left.plot(*zip(*measured, strict=True), "s-", label="stock Furo, serial")
    if len(measured) < len(stock):
        label = "stock: lower bound (>) or n² extrapolation"
        left.plot([q for q, t, _ in stock if t], [t for q, t, _ in stock if t], "s:", color="grey", label=label)
    left.set(xscale="log", yscale="log", xlabel="questions", ylabel="full HTML build (s)", title="Build time")
    right.plot(n, [r["index"]["gzip"] / 1024 for r in rows], "o-", label="ours searchindex.js (gzip)")
    right.plot(n, [r["stock_index"]["gzip"] / 1024 for r in rows], "s-", label="stock searchindex.js (gzip)")
    right.plot(n, [r["pagefind"]["bytes"] / 1024 for r in rows], "^-", label="Pagefind bundle")
    right.set(xscale="log", yscale="log", xlabel="questions", ylabel="KB", title="Search index size")
    for axis in (left, right):
        axis.grid(True, which="both", alpha=0.3)
        axis.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
