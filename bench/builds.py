"""Builds and their measures: wall and CPU time, peak memory, index sizes, Pagefind, PDF."""

from __future__ import annotations

import gzip
import os
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from common import STRICT


def run(command: list[str], log: Path, timeout: float | None = None) -> dict:
    """Run a command; wall and CPU seconds, peak RSS (MB, over the process tree it waited for)."""
    start = time.perf_counter()
    with log.open("ab") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        timer = threading.Timer(timeout, os.killpg, (process.pid, signal.SIGKILL)) if timeout else None
        if timer:
            timer.start()
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        if timer:
            timer.cancel()
    return {
        "wall": time.perf_counter() - start,
        "cpu": usage.ru_utime + usage.ru_stime,
        "rss": usage.ru_maxrss / 1024,
        "ok": process.returncode == 0,
        "timeout": process.returncode == -signal.SIGKILL,
    }


def sphinx(src: Path, out: Path, log: Path, *extra: str, builder: str = "html", timeout=None) -> dict:
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "-b",
        builder,
        *STRICT,
        "-q",
        "-d",
        str(out / ".doctrees"),
        *extra,
        str(src),
        str(out),
    ]
    result = run(command, log, timeout)
    if not result["ok"] and not result["timeout"]:
        sys.exit(f"build failed: {' '.join(command)}\n{log.read_text(errors='replace')[-3000:]}")
    return result


def median_build(src: Path, out: Path, log: Path, repeats: int, *extra: str, timeout=None) -> dict:
    """Median of `repeats` clean builds (the last one is kept in `out`)."""
    runs = []
    for _ in range(repeats):
        shutil.rmtree(out, ignore_errors=True)
        runs.append(sphinx(src, out, log, *extra, timeout=timeout))
        if runs[-1]["timeout"]:
            break
    return {key: statistics.median(r[key] for r in runs) for key in ("wall", "cpu", "rss")} | {
        "timeout": runs[-1]["timeout"],
        "runs": len(runs),
    }


def pdf_time(src: Path, out: Path, log: Path, target: str = "all-pdf") -> float:
    """LaTeX build plus latexmk of `target` (ours: the handbook only, not the per-category handouts)."""
    start = time.perf_counter()
    for command in (
        [sys.executable, "-m", "sphinx", "-b", "latex", str(src), str(out), *STRICT, "-q"],
        ["make", "-C", str(out), target],
    ):
        if not run(command, log)["ok"]:
            sys.exit(f"PDF build failed, see {log}")
    return time.perf_counter() - start


def index_size(html: Path, questions: int) -> dict:
    data = (html / "searchindex.js").read_bytes()
    packed = len(gzip.compress(data, 6))
    return {"raw": len(data), "gzip": packed, "gzip_per_q": packed / questions}


def pagefind(html: Path, log: Path) -> dict:
    result = run([sys.executable, "-m", "pagefind", "--site", str(html)], log)
    # The index proper (entry, meta, word index, fragments, filters); not the shared JS, CSS and WASM.
    files = [
        p
        for p in (html / "pagefind").rglob("*")
        if p.is_file() and p.suffix not in {".js", ".css"} and not p.name.startswith("wasm.")
    ]
    return {"wall": result["wall"], "bytes": sum(p.stat().st_size for p in files)}
