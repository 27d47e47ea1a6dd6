"""Broken contributions: each, applied to a copy of the handbook, fails the strict build with a message that
names the file (and the line where there is one). A correct new page passes. (Sphinx's and MyST's own
messages, in Indonesian: test_messages.py.)"""

from __future__ import annotations

import re

import faq_schema as schema
import pytest
from sphinx.util.console import strip_colors
from support import copy_docs, require, sphinx_build, write

PAGE = "faq/sosialisasi/apa-itu-sosialisasi.md"  # line 2 keywords, 3 summary, 6 "# Apa itu Sosialisasi?", 8 answer
NEW = "faq/sosialisasi/apa-itu-kbk.md"  # a page the cases add
RAW = "HTML mentah tidak diizinkan"
KEYWORDS = "keywords: [sosialisasi, pemberdayaan, kesadaran kritis, diseminasi, internalisasi]\n"
GOOD = (
    "---\nkeywords: [KBK, kelurahan]\nsummary: Contoh halaman yang benar.\n---\n\n# Apa itu KBK?\n\nJawaban singkat.\n"
)


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path}: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def add_page(docs, name, text):
    """Write a page (the only file a new question needs)."""
    path = docs / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)


def in_answer(docs, markdown):
    """Append Markdown to the answer of the first question page (it starts on line 23)."""
    path = docs / PAGE
    path.write_text(path.read_text(encoding="utf-8") + "\n" + markdown, encoding="utf-8")


def svg(docs, text):
    (docs / "faq/sosialisasi/bagan.svg").write_text(text, encoding="utf-8")
    in_answer(docs, "![Bagan](bagan.svg)\n")


def download(docs, name, text):
    (docs / "faq/sosialisasi" / name).write_text(text, encoding="utf-8")
    in_answer(docs, f"Unduh [lampiran]({name}).\n")


def question(title="Apa itu KBK?", answer="Jawaban singkat.\n", front="keywords: [KBK]\nsummary: Ringkas.\n"):
    return f"---\n{front}---\n\n# {title}\n\n{answer}"


