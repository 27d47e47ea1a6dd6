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
from support import DOCS, ROOT, require, search_index_of

sys.path.insert(0, str(ROOT / "scripts"))
import search_eval
import stem_eval

HUNSPELL_DIC = "/usr/share/hunspell/id_ID.dic"
QUERIES = search_eval.load_queries()
EXPECTED = {query: expected for _, query, expected in QUERIES}


@pytest.fixture(scope="module")
def stem():
    return search_id.Stemmer(search_id.roots()).stem


# -- The stemmer -------------------------------------------------------------------


# Forms that must share a stem (also stemmed by both halves in the parity test).
FORMS = [
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
    # pe- before a plain consonant
    ["petinju", "tinju", "bertinju"],
    ["pegulat", "gulat"],
    # roots that are stopwords
    ["pembagian", "bagi", "membagikan"],
    ["keadaan", "ada", "berada"],
    ["kebersamaan", "sama", "bersama"],
    ["sebanyak", "banyak", "kebanyakan"],
    # loanword suffixes
    ["legalisasi", "legal"],
    ["nasionalisme", "nasionalis", "nasional"],
    ["wartawan", "wartawati", "warta"],
    ["finalisasi", "difinalisasikan", "final"],  # also when the dictionary lacks the word
    # loanword endings that alternate (also when the dictionary lacks the word: partisipatif)
    ["transparansi", "transparan"],
    ["kompetensi", "kompeten"],
    ["partisipatif", "berpartisipasi", "partisipasi"],
    # compounds written as one word once affixed
    ["ditindaklanjuti", "menindaklanjuti", "tindaklanjut"],
    ["penyalahgunaan", "disalahgunakan"],
    # a particle or possessive on a root of one syllable (which takes no nasal)
    ["teksnya", "teks", "tekslah"],
    ["jamnya", "jam"],
    # a root whose last letters look like a particle (bersekolah, not seko + -lah)
    ["bersekolah", "sekolah", "sekolahlah"],
    ["bermasalah", "masalah"],
    ["terpentingkah", "penting"],  # after one prefix only: not ter- + pen- + tingkah
    # the archaic particle -tah (Nazief-Adriani: -kah, -lah, -tah, -pun)
    ["siapatah", "siapa"],
    # entries of the dictionary that its affix rules derive from another one by a prefix
    ["pelantar", "lantar"],
    ["persegi", "segi"],
    ["selagi", "lagi"],
    # per-, se-, ter-, ke- after meN-/peN-, their first consonant assimilated or not
    ["mengetahui", "pengetahuan", "diketahui", "tahu"],
    ["mengemukakan", "muka"],
    ["memerhatikan", "memperhatikan", "pemerhati", "perhatian", "hati"],
    ["menyetarakan", "penyetaraan", "kesetaraan", "setara"],
    ["menerawang", "terawang"],
    ["menyesali", "sesal"],  # sesal, a root, wins over se- + sali
    # di- and the proclitics never follow another prefix (men- + diani, not me- + di- + ani)
    ["mendiani", "dian"],
    # bel-/pel- before ajar (Nazief-Adriani)
    ["belajar", "pelajar", "mempelajari", "pembelajaran", "ajar"],
    # the prefix of di-/me-/pe-/ter- ... -i first (not the root petan + -i)
    ["petani", "tani", "pertanian"],
    # lexicalised infixes and partial reduplication, affixed too
    ["telapak", "tapak"],
    ["gemuruh", "bergemuruh", "guruh"],
    ["kinerja", "kinerjanya", "kerja"],
    ["rerata", "rata"],
    ["rerumputan", "rumput"],
    ["dedaunan", "daun"],
    # meN-/peN- before pr-: the p assimilated (pemrograman, KBBI's spelling)
    ["pemrograman", "memprogram", "program"],
    ["pemrosesan", "memproses", "proses"],
    # one prefix before two (di- + kenal + -i, not di- + ke- + nali)
    ["dikenali", "mengenal", "kenal"],
    # ke-, se-, peN- take -an, never -kan (not tega + -kan, bija + -kan)
    ["penegakan", "menegakkan", "tegak"],
    ["kebijakan", "bijak"],
    ["kerusakan", "rusak"],
    # ... but peN- + -kan stays the last resort, for a root the dictionary lacks (maba)
    ["pemabakan", "memabakan", "dimabakan"],
    # ketidak-...-an: the negated word's root
    ["ketidakberdayaan", "keberdayaan", "daya"],
    ["ketidakpastian", "kepastian", "pasti"],
    # four prefixes: ke- se- per- se- puluh
    ["kesepersepuluhnya", "sepuluh", "puluh"],
    # di-, ber-, ter-, se- before a root of one syllable
    ["dicat", "bercat", "cat"],
    ["sejam", "jam"],
    ["penggolf", "golf"],
    # menge-/penge- before one syllable, proclitics, te- before -er-
    ["mengebom", "pengeboman", "bom"],
    ["kubaca", "kaubaca", "membaca", "baca"],
    ["tepercaya", "percaya"],
    # spelling variants and informal reduplication
    ["propinsi", "provinsi"],
    ["aktifitas", "aktivitas"],
    ["sekedar", "sekadar"],
    ["standarisasi", "standardisasi"],
    # ... also inside a derived word, and the common non-standard forms
    ["perijinan", "mengijinkan", "perizinan", "izin"],
    ["ketrampilan", "keterampilan", "terampil"],
    ["merubah", "dirubah", "mengubah", "perubahan"],
    ["bernafas", "napas"],
    ["Nopember", "November"],
    # derived words that the dictionary lists as words (mengkaji, sahkan), and menge-/penge-
    # before a common root of one syllable beside a ke- root (kesah, kecek)
    ["mengkaji", "pengkajian", "kajian"],
    ["sah", "sahkan", "disahkan", "mengesahkan", "pengesahan"],
    ["cek", "dicek", "mengecek", "pengecekan"],
    ["biarkan", "dibiarkan", "membiarkan", "biar"],
    # imperatives in -kan beside a root with a final k (berik, katak), which -an still reads
    ["berikan", "berikanlah", "memberikan", "pemberian", "beri"],
    ["katakan", "mengatakan", "kata"],
    ["gerakan", "bergerak", "gerak"],
    # a prefix that may end in r or not: pe-/te-/be- + rawat, hunspell's reading (not per- + awat)
    ["perawatan", "perawat", "terawat", "merawat", "dirawat", "rawat"],
    ["perasaan", "terasa", "berasa", "merasa", "rasa"],
    ["berupa", "merupakan", "rupa"],
    ["perubahan", "berubah", "mengubah", "ubah"],
    # ke-, pe-, per- + a root in -k + -an, hunspell's reading (not per- + paja + -kan)
    ["perpajakan", "pajak", "pajaknya"],
    ["pergerakan", "bergerak", "gerak"],
    ["keretakan", "meretakkan", "retak"],
    ["kedudukan", "berkedudukan"],  # not duduk: the dictionary's keduduk, which both reach
    ["kegiatan2", "kegiatan"],
    ["rembug", "rembuk", "merembukkan"],
    ["pembaharuan", "memperbaharui", "pembaruan", "baru"],
    # a root the dictionary lacks, reached through an alternating ending
    ["akuntabilitas", "akuntabel"],
    # compounds written joined (the non-standard kerjasama) or joined once affixed
    ["kerjasama", "bekerjasama", "kerjasamanya"],
    ["peranserta", "berperanserta"],
    ["kegotongroyongan", "bergotongroyong", "gotongroyong"],
]


