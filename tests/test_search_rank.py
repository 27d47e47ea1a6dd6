"""The search's ranking (docs/_ext/search_rank.js): BM25 weighting, listings below questions,
typo correction, acronyms and synonyms; in Node on small made-up indexes, and on the
handbook's search page in Chromium, with the page's weight and layout stability."""

from __future__ import annotations

import gzip
import html
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import search_id
import sphinx
from sphinx.util.console import strip_colors
from support import CHROMIUM, ROOT, require, search_index_of, serve

sys.path.insert(0, str(ROOT / "scripts"))
from lighthouse import CompressingHandler  # noqa: E402 (path above)

SEARCHTOOLS = Path(sphinx.__file__).parent / "themes" / "basic" / "static" / "searchtools.js"


# Made-up words for filler pages: no query of the tests below matches them or is a typo of them.
FILLER_WORDS = [a + b + c for a in ("ba", "ku", "ri") for b in ("lo", "te", "ma", "nu") for c in ("pang", "dur", "sik")]


def filler_pages(count: int) -> dict[str, dict]:
    """Pages about nothing the tests search for, so that an index has the size where a word's
    rarity (idf) and a page's length weigh as they do on the handbook: twelve made-up words each."""
    return {
        f"~isian-{i:02d}": {
            "title": "Lampiran",
            "body": " ".join(FILLER_WORDS[(i * 7 + j * 5) % len(FILLER_WORDS)] for j in range(12)),
        }
        for i in range(count)
    }


def search_index(pages: dict[str, dict], listings=(), filler=0) -> dict:
    """An index made from pages {name: {"title": ..., "body": ..., "keywords": [...], "headings":
    [...]}}, and `filler` filler pages (filler_pages), built the way Sphinx builds it with our
    search language: stems of titles, section headings and bodies, keywords as index entries,
    titles and headings in "alltitles", a term of one page as its number, not a list."""
    language = search_id.SearchIndonesian({})
    pages = pages | filler_pages(filler)
    names = sorted(pages)
    terms: dict[str, set[int]] = {}
    titleterms: dict[str, set[int]] = {}
    entries: dict[str, list] = {}
    alltitles: dict[str, list] = {}
    for number, name in enumerate(names):
        page = pages[name]
        headings = page.get("headings", [])
        for text, table in ((" ".join([page["title"], *headings]), titleterms), (page.get("body", ""), terms)):
            for word in language.split(text):
                if language.word_filter(word):
                    table.setdefault(language.stem(word), set()).add(number)
        for heading in [page["title"], *headings]:
            alltitles.setdefault(heading, []).append([number, None if heading == page["title"] else heading.lower()])
        for keyword in page.get("keywords", []):
            entries.setdefault(keyword.lower(), []).append([number, "", False])
    return {
        "docnames": names,
        "filenames": names,
        "titles": [pages[name]["title"] for name in names],
        "terms": {k: sorted(v) if len(v) > 1 else min(v) for k, v in terms.items()},
        "titleterms": {k: sorted(v) if len(v) > 1 else min(v) for k, v in titleterms.items()},
        "indexentries": entries,
        "alltitles": alltitles,
        "listings": [names.index(name) for name in listings],
    }


def rank(queries: list[str], pages: dict[str, dict], synonyms=(), listings=(), filler=0) -> list[dict]:
    """Run idRank in Node over the index of `pages` (search_index). Each query gives {"pages":
    names in the order shown, "missing": the query's words each lacks, "corrected": ...,
    "partial": ..., "used": the stems it searched, which the results highlight}."""
    index = search_index(pages, listings, filler)
    each = """(q) => {
        const { ranked, corrected, partial, usedStems } = idRank(index, q);
        const pages = ranked.reverse().map((p) => index.docnames[p.file]);
        return { pages, missing: ranked.map((p) => p.missing), corrected, partial, used: [...usedStems].sort() };
    }"""
    return node_json(f"{json.dumps(queries)}.map({each})", f"const index = {json.dumps(index)};", synonyms)


