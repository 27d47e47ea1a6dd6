"""Broken contributions: each, applied to a copy of the handbook, fails the strict build with a message that
names the file (and the line where there is one). A correct new page passes."""

from __future__ import annotations

import re

import faq_schema as schema
import pytest
from sphinx.util.console import strip_colors
from support import copy_docs, require, sphinx_build, write

PAGE = "faq/sosialisasi/apa-itu-sosialisasi.md"  # line 2 keywords, 3 summary, 6 "# Apa itu Sosialisasi?", 8 answer
CATEGORY = "faq/sosialisasi/index.md"
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


def add_page(docs, name, text, listed=True):
    """Write a page; list it in its category's toctree (like `make new` does) unless told not to."""
    path = docs / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    if listed and name.startswith("faq/sosialisasi/"):
        edit(docs / CATEGORY, "siapa-pelaku-sosialisasi\n", f"siapa-pelaku-sosialisasi\n{path.stem}\n")


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
CASES = [
    (
        "yaml-invalid",
        lambda d: edit(d / PAGE, "diseminasi, internalisasi]", "diseminasi: internalisasi: ]"),
        PAGE,
        2,
        "bukan YAML yang sah",
    ),
    ("no-front-matter", lambda d: add_page(d, NEW, "# Apa itu KBK?\n\nJawab.\n"), NEW, 1, "diawali front matter"),
    ("keywords-missing", lambda d: edit(d / PAGE, KEYWORDS, ""), PAGE, 1, "Kolom 'keywords' wajib ada"),
    (
        "keywords-empty",
        lambda d: edit(d / PAGE, "[sosialisasi, pemberdayaan, kesadaran kritis, diseminasi, internalisasi]", "[]"),
        PAGE,
        2,
        "tidak kosong",
    ),
    (
        "summary-missing",
        lambda d: edit(d / PAGE, "summary: Sosialisasi P2KP bukan", "ringkasan: Sosialisasi P2KP bukan"),
        PAGE,
        1,
        "Kolom 'summary' wajib ada",
    ),
    (
        "summary-too-long",
        lambda d: edit(d / PAGE, "summary: Sosialisasi", "summary: " + "sangat " * 40 + "Sosialisasi"),
        PAGE,
        3,
        "terlalu panjang",
    ),
    ("no-h1", lambda d: edit(d / PAGE, "# Apa itu", "## Apa itu"), PAGE, 1, "satu judul utama (H1)"),
    ("two-h1", lambda d: in_answer(d, "# Apa lagi?\n\nTeks.\n"), PAGE, 23, "hanya boleh punya satu judul utama"),
    (
        "no-question-mark",
        lambda d: edit(d / PAGE, "# Apa itu Sosialisasi?", "# Apa itu Sosialisasi"),
        PAGE,
        6,
        "diakhiri tanda tanya",
    ),
    ("empty-answer", lambda d: add_page(d, NEW, question(answer="")), NEW, 6, "Jawaban masih kosong"),
    (
        "placeholder-answer",
        lambda d: add_page(d, NEW, question(answer=schema.PLACEHOLDER + "\n")),
        NEW,
        6,
        "teks contoh",
    ),
    (
        "duplicate-question",
        lambda d: add_page(d, "faq/sosialisasi/sosialisasi-itu-apa.md", question("apa  ITU Sosialisasi ?")),
        "faq/sosialisasi/sosialisasi-itu-apa.md",
        6,
        "sudah ada di docs/faq/sosialisasi/apa-itu-sosialisasi.md",
    ),
    ("not-in-toctree", lambda d: add_page(d, NEW, question(), listed=False), NEW, 1, "belum tercantum di daftar isi"),
    ("broken-ref", lambda d: in_answer(d, "Lihat {ref}`bagian-yang-tidak-ada`.\n"), PAGE, 23, "bagian-yang-tidak-ada"),
    ("broken-link", lambda d: in_answer(d, "Lihat [halaman lain](tidak-ada.md).\n"), PAGE, 23, "tidak-ada.md"),
    ("missing-image", lambda d: in_answer(d, "![Bagan](bagan.png)\n"), PAGE, 23, "bagan.png"),
    ("unknown-directive", lambda d: in_answer(d, "```{catatan}\nIsi.\n```\n"), PAGE, 23, "catatan"),
    ("script", lambda d: in_answer(d, "<script>alert(1)</script>\n"), PAGE, 23, RAW),
    ("inline-script", lambda d: in_answer(d, "Teks <script>alert(1)</script> lagi.\n"), PAGE, 23, RAW),
    ("iframe", lambda d: in_answer(d, '<iframe src="https://example.org"></iframe>\n'), PAGE, 23, RAW),
    ("onclick", lambda d: in_answer(d, 'Klik <a href="#" onclick="alert(1)">di sini</a>.\n'), PAGE, 23, RAW),
    ("style", lambda d: in_answer(d, "<style>body { display: none }</style>\n"), PAGE, 23, RAW),
    ("raw-directive", lambda d: in_answer(d, "```{raw} html\n<b>tebal</b>\n```\n"), PAGE, 23, RAW),
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
        "uppercase-file-name",
        lambda d: add_page(d, "faq/sosialisasi/Apa-Itu-KBK.md", question()),
        "faq/sosialisasi/Apa-Itu-KBK.md",
        1,
        "huruf kecil",
    ),
    (
        "space-in-file-name",
        lambda d: add_page(d, "faq/sosialisasi/apa itu kbk.md", question()),
        "faq/sosialisasi/apa itu kbk.md",
        1,
        "huruf kecil",
    ),
    (
        "outside-category-folder",
        lambda d: add_page(d, "faq/apa-itu-kbk.md", question(), listed=False),
        "faq/apa-itu-kbk.md",
        1,
        "folder kategori",
    ),
    (
        "question-at-top-level",
        lambda d: add_page(d, "apa-itu-kbk.md", question(), listed=False),
        "apa-itu-kbk.md",
        1,
        "folder kategori",
    ),
    (
        "category-without-index",
        lambda d: add_page(d, "faq/kbk/apa-itu-kbk.md", question(), listed=False),
        "faq/kbk/apa-itu-kbk.md",
        1,
        "belum punya index.md",
    ),
]


def build(docs, builder="html"):
    return sphinx_build(docs, docs.parent / "out", builder, "-d", str(docs.parent / "doctrees"))


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


def test_correct_new_page_passes(tmp_path):
    docs = copy_docs(tmp_path / "docs")
    add_page(docs, NEW, GOOD)
    result = build(docs)
    assert result.returncode == 0, result.stdout
    assert "Apa itu KBK?" in (tmp_path / "out" / "faq/sosialisasi/apa-itu-kbk.html").read_text(encoding="utf-8")


def test_misspelled_word_fails_spelling_build(tmp_path):
    require("/usr/share/hunspell/id_ID.dic", "hunspell-id")
    docs = copy_docs(tmp_path / "docs")
    edit(docs / PAGE, "subjek pelaksana program", "subjek pelaksana katagori program")
    result = build(docs, "spelling")
    assert result.returncode != 0, result.stdout
    # sphinxcontrib-spelling names the file relative to the working directory.
    assert re.search(r"WARNING: \S*/docs/" + re.escape(PAGE) + r":15: : Spell check: katagori", result.stdout), (
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
    assert warnings_of(make_app, project) == ""  # check_fields, which would warn, is replaced
    assert checked == ["faq/a/dua"]


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
