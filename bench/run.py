"""Benchmark the handbook at 10 to 5,000 questions, side by side with stock Sphinx + Furo and Pagefind.

For each size it generates a synthetic handbook in the real page schema (text recombined from
the handbook's own sentences), builds it with our configuration and with a stock one, and
measures build time and memory, incremental rebuilds, search index size, search speed in
headless Chromium and page weight. Results go to a Markdown table, a JSON file and a
log-log plot. Run `make bench` (all sizes) or `make bench-quick` (10 and 100); see
bench/README.md for how to read the output.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
sys.path.insert(0, str(ROOT / "tests"))
from support import CHROMIUM, CHROMIUM_ARGS, STOCK_CONF, STRICT, sentences, serve  # noqa: E402 (the path above)

CATEGORIES = 20
STOCK_INDEX = "# Stock\n\n```{toctree}\n:caption: Kategori\n:glob:\n:maxdepth: 2\n\nfaq/*/index\n```\n"
# Acronyms of the programme (the glossary's terms), mixed into generated sentences.
ACRONYMS = ["P2KP", "PNPM", "BKM", "KSM", "KBP", "KBK", "KMW", "KMP", "Korkot", "RT", "RW", "LKM", "PJM"]
QUESTION_WORDS = [
    "Apa itu",
    "Apa tujuan",
    "Siapa sasaran",
    "Siapa pelaku",
    "Bagaimana",
    "Mengapa",
    "Kapan",
    "Di mana",
    "Apa manfaat",
    "Apa peran",
]


# -- Generating a handbook ------------------------------------------------------------------------


class Corpus:
    """The handbook's own sentences, keywords and words, recombined by a word-bigram chain."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.sentences, self.keywords = [], set()
        for path in sorted((DOCS / "faq").glob("*/*.md")):
            text = path.read_text(encoding="utf-8")
            meta, body = {}, text
            if text.startswith("---\n"):
                front, body = text[4:].split("\n---\n", 1)
                meta = yaml.safe_load(front) or {}
            self.keywords.update(str(k) for k in meta.get("keywords", []))
            prose = "\n".join(line.lstrip("#-*0123456789.) ") for line in body.splitlines() if "```" not in line)
            self.sentences += [s for s in sentences(prose) if len(s.split()) > 3 and s.endswith(".")]
        self.next: dict[str, list[str]] = {}
        for sentence in self.sentences:
            words = sentence.rstrip(".").split()
            for a, b in zip(["^", *words], [*words, "$"], strict=True):
                self.next.setdefault(a, []).append(b)
        self.words = sorted(
            {
                w.strip(",.:;()").lower()
                for s in self.sentences
                for w in s.split()
                if re.fullmatch(r"[a-z]{5,}", w.strip(",.:;()").lower())
            }
        )
        self.keywords = sorted(self.keywords | set(self.words[:60]))

    def sentence(self, low: int = 8, high: int = 24) -> str:
        words, word = [], "^"
        while len(words) < high:
            word = self.rng.choice(self.next[word])
            if word == "$":
                if len(words) >= low:
                    break
                word = "^"
                continue
            words.append(word)
            if self.rng.random() < 0.03:
                words.append(self.rng.choice(ACRONYMS))
        text = " ".join(words).rstrip(",;:")
        return text[0].upper() + text[1:] + "."

    def phrase(self, n: int) -> str:
        return " ".join(self.rng.choice(self.words) for _ in range(n))


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def question_page(corpus: Corpus, title: str) -> str:
    rng = corpus.rng
    keywords = rng.sample(corpus.keywords, rng.randint(3, 5)) + rng.sample(ACRONYMS, 1)
    parts = [
        "---",
        f"keywords: [{', '.join(keywords)}]",
        f"summary: {corpus.sentence(6, 14)}",
        "---",
        "",
        f"# {title}",
        "",
    ]
    for _ in range(rng.randint(2, 4)):
        parts += [" ".join(corpus.sentence() for _ in range(rng.randint(2, 4))), ""]
        if rng.random() < 0.4:
            marker = rng.choice(["-", "1."])
            parts += [f"{marker} {corpus.sentence(4, 12)}" for _ in range(rng.randint(3, 5))] + [""]
    return "\n".join(parts)