# (id, change to the copy, file the message must name, line or None, words the message must contain)
# One or two cases per kind of rule, end to end on the real handbook (its conf, its Indonesian messages,
# the exit code); every message word for word: test_each_message_word_for_word below, in-process.
CASES = [
    (
        "yaml-invalid",
        lambda d: edit(d / PAGE, "diseminasi, internalisasi]", "diseminasi: internalisasi: ]"),
        PAGE,
        2,
        "bukan YAML yang sah",
    ),
    (
        "keywords-empty",
        lambda d: edit(d / PAGE, "[sosialisasi, pemberdayaan, kesadaran kritis, diseminasi, internalisasi]", "[]"),
        PAGE,
        2,
        "tidak kosong",
    ),
    (
        "duplicate-question",
        lambda d: add_page(d, "faq/sosialisasi/sosialisasi-itu-apa.md", question("apa  ITU Sosialisasi ?")),
        "faq/sosialisasi/sosialisasi-itu-apa.md",
        6,
        "sudah ada di docs/faq/sosialisasi/apa-itu-sosialisasi.md",
    ),
    ("script", lambda d: in_answer(d, "<script>alert(1)</script>\n"), PAGE, 23, RAW),
    (
        "raw-in-about-page",
        lambda d: edit(d / "tentang.md", "## Alamat", "<script>alert(1)</script>\n\n## Alamat"),
        "tentang.md",
        10,
        "HTML mentah",
    ),
    (
        "include-readme",
        lambda d: in_answer(d, "```{include} ../../../README.md\n```\n"),
        PAGE,
        23,
        "di luar folder docs/",
    ),
    (
        "literalinclude-outside",
        lambda d: in_answer(d, "```{literalinclude} ../../../README.md\n```\n"),
        PAGE,
        23,
        "di luar folder docs/",
    ),
    (
        "svg-with-script",
        lambda d: svg(d, '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
        PAGE,
        23,
        "SVG",
    ),
    ("html-download", lambda d: download(d, "halaman.html", "<script>alert(1)</script>"), PAGE, 23, "halaman.html"),
    ("not-utf8", lambda d: add_page(d, NEW, question(answer="Kafe caf\xe9.\n").encode("latin-1")), NEW, 8, "UTF-8"),
    (
        "space-in-file-name",
        lambda d: add_page(d, "faq/sosialisasi/apa itu kbk.md", question()),
        "faq/sosialisasi/apa itu kbk.md",
        1,
        "huruf kecil",
    ),
    (
        "category-without-index",
        lambda d: add_page(d, "faq/kbk/apa-itu-kbk.md", question()),
        "faq/kbk/apa-itu-kbk.md",
        1,
        "belum punya index.md",
    ),
]


def build(docs, builder="html"):
    return sphinx_build(docs, docs.parent / "out", builder, "-d", str(docs.parent / "doctrees"))


@pytest.mark.slow  # builds in a subprocess
@pytest.mark.parametrize(("change", "name", "line", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_broken_contribution_fails_naming_file_and_line(tmp_path, change, name, line, words):
    docs = copy_docs(tmp_path / "docs")
    (tmp_path / "README.md").write_text("# Berkas di luar docs\n\nRahasia.\n", encoding="utf-8")
    change(docs)
    result = build(docs)
    assert result.returncode != 0, result.stdout
    location = re.escape(f"{docs / name}:{line}:" if line else f"{docs / name}:")
    found = [row for row in result.stdout.splitlines() if re.search(location, row) and words in row]
    assert found, f"no warning at {name}:{line} containing {words!r}:\n{result.stdout}"


@pytest.mark.slow  # builds in a subprocess
def test_correct_new_page_passes(tmp_path):
    docs = copy_docs(tmp_path / "docs")
    add_page(docs, NEW, GOOD)
    result = build(docs)
    assert result.returncode == 0, result.stdout
    assert "Apa itu KBK?" in (tmp_path / "out" / "faq/sosialisasi/apa-itu-kbk.html").read_text(encoding="utf-8")


@pytest.mark.slow  # builds in a subprocess
def test_misspelled_word_fails_spelling_build(tmp_path):
    require("/usr/share/hunspell/id_ID.dic", "hunspell-id")
    docs = copy_docs(tmp_path / "docs")
    edit(docs / PAGE, "subjek pelaksana program", "subjek pelaksana katagori program")
    result = build(docs, "spelling")
    assert result.returncode != 0, result.stdout
    # sphinxcontrib-spelling names the file relative to the working directory, and the line of the text node
    # (after the glossary link on line 16) plus the line breaks before the word in it: not quite the word's, 17.
    assert re.search(r"WARNING: \S*/docs/" + re.escape(PAGE) + r":16: : Spell check: katagori", result.stdout), (
        result.stdout
    )


# -- Unit tests on a tiny project -----------------------------------------------------------

CONF = 'extensions = ["myst_parser", "faq_schema"]\nlanguage = "id"\n'


@pytest.fixture
def project(tmp_path):
    write(tmp_path, "conf.py", CONF)
    write(tmp_path, "index.md", "# Beranda\n\n```{toctree}\n:glob:\n\nfaq/*/index\n```\n")
    write(tmp_path, "faq/a/index.md", "# A\n\n```{toctree}\nsatu\ndua\n```\n")
    write(tmp_path, "faq/a/satu.md", question("Satu?"))
    return tmp_path


def warnings_of(make_app, project):
    app = make_app("html", srcdir=project)
    app.build()
    return strip_colors(app.warning.getvalue())


def test_valid_project_has_no_warning(make_app, project):
    write(project, "faq/a/dua.md", question("Dua?"))
    assert warnings_of(make_app, project) == ""


def test_keywords_must_be_a_list_of_words(make_app, project):
    write(project, "faq/a/dua.md", question("Dua?", front="keywords: kbk, kota\nsummary: Ringkas.\n"))
    assert re.search(r"faq/a/dua\.md:2: WARNING: Kolom 'keywords' harus berupa daftar", warnings_of(make_app, project))


def test_plain_pages_are_not_parsed_again(make_app, project, monkeypatch):
    """Front matter and titles come from what MyST and the catalog parsed; only a doubtful page is re-read."""
    checked = []
    monkeypatch.setattr(schema, "check_fields", lambda docname, fields: checked.append(docname))
    write(project, "faq/a/dua.md", question("Dua?", front="keywords: [kbk]\nsummary: null\n"))
    write(project, "faq/a/tiga.md", question("Tiga?", front="keywords: [kbk]\nsummary: Ringkas.\nlain: x\n"))
    write(project, "faq/a/index.md", "# A\n\n```{toctree}\nsatu\ndua\ntiga\n```\n")
    assert warnings_of(make_app, project) == ""  # check_fields, which would warn, is replaced
    assert sorted(checked) == ["faq/a/dua", "faq/a/tiga"]


@pytest.mark.parametrize(
    ("front", "words"),
    [
        ("keywords: '[\"kbk\"]'\nsummary: Ringkas.\n", "Kolom 'keywords' harus berupa daftar"),
        ("keywords: [kbk]\nsummary:\n", "Kolom 'summary' harus berisi satu kalimat"),
        ("keywords: [kbk]\nsummary: [satu, dua]\n", "Kolom 'summary' harus berisi satu kalimat"),
    ],
    ids=["keywords-as-quoted-text", "summary-empty", "summary-as-list"],
)
def test_values_myst_turns_into_text_are_still_reported(make_app, project, front, words):
    write(project, "faq/a/dua.md", question("Dua?", front=front))
    assert re.search(rf"faq/a/dua\.md:\d+: WARNING: {re.escape(words)}", warnings_of(make_app, project))


def test_duplicate_is_reported_once_at_the_later_page(make_app, project):
    write(project, "faq/a/dua.md", question("SATU ?"))
    warnings = warnings_of(make_app, project)
    assert re.findall(r"(\S+\.md):(\d+): WARNING: Pertanyaan 'SATU \?' sudah ada di (\S+)\.", warnings) == [
        (str(project / "faq/a/dua.md"), "6", f"{project.name}/faq/a/satu.md")
    ]


def test_duplicate_ignores_invisible_characters_and_compatibility_forms(make_app, project):
    write(project, "faq/a/dua.md", question("Sa\u00adtu\u200b?"))  # soft hyphen, zero-width space
    write(project, "faq/a/tiga.md", question("\uff33\uff21\uff34\uff35?"))  # full-width letters
    warnings = warnings_of(make_app, project)
    assert re.findall(r"faq/a/(\S+)\.md:(\d+): WARNING: Pertanyaan '.+' sudah ada di (\S+)\.", warnings) == [
        ("dua", "6", f"{project.name}/faq/a/satu.md"),
        ("tiga", "6", f"{project.name}/faq/a/satu.md"),
    ]


def test_line_breaks_are_not_raw_html_but_tags_are(make_app, project):
    write(project, "faq/a/dua.md", question("Dua?", answer="Baris satu\\\nbaris dua <b>tebal</b>.\n"))
    warnings = warnings_of(make_app, project)
    assert warnings.count("HTML mentah") == 1 and "(<b> </b>)" in warnings


def test_h1_in_code_block_is_not_a_title(make_app, project):
    write(project, "faq/a/dua.md", question("Dua?", answer="Contoh:\n\n```text\n# bukan judul\n```\n"))
    assert warnings_of(make_app, project) == ""


def test_front_matter_and_titles_helpers():
    text = "---\na: 1\n---\n\n# Satu?\n\n```\n# kode\n```\n\nJudul\n=====\n"
    assert schema.front_matter(text) == ("a: 1", 2)
    assert schema.front_matter("# Tanpa?\n") is None
    assert schema.h1_lines(text) == [(5, "Satu?"), (11, "Judul")]


def test_svg_without_script_is_fine(make_app, project):
    write(project, "faq/a/bagan.svg", '<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>\n')
    write(project, "faq/a/dua.md", question("Dua?", answer="![Bagan](bagan.svg)\n"))
    assert warnings_of(make_app, project) == ""


def test_raw_latex_only_outside_question_folders(make_app, project):
    # (docutils has no Indonesian strings and says so whenever {raw} runs: this test builds in English.)
    write(project, "conf.py", CONF.replace('"id"', '"en"'))
    write(project, "faq/a/dua.md", question("Dua?"))
    write(project, "cetak.md", "# Cetak\n\n```{raw} latex\n\\clearpage\n```\n")
    write(project, "index.md", "# Beranda\n\n```{toctree}\n:glob:\n\nfaq/*/index\ncetak\n```\n")
    assert warnings_of(make_app, project) == ""
    write(project, "faq/a/dua.md", question("Dua?", answer="Teks.\n\n```{raw} latex\n\\clearpage\n```\n"))
    assert re.search(r"faq/a/dua\.md:10: WARNING: HTML mentah tidak diizinkan", warnings_of(make_app, project))


# -- Safe content: every tag, attribute, scheme and extension the rules name ---------------
# Listed here, not read from faq_schema, so that dropping one from a rule fails its case.

ACTIVE_FILES = [".html", ".htm", ".xhtml", ".js", ".mjs", ".JS"]
SVG_WITH_SCRIPT = {
    "script": "<script>alert(1)</script>",
    "script-upper": "<SCRIPT>alert(1)</SCRIPT>",
    "foreignObject": "<foreignObject><p>teks</p></foreignObject>",
    "onload": '<circle r="4" onload="alert(1)"/>',
    "onclick-spaced": '<circle r="4" onclick ="alert(1)"/>',
    "onmouseover": '<circle r="4" onMouseOver="alert(1)"/>',
    "javascript-link": '<a href="javascript:alert(1)"><circle r="4"/></a>',
    "javascript-upper": '<a href="JavaScript:alert(1)"><circle r="4"/></a>',
}
RAW_HTML = {
    "script": "<script>alert(1)</script>",
    "iframe": '<iframe src="https://example.org"></iframe>',
    "style": "<style>body { display: none }</style>",
    "object": '<object data="x.swf"></object>',
    "embed": '<embed src="x.swf">',
    "on-attribute": '<img src="x.png" onerror="alert(1)">',
    "inline-tag": "Teks <span onclick=alert(1)>ini</span>.",
    "raw-directive": "```{raw} html\n<b>tebal</b>\n```",
}
UNSAFE_FILE = "tidak boleh diterbitkan"


@pytest.mark.parametrize("suffix", ACTIVE_FILES)
def test_active_download_is_refused(make_app, project, suffix):
    write(project, f"faq/a/lampiran{suffix}", "alert(1)\n")
    write(project, "faq/a/dua.md", question("Dua?", answer=f"Unduh [lampiran](lampiran{suffix}).\n"))
    warnings = warnings_of(make_app, project)
    assert re.search(rf"faq/a/dua\.md:8: WARNING: Berkas lampiran{re.escape(suffix)} {UNSAFE_FILE}", warnings)


@pytest.mark.parametrize("suffix", [".pdf", ".txt", ".png", ".json"])
def test_passive_download_is_fine(make_app, project, suffix):
    write(project, f"faq/a/lampiran{suffix}", "isi\n")
    write(project, "faq/a/dua.md", question("Dua?", answer=f"Unduh [lampiran](lampiran{suffix}).\n"))
    assert warnings_of(make_app, project) == ""


@pytest.mark.parametrize("content", SVG_WITH_SCRIPT.values(), ids=SVG_WITH_SCRIPT)
def test_svg_with_script_is_refused(make_app, project, content):
    write(project, "faq/a/bagan.svg", f'<svg xmlns="http://www.w3.org/2000/svg">{content}</svg>\n')
    write(project, "faq/a/dua.md", question("Dua?", answer="Teks.\n\n![Bagan](bagan.svg)\n"))
    assert re.search(rf"faq/a/dua\.md:10: WARNING: Berkas bagan\.svg {UNSAFE_FILE}", warnings_of(make_app, project))


def test_svg_rule_needs_the_whole_pattern():
    """Words that merely look like the patterns are not script."""
    for text in ("<g id=onload/>", 'data-on="1"', "javascript", "icon = 1", "<foreign/>", "script>"):
        assert not schema.SVG_SCRIPT.search(text), text


@pytest.mark.parametrize("markdown", RAW_HTML.values(), ids=RAW_HTML)
def test_raw_html_is_refused(make_app, project, markdown):
    write(project, "faq/a/dua.md", question("Dua?", answer=f"Teks.\n\n{markdown}\n"))
    assert re.search(r"faq/a/dua\.md:10: WARNING: HTML mentah tidak diizinkan", warnings_of(make_app, project))


# -- Every message, word for word, at its line ------------------------------------------------
# The broken-contribution cases above build in a subprocess; these build in-process (so that mutation
# testing sees them) and compare each of faq_schema's messages whole: the message is the contributor's
# only guide, and a changed word or line is a changed guide.

EXAMPLE = "Contoh: keywords: [sosialisasi, pemberdayaan] dan summary: Satu kalimat ringkas jawabannya."
FRONT = "keywords: [kbk]\nsummary: Ringkas.\n"
ALIAS_MESSAGE = (
    "Front matter (bagian di antara dua baris '---') tidak boleh memakai anchor atau alias YAML (&k). Tulis "
    "setiap nilai apa adanya; jika tanda & atau * itu bagian dari teks, tulis nilainya dalam tanda kutip. " + EXAMPLE
)
KEYWORDS_MESSAGE = (
    "Kolom 'keywords' harus berupa daftar kata kunci yang tidak kosong, dalam kurung siku dan dipisah koma, "
    "misalnya: keywords: [sosialisasi, pemberdayaan]"
)
DRAFT_MESSAGE = (
    "Halaman ini masih draf hasil impor (draf: true) dan belum boleh terbit. Periksa kata yang ditandai laporan "
    "impor, koreksi yang diterapkan, serta kata kunci dan ringkasan usulan di front matter; lalu hapus baris "
    "'draf: true'."
)
CATEGORY_TITLE = (
    "Halaman kategori harus punya judul utama (H1) berisi nama kategorinya, ditulis '# Nama Kategori' setelah "
    "front matter. Judul itu tampil di beranda dan di menu samping."
)
DESCRIPTION = (
    "Kolom 'description' harus berisi satu kalimat tentang isi kategori ini, tidak boleh kosong, misalnya: "
    "description: Pengertian, tujuan, sasaran, dan pelaku sosialisasi. Hapus kolomnya jika tidak perlu."
)


def not_text(value, field, kind):
    return (
        f"Nilai '{value}' di kolom '{field}' dibaca YAML sebagai {kind}, bukan teks. Tulis teks yang dimaksud; "
        f"jika memang itu teksnya, tulis dalam tanda kutip: '{value}'."
    )


MESSAGES = {
    "yaml-invalid": (
        {"faq/a/dua.md": question("Dua?", front="keywords: [kbk: kota: ]\nsummary: Ringkas.\n")},
        [
            "faq/a/dua.md:2: Front matter (bagian di antara dua baris '---') bukan YAML yang sah: expected ',' or "
            "']', but got ':'. Periksa titik dua setelah nama kolom, tanda kurung siku [ ] dan tanda kutip. " + EXAMPLE
        ],
    ),
    "yaml-too-deep": (
        {"faq/a/dua.md": question("Dua?", front="keywords: " + "[" * 500 + "]" * 500 + "\nsummary: Ringkas.\n")},
        [
            "faq/a/dua.md:2: Front matter (bagian di antara dua baris '---') bersarang terlalu dalam: terlalu "
            "banyak kurung [ ] atau { } di dalam kurung. Tulis setiap daftar dalam satu pasang kurung, tanpa "
            "kurung di dalamnya. " + EXAMPLE
        ],
    ),
    "yaml-invalid-date": (
        {"faq/a/dua.md": question("Dua?", front="keywords: [kbk]\nsummary: 2021-99-99\n")},
        [
            "faq/a/dua.md:3: Front matter (bagian di antara dua baris '---') bukan YAML yang sah: month must be in "
            "1..12. Periksa titik dua setelah nama kolom, tanda kurung siku [ ] dan tanda kutip. " + EXAMPLE
        ],
    ),
    "yaml-alias": (
        {"faq/a/dua.md": question("Dua?", front="k: &k kata\nkeywords: [*k, *k, *k]\nsummary: Ringkas.\n")},
        ["faq/a/dua.md:2: " + ALIAS_MESSAGE],
    ),
    "yaml-alias-in-keywords": (
        {"faq/a/dua.md": question("Dua?", front="keywords: [&k kbk, *k]\nsummary: Ringkas.\n")},
        ["faq/a/dua.md:2: " + ALIAS_MESSAGE],
    ),
    "asterisk-in-quoted-text": (
        {"faq/a/dua.md": question("Dua?", front="keywords: [kbk, 'R&D']\nsummary: '*Penting*: ringkas.'\n")},
        [],
    ),
    "duplicate-key": (
        {"faq/a/dua.md": question("Dua?", front=FRONT + "summary: Lain.\n")},
        [
            "faq/a/dua.md:4: Kolom 'summary' ditulis dua kali di front matter (juga di baris 3); hanya yang "
            "terakhir yang dipakai. Hapus salah satunya."
        ],
    ),
    "utf8-bom": ({"faq/a/dua.md": "\ufeff" + question("Dua?")}, []),
    "not-a-mapping": (
        {"faq/a/dua.md": question("Dua?", front="- kbk\n- kota\n")},
        ["faq/a/dua.md:2: Front matter harus berisi pasangan 'nama: nilai'. " + EXAMPLE],
    ),
    "no-front-matter": (
        {"faq/a/dua.md": "# Dua?\n\nJawab.\n"},
        [
            "faq/a/dua.md:1: Halaman pertanyaan harus diawali front matter: baris '---', kolom keywords dan "
            "summary, lalu '---'. " + EXAMPLE
        ],
    ),
    "keywords-missing": (
        {"faq/a/dua.md": question("Dua?", front="summary: Ringkas.\n")},
        ["faq/a/dua.md:1: Kolom 'keywords' wajib ada di front matter: daftar kata kunci pertanyaan ini. " + EXAMPLE],
    ),
    "keywords-empty-item": (
        {"faq/a/dua.md": question("Dua?", front="keywords: [kbk, '']\nsummary: Ringkas.\n")},
        [
            "faq/a/dua.md:2: Kolom 'keywords' harus berupa daftar kata kunci yang tidak kosong, dalam kurung siku "
            "dan dipisah koma, misalnya: keywords: [sosialisasi, pemberdayaan]"
        ],
    ),
    "keywords-null": (
        {"faq/a/dua.md": question("Dua?", front="keywords: [null, ~]\nsummary: Ringkas.\n")},
        ["faq/a/dua.md:2: " + KEYWORDS_MESSAGE],
    ),
    "keywords-boolean": (
        {"faq/a/dua.md": question("Dua?", front="keywords: [kbk, yes]\nsummary: Ringkas.\n")},
        ["faq/a/dua.md:2: " + not_text("yes", "keywords", "ya/tidak (boolean)")],
    ),
    "keywords-date": (  # MyST writes it as the text "2021-01-01": only YAML's reading tells
        {"faq/a/dua.md": question("Dua?", front="keywords: [kbk, 2021-01-01]\nsummary: Ringkas.\n")},
        ["faq/a/dua.md:2: " + not_text("2021-01-01", "keywords", "tanggal")],
    ),
    "keywords-quoted": (
        {"faq/a/dua.md": question("Dua?", front="keywords: [kbk, 'yes', '2021-01-01']\nsummary: Ringkas.\n")},
        [],
    ),
    "keywords-too-many": (
        {"faq/a/dua.md": question("Dua?", front=f"keywords: [{', '.join(['kata'] * 21)}]\nsummary: Ringkas.\n")},
        [
            "faq/a/dua.md:2: Kolom 'keywords' berisi 21 kata kunci; paling banyak 20. Pilih kata kunci yang paling "
            "mungkin diketik pembaca saat mencari."
        ],
    ),
    "keyword-too-long": (
        {"faq/a/dua.md": question("Dua?", front=f"keywords: [kbk, {'kata ' * 12}kb]\nsummary: Ringkas.\n")},
        [
            "faq/a/dua.md:2: Kata kunci 'kata kata kata kata kata kata kata kata kata kata kata kata…' terlalu "
            "panjang (62 karakter; paling banyak 60). Kata kunci adalah kata atau frasa pendek yang diketik pembaca "
            "saat mencari; pisahkan kata kunci dengan koma."
        ],
    ),
    "keywords-at-the-limits": (
        {"faq/a/dua.md": question("Dua?", front=f"keywords: [{', '.join(['kata'] * 19)}, {'k' * 60}]\nsummary: R.\n")},
        [],
    ),
    "summary-missing": (
        {"faq/a/dua.md": question("Dua?", front="keywords: [kbk]\n")},
        [
            "faq/a/dua.md:1: Kolom 'summary' wajib ada di front matter: satu kalimat ringkas jawaban (paling "
            "banyak 200 karakter). " + EXAMPLE
        ],
    ),
    "summary-too-long": (
        {"faq/a/dua.md": question("Dua?", front="keywords: [kbk]\nsummary: " + "kata " * 41 + "\n")},
        [
            "faq/a/dua.md:3: Kolom 'summary' terlalu panjang (204 karakter; paling banyak 200). "
            "Ringkas menjadi satu kalimat."
        ],
    ),
    "summary-null": (
        {"faq/a/dua.md": question("Dua?", front="keywords: [kbk]\nsummary: null\n")},
        ["faq/a/dua.md:3: Kolom 'summary' harus berisi satu kalimat ringkas jawaban, tidak boleh kosong."],
    ),
    "summary-boolean": (
        {"faq/a/dua.md": question("Dua?", front="keywords: [kbk]\nsummary: no\n")},
        ["faq/a/dua.md:3: " + not_text("no", "summary", "ya/tidak (boolean)")],
    ),
    "summary-infinity": (  # MyST writes it "inf": only the source tells
        {"faq/a/dua.md": question("Dua?", front="keywords: [kbk]\nsummary: .inf\n")},
        ["faq/a/dua.md:3: " + not_text(".inf", "summary", "angka")],
    ),
    "summary-at-the-limit": (
        {"faq/a/dua.md": question("Dua?", front="keywords: [kbk]\nsummary: " + "kata " * 39 + "kata.\n")},
        [],
    ),
    "order-zero": (
        {"faq/a/dua.md": question("Dua?", front=FRONT + "urutan: 0\n")},
        [
            "faq/a/dua.md:4: Kolom 'urutan' harus berupa bilangan bulat positif: tempat pertanyaan ini di "
            "kategorinya, misalnya: urutan: 2. Hapus kolomnya jika urutan tidak penting."
        ],
    ),
    "order-text": (
        {"faq/a/dua.md": question("Dua?", front=FRONT + "urutan: '3'\n")},
        [
            "faq/a/dua.md:4: Kolom 'urutan' harus berupa bilangan bulat positif: tempat pertanyaan ini di "
            "kategorinya, misalnya: urutan: 2. Hapus kolomnya jika urutan tidak penting."
        ],
    ),
    "order-right": ({"faq/a/dua.md": question("Dua?", front=FRONT + "urutan: 1\n")}, []),
    "draft": (
        {"faq/a/dua.md": question("Dua?", front=FRONT + "draf: true\n")},
        [
            "faq/a/dua.md:4: Halaman ini masih draf hasil impor (draf: true) dan belum boleh terbit. Periksa "
            "kata yang ditandai laporan impor, koreksi yang diterapkan, serta kata kunci dan ringkasan usulan di "
            "front matter; lalu hapus baris 'draf: true'."
        ],
    ),
    "draft-reviewed": ({"faq/a/dua.md": question("Dua?", front=FRONT + "draf: false\n")}, []),
    "draft-in-a-list": (
        {"faq/a/dua.md": question("Dua?", front=FRONT + "draf: [true]\n")},
        ["faq/a/dua.md:4: " + DRAFT_MESSAGE],
    ),
    "draft-category": (
        {"faq/a/index.md": "---\ndraf: ya\n---\n\n# A\n"},
        [
            "faq/a/index.md:2: Halaman ini masih draf hasil impor (draf: true) dan belum boleh terbit. Periksa "
            "kata yang ditandai laporan impor, koreksi yang diterapkan, serta kata kunci dan ringkasan usulan di "
            "front matter; lalu hapus baris 'draf: true'."
        ],
    ),
    "category-empty": ({"faq/a/index.md": ""}, ["faq/a/index.md:1: " + CATEGORY_TITLE]),
    "category-front-matter-only": (
        {"faq/a/index.md": "---\ndescription: Kategori A.\n---\n"},
        ["faq/a/index.md:1: " + CATEGORY_TITLE],
    ),
    "category-description-null": (
        {"faq/a/index.md": "---\ndescription: null\n---\n\n# A\n"},
        ["faq/a/index.md:2: " + DESCRIPTION],
    ),
    "category-description-list": (
        {"faq/a/index.md": "---\ndescription: [a, b]\n---\n\n# A\n"},
        ["faq/a/index.md:2: " + DESCRIPTION],
    ),
    "category-described": ({"faq/a/index.md": "---\ndescription: Kategori A.\n---\n\n# A\n"}, []),
    "no-h1": (
        {"faq/a/dua.md": f"---\n{FRONT}---\n\n## Dua?\n\nJawab.\n"},
        [
            "faq/a/dua.md:1: Halaman pertanyaan harus punya satu judul utama (H1) berisi pertanyaannya, ditulis "
            "'# Pertanyaan?' setelah front matter."
        ],
    ),
    "two-h1": (
        {"faq/a/dua.md": question("Dua?", answer="Jawab.\n\n# Tiga?\n\nLagi.\n")},
        [
            "faq/a/dua.md:10: Halaman pertanyaan hanya boleh punya satu judul utama (H1); yang pertama ada di "
            "baris 6. Jadikan judul ini subjudul dengan '##'."
        ],
    ),
    "no-question-mark": (
        {"faq/a/dua.md": question("Dua")},
        ["faq/a/dua.md:6: Judul 'Dua' harus berupa pertanyaan yang diakhiri tanda tanya '?'."],
    ),
    "empty-answer": (
        {"faq/a/dua.md": question("Dua?", answer="")},
        ["faq/a/dua.md:6: Jawaban masih kosong: tulis jawabannya di bawah judul pertanyaan."],
    ),
    "placeholder": (
        {"faq/a/dua.md": question("Dua?", answer="Tulis jawaban di sini.\n")},
        ["faq/a/dua.md:6: Ganti teks contoh 'Tulis jawaban di sini.' dengan jawaban yang sebenarnya."],
    ),
    "not-utf8": (
        {"faq/a/dua.md": question("Dua?", answer="Baris.\n\nKafe caf\xe9.\n").encode("latin-1")},
        [
            "faq/a/dua.md:10: Berkas ini tidak tersimpan dalam encoding UTF-8 (ada byte tidak sah di baris ini). "
            "Simpan ulang berkas sebagai UTF-8 di editor Anda."
        ],
    ),
    "uppercase-name": (
        {"faq/a/Dua.md": question("Dua?")},
        [
            "faq/a/Dua.md:1: Nama berkas atau folder 'Dua' tidak sesuai aturan: gunakan huruf kecil, angka, dan "
            "tanda hubung saja, berakhiran .md (misalnya apa-itu-kbk.md). Ganti nama berkasnya."
        ],
    ),
    "underscore-folder": (
        {"faq/b_c/index.md": "# B\n", "faq/b_c/dua.md": question("Dua?")},
        [
            f"faq/b_c/{page}:1: Nama berkas atau folder 'b_c' tidak sesuai aturan: gunakan huruf kecil, angka, "
            "dan tanda hubung saja, berakhiran .md (misalnya apa-itu-kbk.md). Ganti nama berkasnya."
            for page in ("dua.md", "index.md")
        ],
    ),
    "outside-category": (
        {"faq/dua.md": question("Dua?")},
        [
            "faq/dua.md:1: Halaman pertanyaan harus berada di dalam folder kategori: docs/faq/<kategori>/"
            "<nama-berkas>.md (folder kategori berisi index.md). Pindahkan berkas ke sana."
        ],
    ),
    "not-a-question-outside-category": (
        {"faq/catatan.md": "# Catatan\n\nTeks.\n"},
        [
            "faq/catatan.md:1: Halaman pertanyaan harus berada di dalam folder kategori: docs/faq/<kategori>/"
            "<nama-berkas>.md (folder kategori berisi index.md). Pindahkan berkas ke sana."
        ],
    ),
    "two-wrong-names": (
        {"faq/B_c/index.md": "# B\n", "faq/B_c/Dua.md": question("Dua?")},
        [
            f"faq/B_c/{page}:1: Nama berkas atau folder '{wrong}' tidak sesuai aturan: gunakan huruf kecil, angka, "
            "dan tanda hubung saja, berakhiran .md (misalnya apa-itu-kbk.md). Ganti nama berkasnya."
            for page, wrong in (("Dua.md", "B_c/Dua"), ("index.md", "B_c"))
        ],
    ),
    "question-at-top": (
        {"dua.md": question("Dua?")},
        [
            "dua.md:1: Halaman pertanyaan harus berada di dalam folder kategori: docs/faq/<kategori>/"
            "<nama-berkas>.md (folder kategori berisi index.md). Pindahkan berkas ke sana."
        ],
    ),
    "category-without-index": (
        {"faq/b/dua.md": question("Dua?")},
        [
            "faq/b/dua.md:1: Folder kategori docs/faq/b/ belum punya index.md. Buat dulu kategorinya "
            "(make new membuatkannya) atau pindahkan pertanyaan ke kategori yang ada."
        ],
    ),
    "include-outside": (
        {"faq/a/dua.md": question("Dua?", answer="Teks.\n\n```{include} ../../../rahasia.md\n```\n")},
        [
            "faq/a/dua.md:10: Halaman ini membaca berkas di luar folder docs/ (rahasia.md). {include} dan "
            "{literalinclude} hanya boleh memakai berkas di dalam docs/."
        ],
    ),
    "long-raw-html": (
        {"faq/a/dua.md": question("Dua?", answer=f'Teks.\n\n<span title="{"panjang " * 10}">x</span>\n')},
        [
            'faq/a/dua.md:10: HTML mentah tidak diizinkan (<span title="panjang panjang panjang panjang panjang '
            "panjan…): tag HTML seperti <script>, <iframe>, <style> dan atribut on…=, juga direktif {raw}, bisa "
            "menyisipkan skrip ke situs. Tulis dengan Markdown biasa; untuk tampilan khusus, minta bantuan pengelola."
        ],
    ),
    "svg-not-utf8": (
        {
            "faq/a/bagan.svg": '<svg xmlns="http://www.w3.org/2000/svg"><text>caf\xe9</text><script/></svg>'.encode(
                "latin-1"
            ),
            "faq/a/dua.md": question("Dua?", answer="Teks.\n\n![Bagan](bagan.svg)\n"),
        },
        [
            "faq/a/dua.md:10: Berkas bagan.svg tidak boleh diterbitkan: berkas HTML/JavaScript, atau SVG yang berisi "
            "skrip, bisa menjalankan skrip di situs. Pakai gambar PNG/JPG atau SVG tanpa skrip."
        ],
    ),
    "include-inside": (
        {"faq/a/dua.md": question("Dua?", answer="Teks.\n\n```{include} ../../catatan.txt\n```\n")},
        [],
    ),
}


@pytest.mark.parametrize(("files", "expected"), MESSAGES.values(), ids=MESSAGES)
def test_each_message_word_for_word(make_app, project, files, expected):
    (project.parent / "rahasia.md").write_text("Rahasia.\n", encoding="utf-8")
    write(project, "catatan.txt", "Catatan.\n")
    for name, text in files.items():
        add_page(project, name, text)
    lines = warnings_of(make_app, project).replace(f"{project}/", "").splitlines()
    found = sorted(
        line.replace(" WARNING:", "").removesuffix(" [faq.schema]") for line in lines if "[faq.schema]" in line
    )
    assert found == sorted(expected)