@pytest.mark.parametrize("forms", FORMS)
def test_forms_share_a_stem(stem, forms):
    assert {form: stem(form) for form in forms} == {form: stem(forms[0]) for form in forms}


@pytest.mark.parametrize(
    "a, b",
    [
        ("masalah", "masa"),
        ("rubah", "ubah"),  # a fox: merubah alone is the non-standard mengubah
        ("kesah", "sah"),  # a sigh (keluh kesah): only mengesahkan and pengesahan are sah
        ("kelompok", "lompok"),
        ("relawan", "rela"),
        ("pelaku", "pelan"),
        ("teman", "tem"),  # no derivational suffix leaves one syllable
        ("teks", "neks"),
        ("ditelannya", "tel"),  # a root of two syllables wins over one of one syllable
        ("kunang", "nang"),  # not after ke- or ku-
        ("berawan", "bera"),  # -wan is reduced in the dictionary's words only (ber- + awan)
        ("instansi", "instan"),  # alternating endings in words of four syllables or more only
        ("negatif", "negasi"),
        ("aktivitas", "aktif"),
        ("tetangga", "tangga"),  # no rule undoes an infix or a reduplicated syllable
        ("seminar", "sinar"),
    ],
)
def test_distinct_words_keep_distinct_stems(stem, a, b):
    assert stem(a) != stem(b)