def generate(faq: Path, size: int, seed: int = 7) -> list[Path]:
    """Write `size` question pages in CATEGORIES folders under `faq`; return the question files."""
    corpus = Corpus(random.Random(seed))
    rng = corpus.rng
    names = rng.sample([w for w in corpus.words if len(w) >= 7], CATEGORIES)
    titles, pages = set(), []
    for c, name in enumerate(names):
        folder = faq / f"{c + 1:02d}-{name}"
        folder.mkdir(parents=True)
        slugs = []
        for _ in range(size // CATEGORIES + (c < size % CATEGORIES)):
            title = ""
            while not title or title.casefold() in titles:
                title = f"{rng.choice(QUESTION_WORDS)} {corpus.phrase(rng.randint(2, 4))} {rng.choice(ACRONYMS)}?"
            titles.add(title.casefold())
            slug = slugify(title)[:60].strip("-") + f"-{len(titles)}"
            (folder / f"{slug}.md").write_text(question_page(corpus, title), encoding="utf-8")
            slugs.append(slug)
            pages.append(folder / f"{slug}.md")
        (folder / "index.md").write_text(
            f"---\ndescription: {corpus.sentence(6, 12)}\n---\n\n# {name.capitalize()}\n\n{corpus.sentence()}\n\n"
            "```{toctree}\n:maxdepth: 1\n\n" + "".join(f"{s}\n" for s in slugs) + "```\n",
            encoding="utf-8",
        )
    return pages


def projects(work: Path, size: int) -> tuple[Path, Path, list[Path]]:
    """Our project (the real docs/ minus its faq/) and a stock one, over the same generated pages."""
    ours = Path(shutil.copytree(DOCS, work / "ours", ignore=shutil.ignore_patterns("faq", "_build", "__pycache__")))
    (ours / "_static").mkdir(exist_ok=True)
    pages = generate(ours / "faq", size)
    stock = work / "stock"
    shutil.copytree(ours / "faq", stock / "faq")
    (stock / "conf.py").write_text(STOCK_CONF, encoding="utf-8")
    (stock / "index.md").write_text(STOCK_INDEX, encoding="utf-8")
    return ours, stock, pages


def edit_one(src: Path, page: Path) -> None:
    path = src / page
    path.write_text(
        path.read_text(encoding="utf-8") + "\nJawaban ini diperbarui oleh pengelola program.\n", encoding="utf-8"
    )


def add_one(src: Path, page: Path) -> None:
    folder = src / page.parent
    (folder / "pertanyaan-tambahan.md").write_text(
        "---\nkeywords: [tambahan, BKM]\nsummary: Pertanyaan yang baru ditambahkan.\n---\n\n"
        "# Apa isi pertanyaan tambahan BKM?\n\nIni jawaban pertanyaan tambahan untuk BKM.\n",
        encoding="utf-8",
    )
    index = folder / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8").replace("\n```\n", "\npertanyaan-tambahan\n```\n"), encoding="utf-8"
    )


# -- Building ---------------------------------------------------------------------------------------


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


# -- In the browser -------------------------------------------------------------------------------

# Sphinx search, timed in the page: parse the query and rank the results (Search._parseQuery +
# Search._performSearch, what Search.query does before it renders). Rendering is excluded: it
# fetches each hit's page for its excerpt, a network cost that is not the search engine's.
SPHINX_QUERIES = """async (queries) => {
  const times = [];
  for (const q of queries) {
    const t = performance.now();
    const parsed = Search._parseQuery(q);
    Search._performSearch(...parsed);
    times.push(performance.now() - t);
  }
  return times;
}"""
PAGEFIND_QUERIES = """async (queries) => {
  const t0 = performance.now();
  const pagefind = await import("./pagefind/pagefind.js");
  await pagefind.init();
  const load = performance.now() - t0;
  const times = [];
  for (const q of queries) {
    const t = performance.now();
    await pagefind.search(q);
    times.push(performance.now() - t);
  }
  return {load, times};
}"""


def percentiles(times: list[float]) -> dict:
    ordered = sorted(times)
    return {"p50": statistics.median(ordered), "p95": ordered[max(0, round(0.95 * len(ordered)) - 1)]}


def first_visit(browser, url: str, ready: str | None = None) -> tuple[int, float]:
    """Bytes of every response a first visit (empty cache) fetches, and ms until `ready` holds."""
    context = browser.new_context()
    page = context.new_page()
    fetched = []
    page.on("requestfinished", lambda request: fetched.append(request))
    start = time.perf_counter()
    page.goto(url, wait_until="load")
    if ready:
        page.wait_for_function(ready)
    elapsed = (time.perf_counter() - start) * 1000
    page.wait_for_load_state("networkidle")
    total = sum(request.sizes()["responseBodySize"] for request in fetched)
    context.close()
    return total, elapsed


def browse(browser, html: Path, question: str, queries: list[str], with_pagefind: bool) -> dict:
    with serve(html) as url:
        search_bytes, load_ms = first_visit(browser, f"{url}/search.html", "() => Search._index !== null")
        page_bytes, _ = first_visit(browser, f"{url}/{question}")
        context = browser.new_context()
        page = context.new_page()
        page.goto(f"{url}/search.html")
        page.wait_for_function("() => Search._index !== null")
        result = {
            "search_load_ms": load_ms,
            "search_page_bytes": search_bytes,
            "page_bytes": page_bytes,
            "query": percentiles(page.evaluate(SPHINX_QUERIES, queries)),
        }
        if with_pagefind:
            page.goto(f"{url}/index.html")
            found = page.evaluate(PAGEFIND_QUERIES, queries)
            result["pagefind"] = {"load_ms": found["load"]} | percentiles(found["times"])
        context.close()
        return result


def queries_for(pages: list[Path], count: int = 50) -> list[str]:
    """Queries a reader might type: words of titles and keywords, one to three words each."""
    rng = random.Random(11)
    words = []
    for page in rng.sample(pages, min(len(pages), count)):
        text = page.read_text(encoding="utf-8")
        title = re.search(r"^# (.+)\?$", text, re.MULTILINE).group(1)
        keywords = re.search(r"^keywords: \[(.+)\]$", text, re.MULTILINE).group(1).split(", ")
        words.append(title.split()[2:] + keywords)
    return [" ".join(rng.sample(w, min(len(w), rng.randint(1, 3)))).lower() for w in (words * count)[:count]]


# -- The ladder -----------------------------------------------------------------------------------


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


# -- Reporting ------------------------------------------------------------------------------------


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
