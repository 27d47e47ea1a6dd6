"""Search evaluation: our Indonesian search against stock Sphinx, in headless Chromium.

Builds the handbook twice (ours, and a stock Sphinx build of the same pages with
language="id" and no project extensions), serves both on loopback, runs every query of
tests/data/search-queries.tsv through search.html?q=..., and prints precision@1 and
recall@3 per query class for both, and for Pagefind over the stock pages (through its
JavaScript API, as it has no search page of its own), plus the sizes of the search index and the search
language JavaScript (raw and gzip).

It also measures the stemmers alone: over affixed forms generated from the roots of
the stemmer's dictionary (from hunspell-id; standard meN-/peN- assimilation, di-, ber-, ter-, ke-,
per- and -kan, -an, -i, -nya), the share of forms that get the same stem as their root,
for our stemmer, for ours with only the roots its rules would cut (a 15 KiB dictionary
instead of 83 KiB), and for Snowball's Indonesian stemmer.

Usage: python scripts/search_eval.py [--min-precision 1.0]   (or: make search-eval)
"""

from __future__ import annotations

import argparse
import gzip
import re
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from urllib.parse import quote

from playwright.sync_api import TimeoutError, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # support, which also puts docs/_ext on the path
from support import CHROMIUM, CHROMIUM_ARGS, DOCS, STOCK_CONF, copy_docs, serve, sphinx_build  # noqa: E402 (path above)

QUERIES = ROOT / "tests" / "data" / "search-queries.tsv"
UNSEEN = {"inflected", "nasal"}  # classes whose query words must not occur in the handbook


def load_queries() -> list[tuple[str, str, str]]:
    rows = []
    for line in QUERIES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, query, expected = line.split("\t")
            rows.append((kind, query, expected))
    return rows


OUR_DIRECTIVES = re.compile(r"^```\{(?:faq-[a-z-]+|unduhan)\}.*?^```\n", re.M | re.S)


def handbook_words() -> set[str]:
    return {w for path in DOCS.rglob("*.md") for w in re.findall(r"\w+", path.read_text(encoding="utf-8").lower())}


def written_in_handbook(queries) -> list[str]:
    """Queries of the UNSEEN classes that use a word of the handbook (there should be none)."""
    words = handbook_words()
    return [q for kind, q, _ in queries if kind in UNSEEN and set(re.findall(r"\w+", q.lower())) & words]


def build(workdir: Path) -> dict[str, Path]:
    ours, stock_src = workdir / "ours", workdir / "stock-src"
    result = sphinx_build(DOCS, ours, "html", "-q", "-d", str(workdir / "ours.doctrees"))
    if result.returncode:
        sys.exit(f"our build failed:\n{result.stdout}")
    copy_docs(stock_src)
    (stock_src / "conf.py").write_text(STOCK_CONF, encoding="utf-8")
    # Stock Sphinx lacks our directives (generated lists, glossary, downloads): drop their blocks.
    for page in stock_src.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(OUR_DIRECTIVES.sub("", text), encoding="utf-8")
    result = sphinx_build(stock_src, workdir / "stock", "html", "-q", "-d", str(workdir / "stock.doctrees"))
    if result.returncode:
        sys.exit(f"stock build failed:\n{result.stdout}")
    # Pagefind (Snowball Indonesian, prefix matching) over a copy of the stock pages, content only.
    pagefind = Path(shutil.copytree(workdir / "stock", workdir / "pagefind"))
    command = [sys.executable, "-m", "pagefind", "--site", str(pagefind), "--root-selector", "article[role=main]"]
    subprocess.run(command, check=True, capture_output=True)
    return {"ours": ours, "stock": workdir / "stock", "pagefind": pagefind}


def search(page, base: str, query: str) -> list[str]:
    """Docnames of the results, in order, as the search page shows them."""
    page.goto(f"{base}/search.html?q={quote(query)}")
    # Sphinx stops the "searching..." pulse once every result is listed.
    try:
        page.wait_for_function(
            "document.querySelector('#search-results h2') && Search._pulse_status === -1", timeout=10_000
        )
    except TimeoutError:
        print(f"  search page did not finish for {query!r} at {base}")
        return []
    hrefs = page.eval_on_selector_all(
        "#search-results ul.search li > a", "links => links.map(a => a.getAttribute('href'))"
    )
    return [re.sub(r"(\.html)?(#.*)?$", "", href) for href in hrefs]


def search_pagefind(page, base: str, query: str) -> list[str]:
    """Docnames of Pagefind's results through its JavaScript API (it has no search page of its own)."""
    if not page.url.startswith(base):
        page.goto(f"{base}/index.html")
    urls = page.evaluate(
        """async (query) => {
            const pagefind = await import("/pagefind/pagefind.js");
            const found = await pagefind.search(query);
            return Promise.all(found.results.slice(0, 3).map((r) => r.data().then((d) => d.url)));
        }""",
        query,
    )
    return [re.sub(r"(\.html)?(#.*)?$", "", url.lstrip("/")) for url in urls]


