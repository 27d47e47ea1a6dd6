"""Offline readiness over a slow phone connection: time until the service worker has stored what it
stores on a first visit, and the bytes that took, at 10, 100 and 1,000 generated questions.

The connection is Chromium's network emulation (CDP ``Network.emulateNetworkConditions``: 1.6 Mbps
down, 150 ms round trip) on the page and on the service worker, whose fetches are its own: Playwright
gives no CDP session for a worker, so the worker's requests are throttled by the server instead
(the same latency and bandwidth, shared by all its connections). Above the budget the first visit
stores only the shell; the "Simpan untuk dibaca offline" button is then timed too.

    python bench/offline.py [--sizes 10 100 1000] [--out DIR]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import threading
import time
from pathlib import Path

from builds import sphinx
from common import CHROMIUM, CHROMIUM_ARGS, serve
from corpus import projects
from support import QuietHandler  # tests/support.py: common puts tests/ on the path

DOWN_BPS = 1_600_000  # bits per second
RTT = 0.150  # seconds
READY = "['ready', 'complete'].includes(document.documentElement.dataset.offline)"
COMPLETE = "document.documentElement.dataset.offline === 'complete'"


class Throttled(QuietHandler):
    """Serves files with a round trip's delay and a shared downlink; counts the bytes it sends."""

    lock = threading.Lock()
    free_at = 0.0  # when the shared downlink is next idle
    sent = 0

    def copyfile(self, source, outputfile) -> None:
        data = source.read()
        if self.headers.get("Sec-Fetch-Dest") not in ("empty", "serviceworker"):
            # The page's own requests are throttled by Chromium's emulation already.
            outputfile.write(data)
            type(self).sent += len(data)
            return
        time.sleep(RTT)
        with self.lock:
            start = max(time.perf_counter(), type(self).free_at)
            type(self).free_at = start + len(data) * 8 / DOWN_BPS
            type(self).sent += len(data)
            wait = type(self).free_at - time.perf_counter()
        time.sleep(max(0.0, wait))
        outputfile.write(data)


def offline_ready(browser, html: Path) -> dict:
    """First visit of `html`'s home page over the slow connection: seconds and bytes until offline-ready."""
    files = json.loads((html / "offline-files.json").read_text(encoding="utf-8"))
    handler = type("Run", (Throttled,), {"sent": 0, "free_at": 0.0})
    row = {"mode": files["mode"], "total_bytes": files["total"], "shell_bytes": files["shell"]}
    with serve(html, handler) as url:
        context = browser.new_context()
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send(
            "Network.emulateNetworkConditions",
            {"offline": False, "latency": RTT * 1000, "downloadThroughput": DOWN_BPS / 8, "uploadThroughput": -1},
        )
        start = time.perf_counter()
        page.goto(f"{url}/index.html")
        page.wait_for_function(READY, timeout=900_000, polling=100)
        row["ready_s"] = time.perf_counter() - start
        row["ready_bytes"] = handler.sent
        if files["mode"] == "shell":
            start, before = time.perf_counter(), handler.sent
            page.get_by_role("button", name="Simpan untuk dibaca offline").click()
            page.wait_for_function(COMPLETE, timeout=1_800_000, polling=250)
            row["save_s"] = time.perf_counter() - start
            row["save_bytes"] = handler.sent - before
        context.close()
    return row


def measure(sizes: list[int], work: Path) -> list[dict]:
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for size in sizes:
            folder = work / str(size)
            folder.mkdir()
            ours, _, _ = projects(folder, size)
            sphinx(ours, folder / "html", folder / "build.log")
            rows.append({"questions": size} | offline_ready(browser, folder / "html"))
            print(json.dumps(rows[-1]), flush=True)
        browser.close()
    return rows


def report(rows: list[dict]) -> str:
    mb = 1024 * 1024
    lines = [
        "| questions | site (MB) | first visit stores | offline-ready (s) | downloaded (MB) | save the rest (s) |",
        "| ---: | ---: | --- | ---: | ---: | ---: |",
    ]
    for r in rows:
        stored = "everything" if r["mode"] == "all" else f"shell, {r['shell_bytes'] / mb:.2f} MB"
        save = f"{r['save_s']:.1f}" if "save_s" in r else "—"
        lines.append(
            f"| {r['questions']:,} | {r['total_bytes'] / mb:.2f} | {stored} | {r['ready_s']:.1f} "
            f"| {r['ready_bytes'] / mb:.2f} | {save} |"
        )
    return "\n".join(lines)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000], help="question counts")
    parser.add_argument("--out", type=Path, help="write offline.md and offline.json here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="faq-offline-") as tmp:
        rows = measure(args.sizes, Path(tmp))
    table = report(rows)
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "offline.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
        (args.out / "offline.md").write_text(table + "\n", encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()