@pytest.mark.parametrize("word", ["P2KP", "p2kp", "KBK", "kmw", "2008", "yang", "di", "dan"])
def test_acronyms_numbers_and_stopwords_are_kept(stem, word):
    assert stem(word) == word.lower()


def test_roots_leave_out_entries_derived_by_a_prefix():
    """scripts/search_roots.py: an entry that hunspell also analyses as a prefix on another entry
    (pe- + lantar) is no root; one it knows only whole stays (kelompok), and so does one that
    the stemmer would cut elsewhere (sekali, not sekal + -i)."""
    assert not {"pelantar", "senyawa", "selagi"} & search_id.roots()
    assert {"lantar", "nyawa", "lagi", "kelompok", "masalah", "sekali", "sekal"} <= search_id.roots()


def test_index_words_are_normalised_as_the_query_is(stem):
    """The index reads a ligature, full-width letters and invisible characters as the query
    does (idNormalise in search_id.js): ``eﬁsien`` is ``efisien``, ``kemis\u00adkinan`` one word."""
    language = search_id.SearchIndonesian({})
    text = "e\ufb01sien kemis\u00adkinan \uff2d\uff29\uff33\uff2b\uff29\uff2e war\u200bga\ufeff"
    words = [word for word in language.split(text) if not word.startswith(search_id.EXACT)]
    assert [language.stem(word.lower()) for word in words] == [
        stem("efisien"),
        stem("kemiskinan"),
        stem("miskin"),
        stem("warga"),
    ]


def test_compounds_meet_written_joined_or_apart(stem):
    """The two words of a compound written apart give the joined compound, a stopword among
    them too (kerja sama, peran serta); the joined word gives its words, except a stopword."""
    language = search_id.SearchIndonesian({})

    def stems(text):
        return {language.stem(word.lower()) for word in language.split(text)}

    assert stem("kerjasama") in stems("Warga bekerja sama dengan BKM")
    assert stem("peranserta") in stems("peran serta masyarakat")
    assert stem("tatacara") in stems("tata cara pencairan")
    assert stem("diujicobakan") in stems("uji coba di lapangan")
    assert stems("kerjasama warga") == {stem("kerjasama"), "=kerjasama", stem("kerja"), stem("warga")}


def test_stopwords_are_ours_and_plain_indonesian():
    assert {"yang", "dan", "di", "untuk", "adalah"} <= search_id.STOPWORDS
    assert not {"sosialisasi", "masyarakat", "kelompok", "tujuan"} & search_id.STOPWORDS
    assert all(word.isalpha() and word.islower() for word in search_id.STOPWORDS)


# -- Python and JavaScript agree -------------------------------------------------------