def evaluate(sites: dict[str, Path], queries) -> dict[str, dict[str, list[tuple[bool, bool]]]]:
    scores: dict[str, dict[str, list[tuple[bool, bool]]]] = {name: defaultdict(list) for name in sites}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.on("pageerror", lambda error: print(f"  page error: {error}"))
        for name, directory in sites.items():
            with serve(directory) as base:
                for kind, query, expected in queries:
                    results = (search_pagefind if name == "pagefind" else search)(page, base, query)
                    hit = (results[:1] == [expected], expected in results[:3])
                    scores[name][kind].append(hit)
                    if name == "ours" and not hit[0]:
                        print(f"  ours misses {query!r} ({kind}): expected {expected}, got {results[:3]}")
        browser.close()
    return scores


def table(scores, queries) -> str:
    kinds = list(dict.fromkeys(kind for kind, _, _ in queries)) + ["all"]
    names = list(scores)
    header = " | ".join(f"{name} P@1 | {name} R@3" for name in names)
    lines = [f"| class | n | {header} |", "|---|---|" + "---|" * 2 * len(names)]
    for kind in kinds:
        cells = []
        for name in names:
            hits = [h for k, hs in scores[name].items() for h in hs] if kind == "all" else scores[name][kind]
            cells += [f"{sum(h[0] for h in hits) / len(hits):.2f}", f"{sum(h[1] for h in hits) / len(hits):.2f}"]
        n = len(queries) if kind == "all" else len(scores["ours"][kind])
        lines.append(f"| {kind} | {n} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def sizes(sites: dict[str, Path]) -> str:
    lines = ["| file | ours raw | ours gzip | stock raw | stock gzip |", "|---|---|---|---|---|"]
    for label, relative in (
        ("searchindex.js", "searchindex.js"),
        ("language_data.js (stemmer)", "_static/language_data.js"),
    ):
        cells = []
        for name in ("ours", "stock"):
            data = (sites[name] / relative).read_bytes()
            cells += [f"{len(data) / 1024:.1f} KiB", f"{len(gzip.compress(data, 9)) / 1024:.1f} KiB"]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    bundle = [f for f in (sites["pagefind"] / "pagefind").rglob("*") if f.is_file()]
    lines.append(
        f"\nPagefind bundle (UI files included): {sum(f.stat().st_size for f in bundle) / 1024:.1f} KiB"
        f" in {len(bundle)} files"
    )
    return "\n".join(lines)


def assimilated(root: str, prefix: str) -> str:
    """meN-/peN- + root, with the standard nasal assimilation (tulis -> menulis, pakai -> memakai)."""
    vowel_next = root[1:2] in "aeiou"
    if root[0] in "aeiou" or root[0] in "gh":
        return prefix + "ng" + root
    for first, nasal in (("k", "ng"), ("t", "n"), ("s", "ny"), ("p", "m")):
        if root[0] == first and vowel_next:
            return prefix + nasal + root[1:]
    nasal = "n" if root[0] in "dcjz" else "m" if root[0] in "bfv" else ""
    return prefix + nasal + root


def conflation() -> str:
    """Share of generated affixed forms that stem like their root, per stemmer."""
    import search_id
    import snowballstemmer

    roots = search_id.roots()
    forms = {}
    for root in sorted(roots)[::5]:
        stems = [assimilated(root, "me"), assimilated(root, "pe"), "di" + root, "ter" + root, "ke" + root, "per" + root]
        stems.append(("be" if root[0] == "r" else "ber") + root)
        for stem in stems:
            for suffix in ("", "kan", "an", "i", "nya"):
                forms[stem + suffix] = root
    rules_only = search_id.Stemmer(search_id.EXTRA_ROOTS)
    cut = frozenset(r for r in roots if rules_only.stem(r) != search_id.fold(r)) | search_id.EXTRA_ROOTS
    stemmers = {
        f"ours, full dictionary ({len(roots)} roots)": search_id.Stemmer(roots).stem,
        f"ours, only roots the rules would cut ({len(cut)})": search_id.Stemmer(cut).stem,
        "Snowball Indonesian": snowballstemmer.stemmer("indonesian").stemWord,
    }
    lines = [f"{len(forms)} affixed forms of every 5th root:", "| stemmer | forms stemmed like their root |"]
    lines.append("|---|---|")
    for name, stem in stemmers.items():
        share = sum(stem(form) == stem(root) for form, root in forms.items()) / len(forms)
        lines.append(f"| {name} | {share:.3f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-precision", type=float, default=0.0, help="fail if our overall precision@1 is lower")
    args = parser.parse_args()
    queries = load_queries()
    if written := written_in_handbook(queries):
        sys.exit(f"queries of classes {sorted(UNSEEN)} must not be written in the handbook: {written}")
    unseen = sum(kind in UNSEEN for kind, _, _ in queries)
    with tempfile.TemporaryDirectory() as workdir:
        sites = build(Path(workdir))
        scores = evaluate(sites, queries)
        print(f"\n{len(queries)} queries, {unseen} of them forms not written in the handbook\n")
        print(table(scores, queries))
        print()
        print(sizes(sites))
    print()
    print(conflation())
    ours = [h[0] for hs in scores["ours"].values() for h in hs]
    if sum(ours) / len(ours) < args.min_precision:
        sys.exit(f"our precision@1 {sum(ours) / len(ours):.2f} is below {args.min_precision}")


if __name__ == "__main__":
    main()
