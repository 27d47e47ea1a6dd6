"""Benchmark the handbook at 10 to 5,000 questions, side by side with stock Sphinx + Furo and Pagefind.

For each size it generates a synthetic handbook in the real page schema (text recombined from
the handbook's own sentences), builds it with our configuration and with a stock one, and
measures build time and memory, incremental rebuilds, search index size, search speed in
headless Chromium and page weight. Results go to a Markdown table, a JSON file and a
log-log plot. Run `make bench` (all sizes) or `make bench-quick` (10 and 100); see
bench/README.md for how to read the output.

The work is split by concern: ``corpus`` generates the handbooks, ``builds`` runs and measures
builds, ``browser`` measures in Chromium, ``report`` writes the results; this module runs the ladder.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

from browser import browse
from builds import index_size, median_build, pagefind, pdf_time, sphinx
from common import CHROMIUM, CHROMIUM_ARGS, ROOT
from corpus import add_one, edit_one, projects, queries_for
from report import report


def measure(size: int, work: Path, browser, quick: bool, stock_cap: int, timeout: float) -> dict:
    print(f"[{time.strftime('%H:%M:%S')}] {size} questions", flush=True)
    log = work / "build.log"
    ours, stock, pages = projects(work, size)
    relpages = [p.relative_to(ours) for p in pages]
    repeats = 3 if size <= 100 and not quick else 1
    row: dict = {"questions": size}

    # Ours: clean builds (serial, parallel), then incremental ones on the serial output.
    row["ours_j"] = median_build(ours, work / "ours-j", log, repeats, "-j", "auto")
    shutil.rmtree(work / "ours-j")
    row["ours"] = median_build(ours, work / "ours-html", log, repeats)
    html = work / "ours-html"
    row["index"] = index_size(html, size)
    question = relpages[len(relpages) // 2].with_suffix(".html").as_posix()
    row["page_html"] = (html / question).stat().st_size
    row["pagefind"] = pagefind(html, log)
    row["browser"] = browse(browser, html, question, queries_for(pages), with_pagefind=True)
    row["pagefind"] |= row["browser"].pop("pagefind")
    edit_one(ours, relpages[0])
    row["edit"] = sphinx(ours, html, log)
    add_one(ours, relpages[0])
    row["add"] = sphinx(ours, html, log)
    shutil.rmtree(html)

    # Stock: Furo builds up to stock_cap questions (beyond, a theme-less build for the search index only).
    out = work / "stock-html"
    if size <= stock_cap:
        row["stock"] = median_build(stock, out, log, repeats, timeout=timeout)
        if size <= 100:
            row["stock_j"] = median_build(stock, work / "stock-j", log, repeats, "-j", "auto", timeout=timeout)
            shutil.rmtree(work / "stock-j", ignore_errors=True)
    if "stock" not in row or row["stock"]["timeout"]:
        shutil.rmtree(out, ignore_errors=True)
        row["stock_basic"] = sphinx(stock, out, log, "-j", "auto", "-D", "html_theme=basic")
    row["stock_index"] = index_size(out, size)
    row["stock_page_html"] = (out / question).stat().st_size
    row["stock_browser"] = browse(browser, out, question, queries_for(pages), with_pagefind=False)
    if size <= 100 and "stock_basic" not in row:
        edit_one(stock, relpages[0])
        row["stock_edit"] = sphinx(stock, out, log)
    shutil.rmtree(out)

    if size <= (10 if quick else 100):
        row["pdf"] = pdf_time(ours, work / "ours-pdf", log, "tanya-jawab-pnpm-mandiri-perkotaan.pdf")
        row["stock_pdf"] = pdf_time(stock, work / "stock-pdf", log)
    for path in (ours, stock, work / "ours-pdf", work / "stock-pdf"):
        shutil.rmtree(path, ignore_errors=True)
    return row


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10 and 100 questions only, one build each")
    parser.add_argument("--sizes", type=int, nargs="+", help="question counts (default 10 100 1000 5000)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results", help="where results go")
    parser.add_argument("--stock-cap", type=int, default=1000, help="largest size built with stock Furo")
    parser.add_argument("--timeout", type=float, default=300, help="seconds before a stock build is abandoned")
    args = parser.parse_args(argv)
    sizes = args.sizes or ([10, 100] if args.quick else [10, 100, 1000, 5000])
    args.out.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    start = time.perf_counter()
    rows = []
    with tempfile.TemporaryDirectory(prefix="faq-bench-") as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for size in sizes:
            work = Path(tmp) / str(size)
            work.mkdir()
            rows.append(measure(size, work, browser, args.quick, args.stock_cap, args.timeout))
            report(
                rows, args.out, time.perf_counter() - start, os.getloadavg()[0]
            )  # partial results survive an interrupted run
        browser.close()
    print((args.out / "results.md").read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
