"""Indonesian search: the stemmer, Python/JavaScript parity, the extension, and the search page in Chromium."""

from __future__ import annotations

import collections
import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import search_id
from support import DOCS, ROOT, require

sys.path.insert(0, str(ROOT / "scripts"))
import search_eval

HUNSPELL_DIC = "/usr/share/hunspell/id_ID.dic"
QUERIES = search_eval.load_queries()
EXPECTED = {query: expected for _, query, expected in QUERIES}


@pytest.fixture(scope="module")
def stem():
    return search_id.Stemmer(search_id.roots()).stem


# -- The stemmer -------------------------------------------------------------------


@pytest.mark.parametrize(
    "forms",
    [
        # nasal assimilation: meN-/peN- and the bare root meet
        ["menanggulangi", "tanggulangi", "penanggulangan", "ditanggulangi"],
        ["memonitor", "monitor", "dimonitor"],
        ["menyiapkan", "siap", "penyiapan", "disiapkan"],
        ["mengupayakan", "upaya", "diupayakan"],
        ["memahami", "paham", "pemahaman", "dipahami"],
        ["mensupervisi", "supervisi"],
        # roots that only look affixed stay whole
        ["masalah", "permasalahan", "masalahnya"],
        ["kelompok", "pengelompokan", "berkelompok"],
        ["penting", "kepentingan", "mementingkan"],
        # other derivations
        ["pemberdayaan", "memberdayakan", "berdaya", "daya"],
        ["perencanaan", "merencanakan", "rencana"],
        ["kelurahan", "lurah"],
        ["tindakan", "bertindak", "tindak"],
        ["pengawasan", "mengawasi", "awas"],
        # spelling variants and informal reduplication
        ["propinsi", "provinsi"],
        ["aktifitas", "aktivitas"],
        ["kegiatan2", "kegiatan"],
    ],
)
def test_forms_share_a_stem(stem, forms):
    assert {form: stem(form) for form in forms} == {form: stem(forms[0]) for form in forms}


@pytest.mark.parametrize(
    "a, b", [("masalah", "masa"), ("kelompok", "lompok"), ("relawan", "rela"), ("pelaku", "pelan")]
)
def test_distinct_words_keep_distinct_stems(stem, a, b):
    assert stem(a) != stem(b)


@pytest.mark.parametrize("word", ["P2KP", "p2kp", "KBK", "kmw", "2008", "yang", "di"])
def test_acronyms_numbers_and_stopwords_are_kept(stem, word):
    assert stem(word) == word.lower()


def test_stopwords_are_ours_and_plain_indonesian():
    assert {"yang", "dan", "di", "untuk", "adalah"} <= search_id.STOPWORDS
    assert not {"sosialisasi", "masyarakat", "kelompok", "tujuan"} & search_id.STOPWORDS
    assert all(word.isalpha() and word.islower() for word in search_id.STOPWORDS)


# -- Python and JavaScript agree -------------------------------------------------------


def test_python_and_javascript_stem_alike(stem, tmp_path):
    """Every word of the handbook and of hunspell-id gets the same stem from both halves."""
    node = require("node", "nodejs")
    dic = require(HUNSPELL_DIC, "hunspell-id")
    words = {w for path in DOCS.rglob("*.md") for w in re.findall(r"\w+", path.read_text(encoding="utf-8"))}
    for line in Path(dic).read_text(encoding="utf-8", errors="replace").splitlines()[1:]:
        words |= set(re.findall(r"\w+", line.split("/", 1)[0]))
    words = sorted(words)
    assert len(words) > 25_000
    driver = tmp_path / "stem.js"
    driver.write_text(
        f"const stopwords = new Set({json.dumps(sorted(search_id.STOPWORDS))});\n"
        + search_id.js_code()
        + "\nconst stemmer = new Stemmer();\n"
        "const words = require('fs').readFileSync(0, 'utf8').split('\\n').slice(0, -1);\n"
        "process.stdout.write(JSON.stringify(words.map((w) => stemmer.stemWord(w))));\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [node, str(driver)], check=False, input="\n".join(words) + "\n", capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    javascript = json.loads(result.stdout)
    mismatches = [(w, stem(w), js) for w, js in zip(words, javascript, strict=True) if stem(w) != js]
    assert not mismatches, f"{len(mismatches)} words stem differently (word, Python, JS): {mismatches[:20]}"


# -- The extension in a small project ------------------------------------------------------


@pytest.fixture
def project(tmp_path):
    files = {
        "conf.py": 'extensions = ["myst_parser", "faq_catalog", "search_id"]\nlanguage = "id"\n',
        "index.md": "# Beranda\n\n```{toctree}\nfaq/a/index\n```\n",
        "faq/a/index.md": "# Kategori\n\n```{toctree}\nsatu\n```\n",
        "faq/a/satu.md": """\
            ---
            keywords: [relawan, penanggulangan]
            ---
            # Apa tugas relawan?

            Relawan menanggulangi masalah-masalah di kelurahan yang ada di propinsi.
            """,
    }
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return tmp_path


def search_index(app) -> dict:
    text = (app.outdir / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1 : text.rindex(")")])