def parity_words() -> list[str]:
    """Every word of the handbook, of hunspell-id and of the stemmer evaluation."""
    dic = require(HUNSPELL_DIC, "hunspell-id")
    words = {w for path in DOCS.rglob("*.md") for w in re.findall(r"\w+", path.read_text(encoding="utf-8"))}
    for line in Path(dic).read_text(encoding="utf-8", errors="replace").splitlines()[1:]:
        words |= set(re.findall(r"\w+", line.split("/", 1)[0]))
    words |= {row[key] for row in stem_eval.load_pairs("all") for key in ("word", "hunspell", "sastrawi")}
    words |= {word for forms in FORMS for word in forms}
    return sorted(words)


def javascript_stems(code: str, words: list[str], tmp_path) -> list[str]:
    """The stems of words by the stemmer in code (search_id.js, or a built language_data.js)."""
    node = require("node", "nodejs")
    driver = tmp_path / "stem.js"
    # language_data.js declares the stopwords before the stemmer; search_id.js alone does not.
    declared = re.search(r"\b(const|var|let) stopwords\b", code)
    driver.write_text(
        "const window = globalThis;\n"
        + ("" if declared else f"const stopwords = new Set({json.dumps(sorted(search_id.STOPWORDS))});\n")
        + code
        + "\nconst stemmer = new Stemmer();\n"
        "const words = require('fs').readFileSync(0, 'utf8').split('\\n').slice(0, -1);\n"
        "process.stdout.write(JSON.stringify(words.map((w) => stemmer.stemWord(w))));\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [node, str(driver)], check=False, input="\n".join(words) + "\n", capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_python_and_javascript_stem_alike(stem, tmp_path):
    """With the whole dictionary, both halves give every word the same stem."""
    words = parity_words()
    assert len(words) > 30_000
    javascript = javascript_stems(search_id.js_code(), words, tmp_path)
    mismatches = [(w, stem(w), js) for w, js in zip(words, javascript, strict=True) if stem(w) != js]
    assert not mismatches, f"{len(mismatches)} words stem differently (word, Python, JS): {mismatches[:20]}"


def test_search_page_ships_only_the_roots_its_index_needs(stem, html_dir, tmp_path):
    """The built page's stemmer knows only the roots of the index's terms, and still gives
    every word whose stem could match an index term (by either half) the index's stem."""
    code = (html_dir / "_static" / "language_data.js").read_text(encoding="utf-8")
    assert search_id.ROOTS_PLACEHOLDER not in code
    shipped = json.loads(re.search(r'new Set\(("[^"]*")\.split', code).group(1)).split()
    assert 0 < len(shipped) < len(search_id.roots()) / 20
    terms = set(search_index_of(html_dir / "searchindex.js")["terms"])
    words = parity_words()
    javascript = javascript_stems(code, words, tmp_path)
    python = [stem(w) for w in words]
    reachable = [(w, p, js) for w, p, js in zip(words, python, javascript, strict=True) if {p, js} & terms]
    assert len(reachable) > 500
    mismatches = [(w, p, js) for w, p, js in reachable if p != js]
    assert not mismatches, f"{len(mismatches)} words stem differently (word, Python, JS): {mismatches[:20]}"


def test_stemmer_conflates_held_out_pairs():
    """A quick run of the stemmer evaluation (make stem-eval) on the held-out half."""
    rows = stem_eval.load_pairs("test")[::4]
    stem = search_id.Stemmer(search_id.roots()).stem
    for oracle in ("hunspell", "sastrawi"):
        hits, merged = stem_eval.scores(rows, oracle, stem)
        found = [h for kind in hits.values() for h in kind]
        assert sum(found) / len(found) >= 0.95, oracle
        assert merged < 0.15, oracle
    # Never below Sastrawi against hunspell's roots.
    sastrawi = sum(row["sastrawi"] == row["sastrawi_of_hunspell"] for row in rows) / len(rows)
    ours = sum(stem(row["word"]) == stem(row["hunspell"]) for row in rows) / len(rows)
    assert ours >= sastrawi


def test_evaluation_pairs_come_from_hunspell():
    """The pair generator: forms made by hunspell-id's own affix rules, stemmed by hunspell."""
    require("hunspell", "hunspell")
    require(str(stem_eval.AFF), "hunspell-id")
    entry = next(line for line in stem_eval.DIC.read_text(encoding="latin-1").splitlines() if line.startswith("kerja/"))
    forms = stem_eval.expand("kerja", stem_eval.long_flags(entry.partition("/")[2]), stem_eval.affix_rules())
    assert {"pekerjaan", "mengerjakan"} <= set(forms)
    assert stem_eval.affix_class(*forms["mengerjakan"]) == "meN-"
    assert stem_eval.hunspell_stems(["pekerjaan", "mengerjakan", "zzqxv"]) == {
        "pekerjaan": "kerja",
        "mengerjakan": "kerja",
    }


def test_readings_are_hunspells():
    """search_id_readings.txt: words that the rules could read two ways, each reaching a root
    (a prefix ending in r or not; -an after a root in -k or -kan after that root without k),
    with the root hunspell gives them."""
    require("hunspell", "hunspell")
    require(str(stem_eval.AFF), "hunspell-id")
    table = {word: root for word, root in search_id.irregular().items() if word not in search_id.IRREGULAR}
    assert {"perawat": "rawat", "terasa": "rasa", "perpajakan": "pajak"}.items() <= table.items()
    assert stem_eval.hunspell_stems(sorted(table)) == table
    roots = search_id.roots()
    for word, root in table.items():
        with_r = root == "r" + word[3:] and word[3:] in roots
        with_an = word.endswith(root + "an") and root.endswith("k") and root[:-1] in roots
        with_an = with_an and word[: -len("an")] not in roots
        assert with_r or with_an, word


# -- The extension in a small project ------------------------------------------------------


@pytest.fixture
def project(tmp_path):
    files = {
        "conf.py": 'extensions = ["myst_parser", "faq_catalog", "search_id"]\nlanguage = "id"\n',
        "index.md": "# Beranda\n\n```{toctree}\nfaq/a/index\n```\n",
        "faq/a/index.md": "# Kategori\n\n```{toctree}\nsatu\ndua\n```\n",
        "faq/a/dua.md": "# Bagaimana laporan ditindaklanjuti?\n\nLaporan warga ditindaklanjuti.\n",
        "faq/a/satu.md": """\
            ---
            keywords: [relawan, penanggulangan]
            ---
            # Apa tugas relawan?

            Relawan menanggulangi masalah-masalah di kelurahan yang ada di propinsi.

            Keadaan dan pembagian tugas bagi warga; rencana tindak lanjut dibuat.
            """,
    }
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return tmp_path


def search_index(app) -> dict:
    return search_index_of(app.outdir / "searchindex.js")


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
    # Stopwords are no terms; the stems of words derived from one are.
    assert not {"yang", "di", "dan"} & set(terms)
    assert {stem("keadaan"), stem("pembagian")} <= set(terms)
    assert stem("bagi") == stem("pembagian") == "bagi"
    # A compound written as one word gives its two words, and the two words the compound.
    for word in ("tindak", "lanjut", "tindaklanjut"):
        pages = [terms.get(stem(word), []), titles.get(stem(word), [])]
        pages = {index["docnames"][i] for found in pages for i in (found if isinstance(found, list) else [found])}
        assert {"faq/a/satu", "faq/a/dua"} <= pages, word
    assert "relawan" in index["indexentries"]  # keywords, through the catalog
    # Pages that are no question are listings, which rank below the questions.
    assert sorted(index["docnames"][i] for i in index["listings"]) == ["faq/a/index", "index"]


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


def test_a_new_stemmer_reindexes_every_page(make_app, project, monkeypatch):
    """An incremental build after a stemmer change indexes the unchanged pages anew too."""
    make_app("html", srcdir=project).build()
    monkeypatch.setattr(search_id.Stemmer, "stem", lambda self, word: word + "x")
    version = search_id.stemmer_version() + 1
    monkeypatch.setattr(search_id, "stemmer_version", lambda: version)
    app = make_app("html", srcdir=project)
    app.build()
    terms = [term for term in search_index(app)["terms"] if not term.startswith(search_id.EXACT)]
    assert terms and all(term.endswith("x") for term in terms), terms


def test_extension_ships_the_javascript_half(make_app, project):
    app = make_app("html", srcdir=project)
    app.build()
    code = (app.outdir / "_static" / "language_data.js").read_text(encoding="utf-8")
    assert "var Stemmer" in code and "Search._performSearch" in code
    assert search_id.ROOTS_PLACEHOLDER not in code and " masalah " in code
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
    # Each result names the word its page lacks, as searched (bencana is on no page: corrected).
    assert page.inner_text("#search-results .search-corrected") == "Menampilkan hasil untuk relawan rencana"
    first = page.locator("#search-results ul.search li").first
    assert first.locator("p.search-missing").inner_text() == "Tidak memuat: rencana"


def test_a_result_names_the_words_its_page_lacks(page):
    """Struck through, under the description; a page holding every word names none."""
    results = run_search(page, "relawan sasaran")
    assert results[:2] == ["faq/sosialisasi/siapa-sasaran-sosialisasi", "faq/sosialisasi/siapa-pelaku-sosialisasi"]
    first, second = page.locator("#search-results ul.search li").all()[:2]
    assert first.locator("p").evaluate_all("ps => ps.map(p => p.className)") == ["context", "search-missing"]
    assert first.locator("p.search-missing").inner_text() == "Tidak memuat: relawan"
    assert first.locator("p.search-missing s").inner_text() == "relawan"
    assert second.locator("p.search-missing").count() == 0


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


def test_shadow_table_names_the_roots_that_change_a_words_term():
    """Without the root kawasan, the word kawasan would be stemmed to another term (through awas):
    a browser that ships that term's root must ship kawasan too."""
    roots = {"awas", "kawasan", "cari"}
    table = search_id.shadows_of(search_id.Stemmer(roots))
    elsewhere = search_id.Stemmer(roots - {"kawasan"}).stem("kawasan")
    assert elsewhere != "kawasan" and table[elsewhere] == {"kawasan"}
    assert set().union(*table.values()) <= roots


def test_shadow_table_is_current():
    """search_id_shadows.txt is what the stemmer and dictionary give now: a stemmer change
    that left it stale would ship a browser too few roots (run scripts/search_roots.py)."""
    table = search_id.shadows_of(search_id.Stemmer(search_id.roots()))
    assert search_id.shadows() == {term: frozenset(roots) for term, roots in table.items()}


def test_at_most_four_prefixes_are_stripped():
    """Indonesian stacks up to three prefixes (di-per-se-), four in a fraction (ke-se-per-se-puluh);
    a fifth marks no word of the language."""
    stem = search_id.Stemmer(frozenset({"satu", "cat", "puluh"})).stem
    assert stem("dipersesatu") == stem("mempersatukan") == stem("satu")
    assert stem("kesepersepuluhnya") == stem("puluh")
    assert stem("keseperseperpuluh") != stem("puluh")
    assert stem("diperkemengecat") == "cat"  # a monosyllable after menge-, met at the third prefix


def test_roots_shipped_for_index_terms():
    """A term needs its roots and the longer roots reducing to it, and an older spelling's root only
    when its standard form is indexed."""
    stemmer = search_id.Stemmer(search_id.roots())
    assert {"nasional", "nasionalisme"} <= search_id.roots_for({stemmer.stem("nasional")}, stemmer)
    assert search_id.roots_for({stemmer.stem("provinsi")}, stemmer) == {"provinsi"}
    # With the older spelling a root too, a browser that ships zaman's roots must know jaman as well
    # (and the roots that the dictionary's shadow table names for zaman's term).
    spelled = search_id.Stemmer(frozenset({"zaman", "jaman", "kota"}))
    term = spelled.stem("zaman")
    assert search_id.roots_for({term}, spelled) == {"zaman", "jaman"} | search_id.shadows().get(term, frozenset())