def node_json(expression: str, setup: str = "", synonyms=()) -> object:
    """The value of a JavaScript expression, run in Node after `setup` and the search's code
    (Sphinx's searchtools.js, the stemmer and the ranking, with these synonym groups)."""
    node = require("node", "nodejs")
    script = "\n".join(
        [
            "const _ready = () => {};",
            SEARCHTOOLS.read_text(encoding="utf-8"),
            f"const stopwords = new Set({json.dumps(sorted(search_id.STOPWORDS))});",
            search_id.js_code(synonyms=[list(group) for group in synonyms]),
            setup,
            f"process.stdout.write(JSON.stringify({expression}));",
        ]
    )
    result = subprocess.run([node, "-"], input=script, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


FILLER = "Dokumen ini menjelaskan kegiatan program secara umum bagi pembaca. " * 12


def test_rare_query_word_counts_more_than_a_common_one():
    pages = {f"umum{i}": {"title": f"Halaman {i}", "body": "kegiatan warga " + FILLER} for i in range(6)}
    pages["a"] = {"title": "Catatan A", "body": "kegiatan warga"}  # the common word only
    pages["b"] = {"title": "Catatan B", "body": "pembukuan"}  # the rare word only
    [result] = rank(["kegiatan pembukuan"], pages)
    assert result["pages"][0] == "b"


def test_long_page_does_not_win_by_length():
    pages = {
        "pendek": {"title": "Iuran", "body": "Iuran anggota dibayar setiap bulan."},
        "panjang": {"title": "Catatan", "body": "Iuran anggota dibayar setiap bulan. " + FILLER * 4},
    }
    [result] = rank(["iuran bulan"], pages)
    assert result["pages"] == ["pendek", "panjang"]


def test_title_and_keywords_outweigh_the_body():
    pages = {
        "judul": {"title": "Apa itu arisan?", "body": "Penjelasan singkat."},
        "kata-kunci": {"title": "Pertemuan warga", "body": "Penjelasan singkat.", "keywords": ["arisan"]},
        "isi": {"title": "Kegiatan", "body": "Ada arisan setiap bulan."},
    }
    [result] = rank(["arisan"], pages)
    assert result["pages"] == ["judul", "kata-kunci", "isi"]


def test_a_listing_follows_the_questions_matching_as_many_words_or_worth_more():
    """A listing holding all three words (in a long body) comes before a question holding one
    weakly, after one holding all three though worth less (a longer body), and after one worth
    more though holding one."""
    other_words = " ".join(f"isi{i}" for i in range(60))
    pages = {
        "tentang": {"title": "Tentang program", "body": f"Alamat kantor pusat program. {other_words}"},
        "kuat": {"title": "Pusat", "keywords": ["pusat"], "headings": ["Pusat"], "body": "Pusat."},
        "kecil": {"title": "Jam buka", "body": "Kantor kelurahan buka setiap hari."},
    }
    scattered = f"Alamat baru. {other_words} {other_words.replace('isi', 'lain')} Kantor pusat pindah."
    also_all = {"sama": {"title": "Catatan rapat", "body": scattered}}
    query = ["alamat kantor pusat"]
    [alone], [beside] = (rank(query, p, listings=["tentang"], filler=20) for p in (pages, pages | also_all))
    assert alone["pages"] == ["kuat", "tentang", "kecil"]
    assert beside["pages"] == ["kuat", "sama", "tentang", "kecil"]
    # Listings after the same question keep their order by value; each follows its own question.
    more_listings = {
        "ulasan": {"title": "Ulasan", "body": f"{scattered} {other_words.replace('isi', 'ulas')}"},
        "beranda": {"title": "Beranda", "body": "Kantor."},
    }
    [several] = rank(query, pages | more_listings, listings=["tentang", "ulasan", "beranda"], filler=20)
    assert several["pages"] == ["kuat", "tentang", "ulasan", "kecil", "beranda"]


def test_a_section_heading_holding_the_query_counts_more_than_scattered_words():
    for first, second in (("Catatan A", "Catatan B"), ("Catatan B", "Catatan A")):  # either title sorts first
        pages = {
            "bersama": {"title": first, "headings": ["Iuran bulanan", "Jadwal"]},
            "terpisah": {"title": second, "headings": ["Iuran", "Jadwal bulanan"]},
        }
        [result] = rank(["iuran bulanan"], pages)
        assert result["pages"] == ["bersama", "terpisah"]


def test_question_pages_rank_above_listings():
    pages = {
        "beranda": {"title": "Relawan", "body": "Daftar pertanyaan tentang relawan dan tugas relawan."},
        "tanya": {"title": "Siapa yang membantu?", "body": "Relawan membantu warga."},
    }
    [result] = rank(["relawan"], pages, listings=["beranda"])
    assert result["pages"] == ["tanya", "beranda"]
    [result] = rank(["relawan"], pages)  # the same pages, neither a listing: the title wins
    assert result["pages"] == ["beranda", "tanya"]


def test_a_page_holding_every_word_comes_before_one_lacking_the_rarest():
    """No page is left out for lacking a word of the query, but the page holding both words
    ranks above the one lacking the rarer, though that one has the other word in its title.
    (A sentence is another matter: its words cover that title whole, see the coverage tests.)"""
    pages = {
        "semua": {"title": "Catatan", "body": "Warga menabung di koperasi setiap bulan."},
        "sebagian": {"title": "Koperasi warga", "body": "Aturan koperasi warga setiap bulan."},
    }
    short, sentence = rank(["menabung koperasi", "warga menabung di koperasi setiap bulan"], pages, filler=20)
    assert short["pages"] == ["semua", "sebagian"] and not short["partial"]
    assert short["missing"] == [[], ["menabung"]]
    assert sorted(sentence["pages"]) == ["sebagian", "semua"] and not sentence["partial"]


@pytest.mark.parametrize(
    ("typo", "word"),
    [
        ("pemberdayan", "pemberdayaan"),  # a deleted letter
        ("kelurhan", "kelurahan"),
        ("pmeberdayaan", "pemberdayaan"),  # two letters swapped: one edit
        ("pemberdajaan", "pemberdayaan"),  # a wrong letter
        ("pemberdyaaan", "pemberdayaan"),  # two edits: long words only
    ],
)
def test_typo_is_corrected_to_the_closest_index_word(typo, word):
    pages = {
        "a": {"title": "Pemberdayaan", "body": "Pemberdayaan masyarakat kelurahan."},
        "b": {"title": "Pendataan", "body": "Pendataan warga."},
    }
    [result] = rank([typo], pages)
    assert result["corrected"] == word
    assert result["pages"][0] == "a"


def test_short_words_take_one_edit_and_known_words_are_never_corrected():
    pages = {
        "a": {"title": "Dana", "body": "Dana bantuan warga."},
        "b": {"title": "Data", "body": "Data warga."},
    }
    found = rank(["dana", "data", "dnaa", "dxxa"], pages)
    assert [r["corrected"] for r in found] == [None, None, "dana", None]
    assert found[0]["pages"] == ["a"] and found[1]["pages"] == ["b"]


def test_typo_in_an_older_spelling_or_a_reduplication_is_corrected():
    """propini is one edit from propinsi, the older spelling of the index word provinsi;
    organissi2 is organisasi written reduplicated (organisasi2), with a letter missing."""
    pages = {
        "a": {"title": "Provinsi", "body": "Tugas provinsi."},
        "b": {"title": "Organisasi", "body": "Organisasi warga."},
    }
    found = rank(["propini", "organissi2"], pages)
    assert [r["corrected"] for r in found] == ["propinsi", "organisasi"]
    assert [r["pages"] for r in found] == [["a"], ["b"]]


def test_acronym_and_expansion_find_each_other():
    pages = {
        "singkat": {"title": "Tugas KBK", "body": "KBK bertemu setiap bulan."},
        "panjang": {"title": "Pertemuan", "body": "Kelompok Belajar Kelurahan bertemu setiap bulan."},
        "lain": {"title": "Kelompok", "body": "Kelompok tani belajar."},
    }
    groups = [["KBK", "Kelompok Belajar Kelurahan"]]
    by_acronym, by_expansion = rank(["KBK", "kelompok belajar kelurahan"], pages, synonyms=groups)
    assert set(by_acronym["pages"]) == {"singkat", "panjang"}
    assert set(by_expansion["pages"][:2]) == {"singkat", "panjang"}
    [plain] = rank(["KBK"], pages)  # without the group, the acronym finds only itself
    assert plain["pages"] == ["singkat"]


def test_synonyms_find_each_other():
    pages = {
        "a": {"title": "Memantau kegiatan", "body": "Cara memantau."},
        "b": {"title": "Monitor kegiatan", "body": "Cara monitor."},
    }
    pantau, monitor = rank(["pantau", "monitor"], pages, synonyms=[["pantau", "monitor"]])
    assert pantau["pages"][0] == "a" and set(pantau["pages"]) == {"a", "b"}
    assert monitor["pages"][0] == "b" and set(monitor["pages"]) == {"a", "b"}


def test_words_copied_from_a_pdf_or_a_web_page_are_found():
    """A ligature, full-width letters or an invisible character inside a query word (as text
    copied from the PDF handbook or a phone keyboard carries) is the plain word."""
    pages = {
        "a": {"title": "Efisiensi anggaran", "body": "Anggaran dipakai secara efisien."},
        "b": {"title": "Kemiskinan kota", "body": "Warga miskin di kota."},
    }
    found = rank(
        ["e\ufb01siensi", "kemis\u00adkinan", "\uff2d\uff29\uff33\uff2b\uff29\uff2e", "kemis\u200bkinan"], pages
    )
    assert [result["pages"] for result in found] == [["a"], ["b"], ["b"], ["b"]]
    assert all(result["corrected"] is None for result in found)


def test_query_words_that_name_javascript_properties_are_plain_words():
    """A query word such as "constructor" is looked up like any other word, in every table."""
    pages = {
        "a": {"title": "Pendataan", "body": "Tentang constructor.", "keywords": ["constructor"]},
        "b": {"title": "Kemiskinan kota", "body": "Warga miskin di kota."},
    }
    found = rank(["constructor", "__proto__", "toString", "hasOwnProperty miskin"], pages)
    assert [result["pages"] for result in found] == [["a"], [], [], ["b"]]


def test_a_query_counts_its_first_32_words():
    """A pasted page is a query of its first 32 words (stopwords aside), as web search engines
    do: here the 33rd word, the only one on page b, is left out."""
    pages = {"a": {"title": "Dana", "body": "Dana."}, "b": {"title": "Kota", "body": "Kota."}}
    [pasted, sentence] = rank(["dana " * 32 + "kota", "dana " * 31 + "kota"], pages)
    assert pasted["pages"] == ["a"]
    assert sentence["pages"] == ["a", "b"]


# -- Rules that decide the order on an index of the handbook's size ----------------------------
# Among 20 filler pages a word found on one or two pages is rare (idf) and a page's length is
# measured against a real average, so that each test below turns on the one rule it names.


def test_a_title_weighs_more_than_a_keyword_and_a_keyword_more_than_the_body():
    """Field weights title 3 > keyword 2 > body 1, on pages of equal length: the long titles
    keep the title coverage bonus small, so the field weight decides (the last page's title
    sorts first)."""
    pages = {
        "judul": {"title": "Jadwal zakat pengurus rukun tetangga kampung baru", "body": "Penjelasan singkat warga."},
        "kunci": {
            "title": "Jadwal rapat pengurus rukun tetangga kampung baru",
            "body": "Penjelasan singkat warga.",
            "keywords": ["zakat"],
        },
        "isi": {"title": "Jadwal piket pengurus rukun tetangga kampung baru", "body": "Penjelasan singkat zakat."},
    }
    [result] = rank(["zakat"], pages, filler=20)
    assert result["pages"] == ["judul", "kunci", "isi"]


def test_the_word_as_written_gains_on_another_form_of_it():
    """A page with the query's very word (perencanaan) ranks above one with another form of
    its stem (merencanakan), though its title sorts after."""
    pages = {
        "persis": {"title": "Catatan rapat", "body": "Perencanaan kegiatan warga."},
        "bentuk": {"title": "Agenda rapat", "body": "Merencanakan kegiatan warga."},
    }
    alone, after = rank(["perencanaan", "warga perencanaan"], pages, filler=20)
    assert alone["pages"] == after["pages"] == ["persis", "bentuk"]
    # Likewise for a word of a synonym group, wherever it stands in the query.
    pages = {
        "persis": {"title": "Catatan rapat", "body": "Pemantauan kegiatan warga."},
        "bentuk": {"title": "Agenda rapat", "body": "Memantau kegiatan warga."},
    }
    [result] = rank(["warga pemantauan"], pages, synonyms=[["pemantauan", "monitor"]], filler=20)
    assert result["pages"] == ["persis", "bentuk"]


def test_page_length_counts_its_stems_not_the_forms_also_indexed_as_written():
    """Both pages have four body stems; the derived words of the first are also indexed as
    written (=pembukuan), which must not make it a longer page: the tie goes to its title."""
    pages = {
        "turunan": {"title": "Berita", "body": "zakat pembukuan pendaftaran pendataan"},
        "dasar": {"title": "Berkas", "body": "zakat buku daftar data"},
    }
    [result] = rank(["zakat"], pages, filler=20)
    assert result["pages"] == ["turunan", "dasar"]


def test_a_long_page_scores_lower_than_a_short_one_with_the_same_words():
    """BM25 length normalisation (b): the same body occurrence weighs less on a longer page,
    even when the longer page's title sorts first."""
    pages = {
        "pendek": {"title": "Berita", "body": "zakat warga"},
        "panjang": {"title": "Agenda", "body": "zakat warga rapat jadwal tempat hadir buku minggu kas hadiah lestari"},
    }
    [result] = rank(["zakat"], pages, filler=20)
    assert result["pages"] == ["pendek", "panjang"]


def test_length_normalisation_is_against_the_average_page():
    """BM25 divides a page's length by the average length: a page of 37 words holding zakat as
    keyword and in the body ranks below a page of two words holding it once in the body."""
    pages = {
        "panjang": {"title": "Berita", "keywords": ["zakat"], "body": "zakat " + " ".join(FILLER_WORDS)},
        "pendek": {"title": "Agenda", "body": "zakat warga"},
    }
    [result] = rank(["zakat"], pages, filler=20)
    assert result["pages"] == ["pendek", "panjang"]


def test_repeating_a_word_in_more_fields_saturates():
    """BM25 saturation (k1): a word in two fields (keyword and body: weight 3) scores about 1.2
    times a word in the body alone on these short pages with k1 = 1.2 (1.05 with k1 = 0.3,
    1.4 with 3, over 2 without saturation). The titles hold no query word, so that no
    coverage bonus adds to the scores."""
    pages = {
        "dua": {"title": "Catatan rapat", "keywords": ["arisan"], "body": "arisan kas"},
        "satu": {"title": "Catatan rapat", "body": "arisan kas"},
    }
    scores = node_json(
        "Object.fromEntries(idRank(index, 'arisan').ranked.map((p) => [index.docnames[p.file], p.score]))",
        f"const index = {json.dumps(search_index(pages, filler=20))};",
    )
    assert 1.1 < scores["dua"] / scores["satu"] < 1.3


def test_a_rare_word_outweighs_a_common_one_of_equal_length_pages():
    """idf: among pages each matching one word of the query, the page with the word found on
    one page ranks above the page with a word found on five, though its title sorts after."""
    pages = {f"umum{i}": {"title": "Lampiran umum", "body": "arisan"} for i in range(4)}
    pages["biasa"] = {"title": "Berita", "body": "arisan warga"}
    pages["langka"] = {"title": "Catatan", "body": "zakat warga"}
    [result] = rank(["arisan zakat"], pages, filler=20)
    assert result["pages"][:2] == ["langka", "biasa"]


def test_title_coverage_counts_the_titles_words_but_not_its_stopwords():
    """A title the query covers whole ("Mengapa ada arisan?": its stopwords do not count)
    gains on a title it covers half ("Catatan arisan"), though that one sorts first."""
    pages = {
        "ringkas": {"title": "Mengapa ada arisan?", "body": "Penjelasan singkat warga."},
        "rinci": {"title": "Catatan arisan", "body": "Penjelasan singkat."},
    }
    [result] = rank(["arisan"], pages, filler=20)
    assert result["pages"] == ["ringkas", "rinci"]


def test_heading_coverage_is_shared_by_the_query_words():
    """A section heading holding one of two query words earns half of what a title holding
    it alone does: coverage is divided by the query's size."""
    pages = {
        "bagian": {"title": "Catatan", "headings": ["Iuran"], "body": "bulanan"},
        "judul": {"title": "Iuran", "body": "bulanan kas"},
    }
    [result] = rank(["iuran bulanan"], pages, filler=20)
    assert result["pages"] == ["judul", "bagian"]


def test_heading_coverage_takes_the_best_heading_not_the_sum():
    """Two headings holding one query word each are worth one of them, less than a heading
    holding both words (with a third)."""
    pages = {
        "pecah": {"title": "Catatan kas", "headings": ["Iuran", "Bulanan"], "body": "warga"},
        "utuh": {"title": "Catatan rapat", "headings": ["Iuran bulanan warga"]},
    }
    [result] = rank(["iuran bulanan"], pages, filler=20)
    assert result["pages"] == ["utuh", "pecah"]


def test_the_page_title_is_no_section_heading():
    """A title counts once, by title coverage: it does not earn the heading bonus too."""
    pages = {
        "judul": {"title": "Iuran bulanan warga", "body": ""},
        "bagian": {"title": "Catatan", "headings": ["Iuran bulanan"]},
    }
    [result] = rank(["iuran bulanan"], pages, filler=20)
    assert result["pages"] == ["bagian", "judul"]


def test_ties_go_to_the_title_first_in_alphabetical_order_whatever_its_case():
    pages = {
        "x": {"title": "Zakat", "body": "kas"},
        "y": {"title": "arisan", "body": "kas"},
    }
    [result] = rank(["kas"], pages, filler=20)
    assert result["pages"] == ["y", "x"]


def test_typo_correction_rules():
    """Which words are corrected, and to what:
    - a wrong letter is one edit (dena: dana);
    - a tie between two words at the same distance goes to the one found on more pages,
      counted in the table where it is found most (dafa: dana on 3 pages, not data on 2);
    - words under 4 letters (dna) and words with digits (dana7) are never corrected, and
      index words with digits (lantai3) are no corrections;
    - two edits only from 8 letters up (anggeren: anggaran; angaren is left alone);
    - a word known only as a keyword (lumbung), or whose stem is known (pendataan: data), is
      no typo."""
    pages = {
        "b": {"title": "Catatan", "body": "data warga"},
        "c": {"title": "Dana desa", "body": "dana"},
        "d": {"title": "Berita", "body": "dana"},
        "e": {"title": "Berkas", "body": "dana"},
        "f": {"title": "Agenda", "body": "data"},
        "g": {"title": "Gedung", "body": "lantai3"},
        "h": {"title": "Anggaran", "body": "anggaran kelurahan"},
        "i": {"title": "Gudang padi", "body": "padi", "keywords": ["lumbung"]},
        "j": {"title": "Pohon", "body": "lumbang"},
        "k": {"title": "Pendapatan", "body": "pendapatan"},
    }
    queries = ["dena", "dafa", "dna", "dana7", "lantais", "anggeren", "angaren", "lumbung", "pendataan"]
    found = dict(zip(queries, rank(queries, pages), strict=True))
    assert {q: r["corrected"] for q, r in found.items()} == {
        "dena": "dana",
        "dafa": "dana",
        "dna": None,
        "dana7": None,
        "lantais": None,
        "anggeren": "anggaran",
        "angaren": None,
        "lumbung": None,
        "pendataan": None,
    }
    assert found["dafa"]["pages"][0] in {"c", "d", "e"}
    assert [found[q]["pages"] for q in ("dna", "dana7", "lantais", "angaren")] == [[], [], [], []]
    assert found["lumbung"]["pages"] == ["i"]
    assert sorted(found["pendataan"]["pages"]) == ["b", "f"]


def test_edit_distance_counts_a_transposition_as_one_edit():
    """Optimal string alignment: two neighbouring letters swapped are one edit (wraga: warga),
    a letter moved further is more (ca: abc is 3, not 2), and past `max` the distance is max + 1."""
    pairs = [
        ["wraga", "warga", 2],
        ["kelruahan", "kelurahan", 2],
        ["abcd", "badc", 3],
        ["ca", "abc", 3],
        ["dana", "data", 2],
        ["dana", "danau", 1],
        ["anggaran", "angkerun", 1],
        ["anggaran", "anggota", 5],
    ]
    distances = node_json(f"{json.dumps(pairs)}.map(([a, b, max]) => idDistance(a, b, max))")
    assert distances == [1, 1, 2, 3, 1, 1, 2, 3]


def test_more_typo_rules():
    """- a transposition is one edit (wraga: warga);
    - the closest word wins over a commoner one further away (anggaren: anggaran, one edit, not
      angkarun, two edits, on two pages);
    - a word or index word starting with a digit is neither corrected nor a correction (7dana;
      lantai is not corrected to 4lantai), and is searched as written (4lantai); a digit inside
      a word is no reduplication (anggaran2x);
    - an older spelling (propinsi) is a correction only where the index has its standard word;
    - the notice gives the whole query as searched (dena warga: dana warga)."""
    pages = {
        "a": {"title": "Dana", "body": "dana warga"},
        "b": {"title": "Anggaran", "body": "anggaran"},
        "g": {"title": "Gedung", "body": "4lantai"},
        "z1": {"title": "Catatan", "body": "angkarun"},
        "z2": {"title": "Berkas", "body": "angkarun"},
    }
    queries = ["wraga", "anggaren", "7dana", "lantai", "4lantai", "anggaran2x", "propimsi", "dena warga"]
    found = dict(zip(queries, rank(queries, pages), strict=True))
    assert {q: r["corrected"] for q, r in found.items()} == {
        "wraga": "warga",
        "anggaren": "anggaran",
        "7dana": None,
        "lantai": None,
        "4lantai": None,
        "anggaran2x": None,
        "propimsi": None,
        "dena warga": "dana warga",
    }
    assert found["4lantai"]["pages"] == ["g"]


def test_keywords_sharing_a_word_find_every_page_they_name():
    """Two keyword entries with a word in common (dana bergulir, dana hibah): the word finds
    the pages of both."""
    pages = {
        "a": {"title": "Pinjaman", "keywords": ["dana bergulir"], "body": "pinjaman warga"},
        "b": {"title": "Bantuan", "keywords": ["dana hibah"], "body": "bantuan warga"},
    }
    [result] = rank(["dana"], pages, filler=20)
    assert sorted(result["pages"]) == ["a", "b"]


def test_a_synonym_phrase_is_matched_whole_and_before_a_shorter_member():
    """With the groups [kas, tabungan] and [kas desa, dana desa], the query "kas desa" is the
    phrase (pages with dana desa), not kas and desa apart (tabungan desa); "kas" alone is the
    one-word member, not the first word of the phrase."""
    groups = [["kas", "tabungan"], ["kas desa", "dana desa"]]
    pages = {
        "a": {"title": "Catatan", "body": "dana desa"},
        "b": {"title": "Berkas", "body": "tabungan desa"},
    }
    phrase, word = rank(["kas desa", "kas"], pages, synonyms=groups, filler=20)
    assert phrase["pages"] == ["a"]
    assert word["pages"] == ["b"]


def test_a_phrase_alternative_scores_all_its_words():
    """A page holding a phrase synonym (dana desa, for kas) scores both its words, so that it
    ranks above a page holding kas once; a phrase missing from every page adds none of its words
    to those searched (highlighted)."""
    pages = {
        "a": {"title": "Catatan", "body": "kas"},
        "b": {"title": "Berita", "body": "dana desa"},
    }
    [result] = rank(["kas"], pages, synonyms=[["kas", "dana desa"]], filler=20)
    assert result["pages"] == ["b", "a"]
    assert result["used"] == ["dana", "desa", "kas"]
    [result] = rank(["kas"], pages, synonyms=[["kas", "hibah dana"]], filler=20)  # hibah is on no page
    assert result["pages"] == ["a"] and result["used"] == ["kas"]


def test_a_page_is_scored_by_its_best_alternative_whichever_comes_first():
    """pantau on a short page beats the same word on a longer page, though the short page also
    holds the synonym monitor, common and so weak: the best alternative counts, not the last."""
    pages = {f"c{i}": {"title": "Lampiran", "body": "monitor"} for i in range(5)}
    pages["p"] = {"title": "Berita", "body": "pantau monitor"}
    pages["q"] = {"title": "Agenda", "body": "pantau rapat jadwal hadir"}
    [result] = rank(["pantau"], pages, synonyms=[["pantau", "monitor"]], filler=20)
    assert result["pages"][:2] == ["p", "q"]


def test_a_title_covered_whole_beats_a_long_heading_covered_half():
    """Heading coverage is the share of the heading covered, squared down by its length: two
    words of a four-word heading earn less than a title of exactly those words."""
    pages = {
        "h": {"title": "Catatan", "headings": ["Iuran bulanan warga kampung"]},
        "t": {"title": "Iuran bulanan"},
    }
    [result] = rank(["iuran bulanan"], pages, filler=20)
    assert result["pages"] == ["t", "h"]


def test_a_title_of_stopwords_only_is_ranked_like_any_other():
    """A page titled with stopwords only ("Apa itu?": no title stems) gets no title bonus, and
    its score stays a number: it ranks below a shorter page with the same word."""
    pages = {
        "b": {"title": "Berkas", "body": "arisan"},
        "zz": {"title": "Apa itu?", "body": "arisan rapat jadwal hadir kas"},
    }
    [result] = rank(["arisan"], pages, filler=20)
    assert result["pages"] == ["b", "zz"]


def test_numbers_are_query_words_stopwords_are_not_and_partial_says_when_words_are_missing():
    """A number is a word of the query (a page titled with it ranks first; one found nowhere is
    a word the results lack); a stopword is none. The partial flag (the notice "no page holds
    every word") is set only when every result lacks a word of the query."""
    pages = {
        "a": {"title": "Arisan", "body": "Arisan warga setiap bulan."},
        "b": {"title": "Zakat", "body": "Zakat fitrah."},
        "c13": {"title": "Cetak buku 13 halaman", "body": "Buku kecil."},
        "c16": {"title": "Cetak buku 16 halaman", "body": "Buku kecil."},
    }
    queries = ["arisan", "arisan 2024", "apa itu arisan", "arisan zakat", "qwxz", "cetak buku 16 halaman"]
    found = rank(queries, pages)
    assert [(sorted(r["pages"]), r["partial"]) for r in found[:5]] == [
        (["a"], False),
        (["a"], True),
        (["a"], False),
        (["a", "b"], True),
        ([], False),
    ]
    assert found[1]["missing"] == [["2024"]]
    assert found[5]["pages"] == ["c16", "c13"] and found[5]["missing"] == [[], ["16"]]


def test_each_result_names_the_query_words_its_page_lacks_as_searched():
    """As corrected (zakkat: zakat), a phrase as one (a synonym group's member), stopwords
    never; a page holding every word lacks none."""
    pages = {
        "a": {"title": "Arisan", "body": "Arisan warga setiap bulan."},
        "b": {"title": "Zakat", "body": "Zakat fitrah. Kelompok belajar kelurahan."},
    }
    groups = [["KBK", "Kelompok Belajar Kelurahan"]]
    typo, phrase, both = rank(
        ["arisan yang zakkat", "kelompok belajar kelurahan arisan", "zakat fitrah"], pages, synonyms=groups
    )
    assert dict(zip(typo["pages"], typo["missing"], strict=True)) == {"a": ["zakat"], "b": ["arisan"]}
    assert dict(zip(phrase["pages"], phrase["missing"], strict=True)) == {
        "a": ["kelompok belajar kelurahan"],
        "b": ["arisan"],
    }
    assert both["pages"] == ["b"] and both["missing"] == [[]]


def test_a_word_found_nowhere_matches_the_words_it_begins():
    """A stem of more than 3 letters found nowhere (and no typo of an index word) matches the
    index words beginning with it, at half the weight of a body occurrence: a page matching
    the other word in its body ranks first. A stem of 3 letters matches nothing."""
    pages = {
        "awal": {"title": "Catatan", "body": "koperasi"},
        "utuh": {"title": "Berita", "body": "zakat"},
    }
    prefix, partial, short = rank(["kopera", "kopera zakat", "zak"], pages, filler=20)
    assert prefix["pages"] == ["awal"] and prefix["corrected"] is None
    assert partial["pages"] == ["utuh", "awal"]
    assert short["pages"] == []


def test_keywords_are_normalised_like_the_query():
    """An index text (here a keyword with a soft hyphen, as pasted from a PDF) is read
    as the query is: koperasi finds it."""
    pages = {
        "a": {"title": "Catatan", "body": "Simpan pinjam.", "keywords": ["kope\u00adrasi"]},
        "b": {"title": "Berita", "body": "Zakat warga."},
    }
    [result] = rank(["koperasi"], pages)
    assert result["pages"] == ["a"] and result["corrected"] is None


def test_a_phrase_synonym_needs_all_its_words_and_the_longest_member_wins():
    """KBK matches the pages holding all three words of Kelompok Belajar Kelurahan, not
    those lacking the first or a middle one (even one no page has); the query "kelompok
    belajar kelurahan" is the three-word member, not the one-word member kelompok of another
    group."""
    groups = [["KBK", "Kelompok Belajar Kelurahan"], ["kelompok", "grup"]]
    pages = {
        "singkat": {"title": "Tugas KBK", "body": "KBK bertemu."},
        "panjang": {"title": "Pertemuan", "body": "Kelompok Belajar Kelurahan bertemu."},
        "tanpa-awal": {"title": "Catatan", "body": "Belajar di kelurahan."},
    }
    by_acronym, by_expansion = rank(["KBK", "kelompok belajar kelurahan"], pages, synonyms=groups, filler=20)
    assert sorted(by_acronym["pages"]) == ["panjang", "singkat"]
    assert sorted(by_expansion["pages"]) == ["panjang", "singkat"]
    pages = {
        "singkat": {"title": "Tugas KBK", "body": "KBK bertemu."},
        "tanpa-tengah": {"title": "Catatan", "body": "Kelompok tani kelurahan."},  # "belajar" is on no page
    }
    [by_acronym] = rank(["KBK"], pages, synonyms=groups, filler=20)
    assert by_acronym["pages"] == ["singkat"]


def test_a_page_with_a_word_and_its_synonym_scores_the_better_of_the_two():
    """A page is scored by the best alternative of a query word (max), not by the sum of all:
    monitor beside pantau does not lift a page above one with pantau as keyword and in the body."""
    pages = {
        "satu": {"title": "Catatan rapat", "keywords": ["pantau"], "body": "pantau warga"},
        "keduanya": {"title": "Berita rapat", "body": "pantau monitor"},
    }
    [result] = rank(["pantau"], pages, synonyms=[["pantau", "monitor"]], filler=20)
    assert result["pages"] == ["satu", "keduanya"]


def test_a_synonym_is_as_rare_as_the_pages_holding_it():
    """The bonus for the query's word as written (=pantau) goes to the pages holding the
    alternative's stem only: the pages with pantau do not count towards the rarity of its
    synonym monitor, which, as keyword and in the body of one page, ranks first."""
    pages = {
        "m": {"title": "Catatan rapat", "keywords": ["monitor"], "body": "monitor"},
        "p1": {"title": "Berita rapat", "body": "pantau"},
        "p2": {"title": "Agenda rapat", "body": "pantau"},
    }
    [result] = rank(["pantau"], pages, synonyms=[["pantau", "monitor"]], filler=20)
    assert result["pages"][0] == "m" and sorted(result["pages"]) == ["m", "p1", "p2"]


def compost_pages(common_pages: int) -> dict[str, dict]:
    """kompos and sampah on common_pages + 1 pages, bibit, daur and pupuk on one each."""
    common = "kompos sampah warga rapat jadwal tempat hadir minggu"
    pages = {f"umum{i}": {"title": "Lampiran umum", "body": common} for i in range(common_pages)}
    return pages | {
        "semua": {"title": "Catatan", "body": "kompos sampah bibit warga rapat jadwal tempat hadir"},
        "daur": {"title": "Daur ulang", "keywords": ["daur"], "body": "daur"},
        "pupuk": {"title": "Agenda", "body": "pupuk warga rapat jadwal tempat hadir"},
    }


def test_every_page_matching_a_word_is_a_result_and_partial_says_when_none_has_all():
    """Short query or sentence, every page matching one of its words is listed. A rare word
    matched strongly (title, keyword, body) outweighs two common words."""
    queries = ["kompos sampah bibit", "kompos sampah daur", "kompos sampah daur lestari"]
    everything, no_page_all, sentence = rank(queries, compost_pages(12), filler=20)
    assert everything["pages"][0] == "semua" and len(everything["pages"]) == 13 and not everything["partial"]
    assert no_page_all["pages"][0] == "daur" and len(no_page_all["pages"]) == 14 and no_page_all["partial"]
    assert sentence["pages"][0] == "daur" and len(sentence["pages"]) == 14 and sentence["partial"]


def test_the_words_matched_count_by_their_square_root():
    """A page's score is multiplied by the square root of the number of words it matches: a
    rare word in a body beats two words found on 13 pages (times the number, they would win),
    but not two words found on 7 (with no multiplier, it would)."""
    rare_wins, common_win = (rank(["kompos sampah pupuk"], compost_pages(n), filler=20)[0] for n in (12, 6))
    assert rare_wins["pages"][:2] == ["pupuk", "semua"]
    assert common_win["pages"][:2] == ["semua", "umum0"]


def one_page_project(path: Path) -> None:
    """A project of one page with only the search extension."""
    (path / "conf.py").write_text('extensions = ["search_id"]\nlanguage = "id"\n', encoding="utf-8")
    (path / "index.rst").write_text("Beranda\n=======\n\nIsi.\n", encoding="utf-8")


def test_synonym_file_is_read_and_checked(make_app, tmp_path):
    one_page_project(tmp_path)
    (tmp_path / "sinonim.yml").write_text("- [pantau, monitor]\n- [sendirian]\n", encoding="utf-8")
    app = make_app("html", srcdir=tmp_path)
    app.build()
    code = (app.outdir / "_static" / "language_data.js").read_text(encoding="utf-8")
    assert 'const ID_SYNONYMS = [["pantau", "monitor"]];' in code
    assert "sinonim.yml:2: WARNING: Kelompok sinonim ke-2 harus berupa daftar dua kata atau frasa atau lebih" in (
        strip_colors(app.warning.getvalue())
    )


@pytest.mark.parametrize(
    ("text", "where"),
    [("- [pantau, monitor\n", "sinonim.yml:2"), ("- [pantau, monitor]\n- [pantau, \x07]\n", "sinonim.yml:2")],
    ids=["unclosed", "control-character"],
)
def test_a_synonym_file_that_is_no_yaml_is_reported(make_app, tmp_path, text, where):
    """Also for errors without a position (a character YAML cannot read): a warning, not a crash."""
    one_page_project(tmp_path)
    (tmp_path / "sinonim.yml").write_text(text, encoding="utf-8")
    app = make_app("html", srcdir=tmp_path)
    app.build()
    assert f"{where}: WARNING: Berkas sinonim.yml bukan YAML yang sah" in strip_colors(app.warning.getvalue())


# Mistakes in the synonym file after a good group: each a warning at its line that says what to do, never a crash;
# the good group stays, and a group that could not work (one word, a word never searched) is left out.
SYNONYM_MISTAKES = {
    "not-utf8": ("- [caf\xe9, kedai]\n".encode("latin-1"), 2, "Berkas ini tidak tersimpan dalam encoding UTF-8", False),
    "impossible-date": ("- [tanggal, 2021-99-99]\n", 2, "Berkas sinonim.yml bukan YAML yang sah: month must be", False),
    "nested-too-deep": ("- " + "[" * 2000 + "]" * 2000 + "\n", 1, "Berkas sinonim.yml bersarang terlalu dalam", False),
    "alias": (
        "- &x [relawan, sukarelawan]\n",
        2,
        "Berkas sinonim.yml tidak boleh memakai anchor atau alias YAML",
        False,
    ),
    "yes-no": ("- [tidak, no]\n", 2, "Nilai 'no' di kolom 'sinonim' dibaca YAML sebagai ya/tidak (boolean)", True),
    "same-word-twice": ("- [relawan, Rela\u00adwan]\n", 2, "'Relawan' ditulis dua kali di kelompok sinonim ke-2", True),
    "stopword": (
        "- [dan, serta]\n",
        2,
        "'dan' di kelompok sinonim ke-2 adalah kata umum yang tidak pernah dicari",
        True,
    ),
    "one-letter": ("- [f, fasilitator]\n", 2, "'f' di kelompok sinonim ke-2 adalah kata umum", True),
}


@pytest.mark.parametrize(("added", "line", "message", "read"), SYNONYM_MISTAKES.values(), ids=SYNONYM_MISTAKES)
def test_a_mistake_in_the_synonym_file_is_reported_at_its_line(make_app, tmp_path, added, line, message, read):
    one_page_project(tmp_path)
    added = added if isinstance(added, bytes) else added.encode()
    (tmp_path / "sinonim.yml").write_bytes(b"- [pantau, monitor]\n" + added)
    app = make_app("html", srcdir=tmp_path)
    app.build()
    assert f"sinonim.yml:{line}: WARNING: {message}" in strip_colors(app.warning.getvalue())
    code = (app.outdir / "_static" / "language_data.js").read_text(encoding="utf-8")
    assert f"const ID_SYNONYMS = {json.dumps([['pantau', 'monitor']] if read else [])};" in code


def test_builders_without_a_search_index_are_left_alone(make_app, tmp_path):
    one_page_project(tmp_path)
    app = make_app("text", srcdir=tmp_path)
    app.build()
    # Docutils has no Indonesian: it says so (twice) once per process, for the first rST page read.
    docutils = ("rST localisation", 'Language "id" not supported')
    warnings = [line for line in app.warning.getvalue().splitlines() if not any(d in line for d in docutils)]
    assert (app.outdir / "index.txt").exists() and not warnings


def test_handbook_synonyms_come_from_the_glossary_and_the_synonym_file(html_dir):
    code = (html_dir / "_static" / "language_data.js").read_text(encoding="utf-8")
    # The shipped script is minified (faq_minify): the list ends where its JSON does.
    groups, _ = json.JSONDecoder().raw_decode(code, re.search(r"const ID_SYNONYMS ?= ?", code).end())
    assert ["KBK", "Kelompok Belajar Kelurahan"] in groups
    assert ["pantau", "monitor"] in groups


def test_index_names_the_listing_pages(html_dir):
    index = search_index_of(html_dir / "searchindex.js")
    listings = {index["docnames"][i] for i in index["listings"]}
    assert {"index", "faq/sosialisasi/index", "kata-kunci"} <= listings
    assert not any(name.startswith("faq/sosialisasi/") and not name.endswith("index") for name in listings)


def test_index_gives_each_page_its_description(html_dir):
    index = search_index_of(html_dir / "searchindex.js")
    assert len(index["descriptions"]) == len(index["docnames"])
    for name, description in zip(index["docnames"], index["descriptions"], strict=True):
        page = (html_dir / f"{name}.html").read_text(encoding="utf-8")
        meta = re.search(r'<meta name="description" content="([^"]*)"', page).group(1)
        assert description and html.unescape(meta) == description, name


def test_index_without_the_metadata_extension_has_no_descriptions(make_app, tmp_path):
    one_page_project(tmp_path)
    app = make_app("html", srcdir=tmp_path)
    app.build()
    assert "descriptions" not in search_index_of(app.outdir / "searchindex.js")


# -- The handbook's search page in Chromium ----------------------------------------------------


def search(page, query: str) -> list[str]:
    page.goto(f"/search.html?q={query}")
    page.wait_for_function("document.querySelector('#search-results h2') && Search._pulse_status === -1")
    hrefs = page.eval_on_selector_all("#search-results ul.search li > a", "as => as.map(a => a.getAttribute('href'))")
    return [href.removesuffix(".html") for href in hrefs]


def test_typo_shows_the_corrected_query(page):
    results = search(page, "pemberdayan")
    assert results and results[0].startswith("faq/")
    assert page.inner_text("#search-results .search-corrected") == "Menampilkan hasil untuk pemberdayaan"
    assert page.inner_text("#search-results .search-corrected em") == "pemberdayaan"
    # The result page highlights the word as corrected.
    page.click("#search-results ul.search li:first-child > a")
    page.wait_for_selector("article .highlighted")
    assert {text.lower() for text in page.locator("article .highlighted").all_inner_texts()} == {"pemberdayaan"}
    search(page, "pemberdayaan")
    assert page.locator("#search-results .search-corrected").count() == 0


def test_acronym_finds_the_pages_of_its_expansion(page):
    expansion = set(search(page, "Kelompok Belajar Kelurahan"))
    assert expansion and expansion <= set(search(page, "KBK"))


def test_results_show_their_descriptions_without_fetching_the_pages(page, html_dir):
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    results = search(page, "sasaran sosialisasi")
    assert results[0] == "faq/sosialisasi/siapa-sasaran-sosialisasi"
    excerpts = page.eval_on_selector_all("#search-results ul.search li > p.context", "ps => ps.map(p => p.innerText)")
    index = search_index_of(html_dir / "searchindex.js")
    descriptions = dict(zip(index["docnames"], index["descriptions"], strict=True))
    assert excerpts == [descriptions[name] for name in results]
    # Every form of a query word is highlighted, not only the form searched for.
    first = page.eval_on_selector_all(
        "#search-results ul.search li:first-child .highlighted", "spans => spans.map(s => s.innerText)"
    )
    assert first == ["sasaran", "sosialisasi"]
    assert not [url for url in fetched if url.split("?")[0].endswith(".html") and "search.html" not in url]


def test_description_words_are_highlighted_whatever_their_characters(page, html_dir):
    """A description's word written with full-width letters or a ligature is highlighted like
    the plain word, as the query reads it."""
    index = search_index_of(html_dir / "searchindex.js")
    index["descriptions"] = ["Ｓａｓａｒａｎ dan e\ufb01siensi."] * len(index["descriptions"])
    page.route("**/searchindex.js*", lambda route: route.fulfill(body=f"Search.setIndex({json.dumps(index)})"))
    search(page, "sasaran efisiensi")
    first = page.eval_on_selector_all(
        "#search-results ul.search li:first-child .highlighted", "spans => spans.map(s => s.innerText)"
    )
    assert first == ["Ｓａｓａｒａｎ", "e\ufb01siensi"]


def test_question_ranks_above_the_category_page(page):
    results = search(page, "relawan")
    assert results.index("faq/sosialisasi/siapa-pelaku-sosialisasi") < results.index("faq/sosialisasi/index")


def test_readthedocs_search_event_leads_to_our_search(page):
    page.goto("/faq/sosialisasi/apa-itu-sosialisasi.html")
    # What Read the Docs Addons do: their "/" key handler dispatches this event on the document.
    page.evaluate("""() => {
        window.addonsSearchOpened = false;
        document.addEventListener("readthedocs-search-show", () => { window.addonsSearchOpened = true; });
        document.addEventListener("keydown", (e) => {
            if (e.key === "/" && document.activeElement.tagName !== "INPUT")
                document.dispatchEvent(new CustomEvent("readthedocs-search-show"));
        });
    }""")
    page.keyboard.press("/")
    assert page.evaluate("window.addonsSearchOpened") is False
    assert page.evaluate("document.activeElement.name") == "q"
    # On a phone the search box hides in the closed drawer: the event opens the search page.
    page.set_viewport_size({"width": 400, "height": 800})
    page.evaluate("document.activeElement.blur(); document.dispatchEvent(new CustomEvent('readthedocs-search-show'))")
    page.wait_for_url("**/search.html")


# -- Weight and layout stability of the search page -------------------------------------------

BUDGET_RAW = 200 * 1024
BUDGET_GZIP = 60 * 1024
ROOT_LIST = re.compile(r'const ID_ROOTS ?= ?new Set\("[^"]*"')  # as written or minified


def first_visit(browser, html_dir: Path, query: str) -> tuple[int, int, float]:
    """(raw bytes, transferred bytes, cumulative layout shift) of a first visit of the search page,
    in Chromium with a cold cache (phone-sized), text served gzip-compressed as by Read the Docs."""
    with serve(html_dir, CompressingHandler) as base:
        page = browser.new_page(viewport={"width": 412, "height": 823})
        cdp = page.context.new_cdp_session(page)
        cdp.send("Network.enable")
        urls, transferred = {}, {}
        cdp.on("Network.responseReceived", lambda e: urls.__setitem__(e["requestId"], e["response"]["url"]))
        cdp.on("Network.loadingFinished", lambda e: transferred.__setitem__(e["requestId"], e["encodedDataLength"]))
        page.goto(f"{base}/search.html?q={query}")
        page.wait_for_function("Search._pulse_status === -1")
        page.wait_for_load_state("networkidle")
        shift = page.evaluate("""() => new Promise((done) => {
            let sum = 0;
            new PerformanceObserver((list) => {
                for (const entry of list.getEntries()) if (!entry.hadRecentInput) sum += entry.value;
            }).observe({ type: "layout-shift", buffered: true });
            setTimeout(() => done(sum), 500);
        })""")
        page.close()
    raw = 0
    for url in urls.values():
        path = html_dir / url.removeprefix(base + "/").split("?")[0]
        raw += path.stat().st_size if path.is_file() else 0
    return raw, sum(transferred.values()), shift


def test_search_page_first_visit_is_light_and_stable(browser, html_dir):
    raw, transferred, shift = first_visit(browser, html_dir, "relawan")
    # The stemmer's root list, if the build still ships one, is the stemmer's own budget
    # (scripts/search_eval.py reports it); everything else on the page is measured here.
    code = (html_dir / "_static" / "language_data.js").read_text(encoding="utf-8")
    roots = ROOT_LIST.search(code)
    if roots:
        raw -= len(roots.group(0).encode())
        transferred -= len(gzip.compress(code.encode())) - len(gzip.compress(ROOT_LIST.sub("", code).encode()))
    assert raw <= BUDGET_RAW, f"{raw / 1024:.0f} KB raw"
    assert transferred <= BUDGET_GZIP, f"{transferred / 1024:.0f} KB transferred"
    assert shift <= 0.01


def test_search_page_drops_what_it_does_not_use(html_dir):
    html = (html_dir / "search.html").read_text(encoding="utf-8")
    assert "searchtools.js" in html
    for unused in ("sphinx-design.min.css", "design-tabs.js", "pygments.css", "faq-lists.css", "faq-glossary.css"):
        assert unused not in html
    assert "min-height: 100vh" in html  # the results area is reserved


# -- The evaluation's quick mode ---------------------------------------------------------------


def test_search_eval_quick_mode_reports_and_keeps_the_handbook_target():
    """A quarter of each real-world corpus and the handbook's queries, typos included (make search-eval runs
    all and fails on every missed target; the corpus targets are not all met yet, see its report)."""
    require(CHROMIUM, "chromium")
    require("dpkg-deb", "dpkg")
    require("hunspell", "hunspell")  # tells the LibreOffice corpus's Indonesian index entries
    command = [sys.executable, str(ROOT / "scripts" / "search_eval.py"), "--quick"]
    result = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    measured = dict(re.findall(r"^\| ([\w@ ]+) \| ([0-9.]+) \| >=", result.stdout, re.M))
    corpora = {f"{corpus} test queries {measure}" for corpus in ("GNOME", "LibreOffice") for measure in ("P@1", "R@3")}
    assert corpora | {"handbook typo queries P@1"} <= set(measured)
    assert float(measured["handbook queries P@1"]) >= 0.97


def test_a_title_that_is_the_query_outranks_a_longer_one_with_more_matches():
    """Coverage weights (ID_COVERAGE): a help page's title names its task. The page titled as
    the query comes first, though the longer title's page also has both words as keywords and
    in its body."""
    pages = {
        "persis": {"title": "Menyimpan dokumen", "body": "di folder kas"},
        "panjang": {
            "title": "Menyimpan dokumen dalam format lain",
            "keywords": ["dokumen", "menyimpan"],
            "body": "simpan dokumen di folder kas",
        },
    }
    [result] = rank(["dokumen menyimpan"], pages, filler=20)
    assert result["pages"] == ["persis", "panjang"]


def test_a_synonym_in_a_title_gives_no_coverage_bonus():
    """The coverage bonuses count the query's own words: every title of a category may hold a
    synonym of the query's word (sosialisasi for penyebarluasan), and the page that has the
    word itself comes first, though another page's shorter title holds the synonym."""
    pages = {
        "pendek": {"title": "Sosialisasi", "body": "sosialisasi program kepada warga"},
        "tujuan": {"title": "Tujuan sosialisasi", "body": "penyebarluasan informasi program kepada warga"},
    }
    [result] = rank(["penyebarluasan"], pages, synonyms=[["sosialisasi", "penyebarluasan"]], filler=20)
    assert result["pages"] == ["tujuan", "pendek"]


def test_a_heading_that_is_the_query_outranks_a_title_holding_it():
    """Coverage weights: a section heading that is the query (a task inside a longer page)
    weighs more than a longer title holding the query's words, whose page has them as
    keywords and in its body too."""
    pages = {
        "bagian": {"title": "Panduan berkas", "headings": ["Menyimpan dokumen"], "body": "di folder kas"},
        "judul": {
            "title": "Menyimpan dokumen dalam format lain",
            "keywords": ["dokumen", "menyimpan"],
            "body": "simpan dokumen di folder kas",
        },
    }
    [result] = rank(["dokumen menyimpan"], pages, filler=20)
    assert result["pages"] == ["bagian", "judul"]


def test_a_title_holding_more_of_the_query_outranks_one_holding_less():
    """Coverage weights: of two titles each made only of query words, the one holding all three
    comes first, though the other page has the words as keywords and in its body too."""
    pages = {
        "semua": {"title": "Menyimpan dokumen baru", "body": "di folder kas"},
        "satu": {
            "title": "Baru",
            "keywords": ["menyimpan", "dokumen", "baru"],
            "body": "menyimpan dokumen baru di folder kas",
        },
    }
    [result] = rank(["menyimpan dokumen baru"], pages, filler=20)
    assert result["pages"] == ["semua", "satu"]


def test_strong_matches_outweigh_a_long_title_holding_one_word():
    """The coverage bonuses do not swamp BM25: a page with both query words as keywords and
    in its short body outranks a long page whose ten-word title holds one of them."""
    pages = {
        "judul": {"title": "Arisan rapat kampung baru warga lama ronda siang malam pagi", "body": "arisan zakat"},
        "isi": {"title": "Catatan", "keywords": ["arisan", "zakat"], "body": "arisan zakat"},
    }
    [result] = rank(["arisan zakat"], pages, filler=20)
    assert result["pages"] == ["isi", "judul"]


def test_a_word_on_nearly_every_page_counts_almost_nothing():
    """idf: a word on 16 of 17 pages weighs a few hundredths of a rare one, so a long page with
    the rare word outranks a short page with the common word as keyword and in its body."""
    pages = {f"umum{i:02d}": {"title": "Berita", "body": "kegiatan"} for i in range(15)}
    pages["pendek"] = {"title": "Catatan", "keywords": ["kegiatan"], "body": "kegiatan"}
    pages["panjang"] = {"title": "Catatan", "body": "zakat " + " ".join(FILLER_WORDS[:30])}
    [result] = rank(["kegiatan zakat"], pages)
    assert result["pages"][:2] == ["panjang", "pendek"]