def test_extension_indexes_indonesian_stems(make_app, project, stem):
    app = make_app("html", srcdir=project)
    app.build()
    assert app.builder.indexer.label() == "Indonesian (code: id)"
    index = search_index(app)
    terms, titles = index["terms"], index["titleterms"]
    assert stem("relawan") in titles  # the question's title
    for word in ("menanggulangi", "masalah", "provinsi", "kelurahan"):
        assert stem(word) in terms, word
    assert "=menanggulangi" in terms  # the exact form, for the exact-match bonus
    assert not {"yang", "di", "ada"} & set(terms)
    assert "relawan" in index["indexentries"]  # keywords, through the catalog


def test_each_word_is_stemmed_once_per_build(make_app, project, monkeypatch):
    """Sphinx memoises stems per page only; the extension keeps them for the whole build."""
    answer = (project / "faq/a/satu.md").read_text(encoding="utf-8").split("\n---\n", 1)[1]
    (project / "faq/a/dua.md").write_text(answer.replace("# Apa tugas", "# Siapa"), encoding="utf-8")
    (project / "faq/a/index.md").write_text("# Kategori\n\n```{toctree}\nsatu\ndua\n```\n", encoding="utf-8")
    calls = collections.Counter()
    original = search_id.Stemmer.stem

    def counted(self, word):
        calls[word] += 1
        return original(self, word)

    monkeypatch.setattr(search_id.Stemmer, "stem", counted)
    app = make_app("html", srcdir=project)
    app.build()
    assert calls["menanggulangi"] == 1 and calls["relawan"] == 1, calls
    assert max(calls.values()) == 1, [word for word, count in calls.items() if count > 1]
    stems = app.builder.indexer.lang._stems
    assert set(stems) == set(calls) and all(
        stems[word] == original(app.builder.indexer.lang.stemmer, word) for word in stems
    )


def test_extension_ships_the_javascript_half(make_app, project):
    app = make_app("html", srcdir=project)
    app.build()
    code = (app.outdir / "_static" / "language_data.js").read_text(encoding="utf-8")
    assert "var Stemmer" in code and "Search._performSearch" in code
    assert '"__ROOTS__"' not in code and "masalah" in code
    assert json.dumps(sorted(search_id.STOPWORDS)) in code
    assert "Menyiapkan pencarian..." in code


def test_query_set_is_large_and_half_unseen():
    unseen = [q for kind, q, _ in QUERIES if kind in search_eval.UNSEEN]
    assert len(QUERIES) >= 60
    assert len(unseen) * 2 >= len(QUERIES)
    assert search_eval.written_in_handbook(QUERIES) == []
    pages = {f"{p.relative_to(DOCS).with_suffix('')}" for p in DOCS.rglob("*.md")}
    assert set(EXPECTED.values()) <= pages


# -- The search page in Chromium ------------------------------------------------------


def run_search(page, query: str) -> list[str]:
    page.goto(f"/search.html?q={query}")
    page.wait_for_function("document.querySelector('#search-results h2') && Search._pulse_status === -1")
    hrefs = page.eval_on_selector_all(
        "#search-results ul.search li > a", "links => links.map(a => a.getAttribute('href'))"
    )
    return [href.removesuffix(".html") for href in hrefs]


@pytest.mark.parametrize(
    "query", ["perencanaan", "mendampingi", "membutuhkan", "kedatangan", "diseminasikan", "monitor"]
)
def test_inflected_query_finds_its_page_first(page, query):
    results = run_search(page, query)
    assert results and results[0] == EXPECTED[query]


def test_results_and_messages_are_indonesian(page):
    results = run_search(page, "relawan")
    assert results[0] == "faq/sosialisasi/siapa-pelaku-sosialisasi"
    assert page.inner_text("#search-results h2") == "Hasil Pencarian"
    assert page.inner_text("#search-results .search-summary") == (
        f"Pencarian selesai, ditemukan {len(results)} halaman yang sesuai dengan kata pencarian."
    )
    assert page.evaluate("Documentation.gettext('Preparing search...')") == "Menyiapkan pencarian..."
    assert page.evaluate("Documentation.gettext('Searching')") == "Mencari"


def test_no_results_message_is_indonesian(page):
    assert run_search(page, "zzqxv") == []
    assert page.inner_text("#search-results .search-summary").startswith("Tidak ada halaman yang sesuai")


def test_partial_match_falls_back_to_best_pages(page):
    results = run_search(page, "relawan bencana")
    assert results[0] == "faq/sosialisasi/siapa-pelaku-sosialisasi"
    assert "memuat sebagian kata" in page.inner_text("#search-results .search-partial")


def test_title_and_keywords_rank_above_body(page):
    # "fasilitator" is a keyword of the "pelaku" question and only body text of "sasaran".
    assert run_search(page, "fasilitator")[:2] == [
        "faq/sosialisasi/siapa-pelaku-sosialisasi",
        "faq/sosialisasi/siapa-sasaran-sosialisasi",
    ]


def test_header_search_box_opens_the_search_page(page):
    page.goto("/index.html")
    page.fill("input[name=q]", "kelompok belajar")
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**/search.html?q=kelompok+belajar*")
    page.wait_for_function("Search._pulse_status === -1")
    assert page.locator("#search-results ul.search li").count() > 0
