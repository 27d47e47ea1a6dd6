"""Search evaluation: our Indonesian search against stock Sphinx and Pagefind, in headless Chromium.

Three query sets, each run through our search, stock Sphinx (same pages, language="id",
no project extensions) and Pagefind (over the stock pages, through its JavaScript API):

* the handbook's own set, tests/data/search-queries.tsv (half of it forms that the
  handbook never writes);
* three real-world corpora nobody here wrote (scripts/search_corpus.py), each split into a
  dev half (for tuning) and a held-out test half: GNOME's user help in Indonesian, about
  290 pages, each page's own human-written description as its query; LibreOffice's
  how-to guides in Indonesian, about 300 pages, each with one of the help's own index
  entries as its query (and the test half's other entries, about 500, as the class
  "more (test)"); and the help of 37 GNOME applications (gedit, Evince, Evolution...),
  about 480 translated pages as one site, queried by their descriptions;
* typo queries: the handbook's and the corpora's test queries with one word misspelt by a
  reproducible random edit.

Queries run through the search page's own code (Sphinx's parse and rank functions, which
ours replaces) after the page and its index are loaded. The report gives precision@1 and
recall@3 per class, the targets, the sizes of the search files, and the stemmers'
conflation rates.

Usage: python scripts/search_eval.py [--quick] [--verbose] [--min-precision 1.0]   (or: make search-eval)
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import re
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # support, which also puts docs/_ext on the path
import search_corpus  # noqa: E402 (next to this script)
from support import CHROMIUM, CHROMIUM_ARGS, DOCS, STOCK_CONF, copy_docs, serve, sphinx_build  # noqa: E402 (path above)

QUERIES = ROOT / "tests" / "data" / "search-queries.tsv"
UNSEEN = {"inflected", "nasal"}  # classes whose query words must not occur in the handbook
VERBOSE = False


def load_queries() -> list[tuple[str, str, str]]:
    rows = []
    for line in QUERIES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, query, expected = line.split("\t")
            rows.append((kind, query, expected))
    return rows


OUR_DIRECTIVES = re.compile(r"^```\{(?:faq-[a-z-]+|unduhan|simpan-offline)\}.*?^```\n", re.M | re.S)


def handbook_words() -> set[str]:
    return {w for path in DOCS.rglob("*.md") for w in re.findall(r"\w+", path.read_text(encoding="utf-8").lower())}


def written_in_handbook(queries) -> list[str]:
    """Queries of the UNSEEN classes that use a word of the handbook (there should be none)."""
    words = handbook_words()
    return [q for kind, q, _ in queries if kind in UNSEEN and set(re.findall(r"\w+", q.lower())) & words]


def build(workdir: Path, quick: bool = False) -> dict[str, Path]:
    ours, stock_src = workdir / "ours", workdir / "stock-src"
    result = sphinx_build(DOCS, ours, "html", "-q", "-d", str(workdir / "ours.doctrees"))
    if result.returncode:
        sys.exit(f"our build failed:\n{result.stdout}")
    if quick:
        return {"ours": ours}
    copy_docs(stock_src)
    (stock_src / "conf.py").write_text(STOCK_CONF, encoding="utf-8")
    # Stock Sphinx lacks our directives (generated lists, glossary, downloads): drop their blocks.
    for page in stock_src.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(OUR_DIRECTIVES.sub("", text), encoding="utf-8")
    result = sphinx_build(stock_src, workdir / "stock", "html", "-q", "-d", str(workdir / "stock.doctrees"))
    if result.returncode:
        sys.exit(f"stock build failed:\n{result.stdout}")
    return {"ours": ours, "stock": workdir / "stock", "pagefind": pagefind(workdir / "stock", workdir / "pagefind")}


def pagefind(stock: Path, target: Path) -> Path:
    """Pagefind (Snowball Indonesian, prefix matching) over a copy of the stock pages, content only."""
    site = Path(shutil.copytree(stock, target))
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--root-selector", "article[role=main]"]
    subprocess.run(command, check=True, capture_output=True)
    return site


CORPUS_CONF = {
    "ours": f'import sys\nsys.path.insert(0, {str(DOCS / "_ext")!r})\nextensions = ["search_id"]\n',
    "stock": "extensions = []\n",
}


# The real-world corpora: name -> (how the report names it, its pages).
CORPORA = {
    "GNOME": (f"GNOME user help in Indonesian ({search_corpus.PACKAGE})", search_corpus.pages),
    "LibreOffice": (f"LibreOffice help in Indonesian ({search_corpus.LO_PACKAGE})", search_corpus.libreoffice_pages),
    "GNOME-apps": (
        f"The Indonesian help of {len(search_corpus.APPS)} GNOME applications, as one site",
        search_corpus.app_pages,
    ),
}
# Left out of --quick: its 37 packages to fetch and its build would double the quick
# run's time, and its pages are Mallard's, as GNOME's user help is.
FULL_ONLY = {"GNOME-apps"}


def build_corpus(
    workdir: Path, key: str, corpus: list[search_corpus.Page], cache: Path, quick: bool = False
) -> dict[str, Path]:
    """The corpus built by us and by stock Sphinx (same theme), and indexed by Pagefind.
    The stock and Pagefind sites do not change with our code: they are kept in the cache."""
    # Named by the pages' content, so that a change to the corpus or its conversion rebuilds them.
    digest = hashlib.sha1(repr(corpus).encode()).hexdigest()[:12]
    stock = cache / f"corpus-{key.lower()}-{len(corpus)}-{digest}-stock"
    sites = {}
    for name, conf in CORPUS_CONF.items():
        if quick and name != "ours":
            continue
        if name == "stock" and (stock / "searchindex.js").is_file():
            sites[name] = stock
            continue
        target = stock if name == "stock" else workdir / f"corpus-{key}-{name}"
        source = workdir / f"corpus-{key}-{name}-src"
        search_corpus.write_project(corpus, source, conf + 'language = "id"\nhtml_theme = "furo"\n')
        result = sphinx_build(source, target, "html", "-q", "-d", str(source / ".doctrees"))
        if result.returncode:
            sys.exit(f"corpus build ({name}) failed:\n{result.stdout}")
        sites[name] = target
    if quick:
        return sites
    sites["pagefind"] = stock.with_name(stock.name.replace("stock", "pagefind"))
    if not (sites["pagefind"] / "pagefind").is_dir():
        shutil.rmtree(sites["pagefind"], ignore_errors=True)
        pagefind(stock, sites["pagefind"])
    return sites


def docname(url: str) -> str:
    return re.sub(r"(\.html)?(#.*)?$", "", url.lstrip("/"))


# Sphinx's own query path (parse, then rank), as the search page runs it; the results are
# shown last to first. Duplicates (a page found by its title and by its text) count once.
SPHINX_QUERY = """(query) => {
    const results = Search._performSearch(...Search._parseQuery(query)).reverse().map((r) => r[0]);
    return [...new Set(results)].slice(0, 3);
}"""

PAGEFIND_QUERY = """async (query) => {
    const pagefind = await import("/pagefind/pagefind.js");
    const found = await pagefind.search(query);
    return Promise.all(found.results.slice(0, 3).map((r) => r.data().then((d) => d.url)));
}"""


def run_queries(page, name: str, base: str, queries) -> list[list[str]]:
    """The first three pages found for each query, on the site served at base."""
    if name == "pagefind":
        page.goto(f"{base}/index.html")
        return [[docname(url) for url in page.evaluate(PAGEFIND_QUERY, query)] for _, query, _ in queries]
    page.goto(f"{base}/search.html?q=zzz")  # a first search sets up the page's result list
    page.wait_for_function("Search.hasIndex() && Search.output", timeout=30_000)
    return [page.evaluate(SPHINX_QUERY, query) for _, query, _ in queries]


def evaluate(sites: dict[str, Path], queries, label: str = "") -> dict[str, dict[str, list[tuple[bool, bool]]]]:
    scores: dict[str, dict[str, list[tuple[bool, bool]]]] = {name: defaultdict(list) for name in sites}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.on("pageerror", lambda error: print(f"  page error: {error}"))
        for name, directory in sites.items():
            with serve(directory) as base:
                found = run_queries(page, name, base, queries)
            for (kind, query, expected), results in zip(queries, found, strict=True):
                hit = (results[:1] == [expected], expected in results[:3])
                scores[name][kind].append(hit)
                if name == "ours" and not hit[0] and VERBOSE:
                    print(f"  {label}ours misses {query!r} ({kind}): expected {expected}, got {results[:3]}")
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


def precision(scores, kinds) -> float:
    hits = [h[0] for kind in kinds for h in scores.get(kind, [])]
    return sum(hits) / len(hits) if hits else 0.0


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
    parser.add_argument(
        "--quick", action="store_true", help="a quarter of each corpus but FULL_ONLY, ours only, no stemmer report"
    )
    parser.add_argument("--verbose", action="store_true", help="print every query our search misses")
    parser.add_argument("--cache", type=Path, default=ROOT / "_build" / "search-eval", help="where corpora are kept")
    parser.add_argument("--min-precision", type=float, default=0.0, help="fail if a target is missed (see TARGETS)")
    args = parser.parse_args()
    global VERBOSE
    VERBOSE = args.verbose
    handbook = load_queries()
    if written := written_in_handbook(handbook):
        sys.exit(f"queries of classes {sorted(UNSEEN)} must not be written in the handbook: {written}")
    if args.quick:
        corpora = {key: loader(args.cache)[::4] for key, (_, loader) in CORPORA.items() if key not in FULL_ONLY}
    else:
        corpora = {key: loader(args.cache) for key, (_, loader) in CORPORA.items()}
    known = handbook_words()
    for corpus in corpora.values():
        known |= {
            w.lower() for p in corpus for _, text in p.sections for w in re.findall(r"\w+", search_corpus.plain(text))
        }
    typos = search_corpus.typo_queries([q for q in handbook if q[0] not in UNSEEN], known)
    failures = []
    checks = []
    with tempfile.TemporaryDirectory() as workdir:
        sites = build(Path(workdir), args.quick)
        handbook_rows = handbook + typos
        scores = evaluate(sites, handbook_rows)
        print(f"\nThe handbook: {len(handbook)} queries ({sum(k in UNSEEN for k, _, _ in handbook)} of forms not")
        print(f"written in it), and {len(typos)} of them with one word misspelt\n")
        print(table(scores, handbook_rows))
        checks += [
            ("handbook queries P@1", precision(scores["ours"], {k for k, _, _ in handbook}), 0.97),
            ("handbook typo queries P@1", precision(scores["ours"], {k for k, _, _ in typos}), 0.92),
        ]
        for key, corpus in corpora.items():
            rows = search_corpus.queries(corpus)
            rows += search_corpus.typo_queries([q for q in rows if q[0] == "test"], known)
            corpus_sites = build_corpus(Path(workdir), key, corpus, args.cache, args.quick)
            corpus_scores = evaluate(corpus_sites, rows, f"{key}: ")
            print(f"\n{CORPORA[key][0]}: {len(corpus)} pages, each with one query written by its")
            print("authors; dev = the half used for tuning, test = the held-out half\n")
            print(table(corpus_scores, rows))
            ours = corpus_scores["ours"]
            recall = [h[1] for h in ours["test"]]
            checks += [
                (f"{key} test queries P@1", precision(ours, {"test"}), 0.70),
                (f"{key} test queries R@3", sum(recall) / len(recall), 0.80),
            ]
            if "pagefind" in corpus_scores:
                margin = precision(ours, {"test"}) - precision(corpus_scores["pagefind"], {"test"})
                checks.append((f"{key} test P@1 above Pagefind", margin, 0.15))
        if not args.quick:
            print()
            print(sizes(sites))
    print("\n| target | measured | goal |\n|---|---|---|")
    for label, value, goal in checks:
        print(f"| {label} | {value:.2f} | >= {goal:.2f} |")
        if value < goal * args.min_precision:
            failures.append(label)
    if not args.quick:
        print()
        # The stemmers' conflation report: scripts/stem_eval.py where present.
        try:
            import stem_eval
        except ModuleNotFoundError:
            print(conflation())
        else:
            stem_eval.report(stem_eval.load_pairs("test"))
    if failures:
        sys.exit(f"targets missed: {', '.join(failures)}")


if __name__ == "__main__":
    main()
