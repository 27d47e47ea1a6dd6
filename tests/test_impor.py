"""`make impor` (scripts/impor.py): old-website FAQ exports become draft pages, nothing changed silently."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import textwrap

import impor as importer
import koreksi
import pytest
import yaml
from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin
from support import DOCS, ROOT, SOURCE, copy_docs, require, sphinx_build

SCRIPT = ROOT / "scripts" / "impor.py"
COMMITTED = DOCS / "faq" / "sosialisasi"
HEADER = """\
Program Penanggulangan Kemiskinan di Perkotaan
PNPM-Perkotaan
F A Q
,
Selamat datang di website PNPM Mandiri Perkotaan!
Kata kunci Kategori
"""
FOOTER = """
\xa0

PNPM Mandiri Perkotaan:
Jl. Danau Toba F 3 No. 8, Jakarta Pusat 10210
Total pengunjung hari ini: 12, akses halaman: 34,
pengunjung online: 5, waktu akses: 0,039 detik.
Didukung oleh: World Bank & Islamic Development Bank
"""


@pytest.fixture(autouse=True)
def dictionary():
    require("/usr/share/hunspell/id_ID.dic", "hunspell-id")


@pytest.fixture
def project(tmp_path):
    """A copy of the project's files the importer reads and writes."""
    root = tmp_path / "proyek"
    copy_docs(root / "docs")
    for name in ("koreksi.yml", "EDITORIAL_NOTES.md"):
        shutil.copy(ROOT / name, root / name)
    return root


@pytest.fixture
def without_sosialisasi(project):
    shutil.rmtree(project / "docs" / "faq" / "sosialisasi")
    return project


def export(body: str) -> str:
    """A synthetic export: the site's chrome around `body`."""
    return HEADER + textwrap.dedent(body).lstrip() + FOOTER


@pytest.fixture
def impor(capsys):
    """Run the importer in this process (as `make impor` would): its exit status and output."""

    def run(root, source, kategori="Pendanaan", *args):
        capsys.readouterr()
        status = importer.main([str(source), "--kategori", kategori, "--root", str(root), *args])
        output = capsys.readouterr()
        return subprocess.CompletedProcess(args, status, output.out, output.err)

    return run


def source_file(tmp_path, text: str | bytes, name="ekspor.txt"):
    path = tmp_path / name
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return path


def snapshot(root) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def body(page) -> str:
    """A page without its front matter."""
    return page.read_text(encoding="utf-8").split("---\n", 2)[2]


def front(page) -> dict:
    return yaml.safe_load(page.read_text(encoding="utf-8").split("---\n", 2)[1])


_md = MarkdownIt("commonmark").use(front_matter_plugin)


def structure(text: str) -> list[tuple[str, str]]:
    """Block structure (headings, lists, items, paragraphs) with each block's plain text; front matter left out."""
    out = []
    for token in _md.parse(text):
        if token.type == "front_matter":
            continue
        if token.type == "inline":
            breaks = {"softbreak": " ", "hardbreak": " "}  # emphasis marks add nothing: *Team Leader* = Team Leader
            parts = [c.content if c.type in ("text", "code_inline") else breaks.get(c.type, "") for c in token.children]
            out.append(("text", " ".join("".join(parts).split())))
        else:
            out.append((token.type, token.tag))
    return out


# -- Round trip ------------------------------------------------------------------------------


def test_round_trip_recreates_the_committed_category(without_sosialisasi, tmp_path, impor):
    result = impor(without_sosialisasi, SOURCE, "Sosialisasi")
    assert result.returncode == 0, result.stderr
    made = without_sosialisasi / "docs" / "faq" / "sosialisasi"
    assert sorted(p.name for p in made.iterdir()) == sorted(p.name for p in COMMITTED.iterdir())
    for page in sorted(COMMITTED.glob("*.md")):
        if page.name != "index.md":
            assert structure(body(made / page.name)) == structure(body(page)), page.name
    # The category page: same title, questions listed in the same order.
    toctree = re.compile(r"---\n\n?((?:[a-z0-9-]+\n)+)```")
    assert toctree.search(body(made / "index.md")).group(1) == toctree.search(body(COMMITTED / "index.md")).group(1)
    assert "\n# Sosialisasi\n" in (made / "index.md").read_text(encoding="utf-8")
    # Every correction was already recorded for these pages: the table and the notes stay as they are.
    for name in ("koreksi.yml", "EDITORIAL_NOTES.md"):
        assert (without_sosialisasi / name).read_text(encoding="utf-8") == (ROOT / name).read_text(encoding="utf-8")


def test_round_trip_reports_every_change_at_its_line(without_sosialisasi, impor):
    result = impor(without_sosialisasi, SOURCE, "Sosialisasi")
    rows = re.findall(r"^  (docs/\S+\.md):(\d+)  (.+?) → (\S+)", result.stdout, re.M)
    assert len(rows) == 29 + sum(1 for _ in re.finditer(r"^  docs/\S+\.md:\d+  \S+  → saran", result.stdout, re.M))
    applied = [row for row in rows if not row[3].startswith("saran")]
    assert len(applied) == 29  # the 24 entries of koreksi.yml, some in several places
    for path, line, _, after in applied:
        text = (without_sosialisasi / path).read_text(encoding="utf-8").split("\n")[int(line) - 1]
        assert after.split()[0] in text, (path, line, after)
    for path, line, word in re.findall(r"^  (docs/\S+\.md):(\d+)  (\S+)  → saran", result.stdout, re.M):
        assert word in (without_sosialisasi / path).read_text(encoding="utf-8").split("\n")[int(line) - 1]
    assert "propinsi → provinsi" in result.stdout and "kemis-kinan → kemiskinan" in result.stdout


# Hand corrections no dictionary can flag: a real word in the wrong case or the wrong form for its context.
CONTEXTUAL = {"kabupaten/Kota", "perlakukan yang"}


def test_without_the_table_the_report_flags_the_hand_corrections(without_sosialisasi, impor):
    """Suspects found vs corrections made by hand: every other recorded correction is flagged or repaired."""
    (without_sosialisasi / "koreksi.yml").write_text("[]\n", encoding="utf-8")
    result = impor(without_sosialisasi, SOURCE, "Sosialisasi", "--dry-run")
    flagged = set(re.findall(r"^  docs/\S+\.md:\d+  (.+?)  ?→", result.stdout, re.M))
    hand = [entry["sebelum"] for entry in koreksi.load()]

    def same(found: str, before: str) -> bool:  # "korkot" flags "(korkot)", "dll" flags "dll)"
        return found in before or before.strip("()") in found

    assert {before for before in hand if not any(same(found, before) for found in flagged)} == CONTEXTUAL
    # Beyond the hand corrections, the editor is asked only about two acronyms the word list lacks.
    extra = {found for found in flagged if not any(same(found, before) for before in hand)}
    assert extra == {"RT", "RW"}, result.stdout


def test_dry_run_writes_nothing(without_sosialisasi, impor):
    before = snapshot(without_sosialisasi)
    result = impor(without_sosialisasi, SOURCE, "Sosialisasi", "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "docs/faq/sosialisasi/siapa-pelaku-sosialisasi.md" in result.stdout
    assert "tidak ada berkas yang ditulis" in result.stdout
    assert snapshot(without_sosialisasi) == before


def test_imported_pages_are_drafts_the_strict_build_refuses_until_reviewed(without_sosialisasi, impor):
    assert impor(without_sosialisasi, SOURCE, "Sosialisasi").returncode == 0
    docs = without_sosialisasi / "docs"
    pages = sorted((docs / "faq" / "sosialisasi").glob("*.md"))
    result = sphinx_build(docs, without_sosialisasi / "dummy", "dummy")
    assert result.returncode != 0
    for page in pages:
        line = page.read_text(encoding="utf-8").split("\n").index("draf: true") + 1
        assert re.search(re.escape(f"{page}:{line}: WARNING: Halaman ini masih draf hasil impor"), result.stdout), (
            page.name,
            result.stdout,
        )
    for page in pages:
        page.write_text(page.read_text(encoding="utf-8").replace("draf: true\n", ""), encoding="utf-8")
    result = sphinx_build(docs, without_sosialisasi / "html", "html")
    assert result.returncode == 0, result.stdout


def test_draf_false_is_no_draft(without_sosialisasi, impor):
    assert impor(without_sosialisasi, SOURCE, "Sosialisasi").returncode == 0
    for page in (without_sosialisasi / "docs" / "faq" / "sosialisasi").glob("*.md"):
        page.write_text(page.read_text(encoding="utf-8").replace("draf: true", "draf: false"), encoding="utf-8")
    result = sphinx_build(without_sosialisasi / "docs", without_sosialisasi / "dummy", "dummy")
    assert result.returncode == 0, result.stdout


# -- A catalogue of small exports, one per quirk ----------------------------------------------------

LISTS = """\
Apa saja jenis dana BLM ?
Dana BLM terdiri dari dua jenis:
A. Dana Umum
1.)Dana untuk kegiatan pertama
2.)Dana untuk kegiatan kedua

B. Dana Khusus
1. Kegiatan lingkungan, terdiri dari:
a. Jalan lingkungan yang terdiri dari:
Perbaikan jalan setapak di kelurahan
b. Saluran air
2. Kegiatan sosial, terdiri dari: bantuan bagi warga miskin

Dana dicairkan bertahap.
"""
LISTS_MARKDOWN = """\
# Apa saja jenis dana BLM?

Dana BLM terdiri dari dua jenis:

## Dana Umum

1. Dana untuk kegiatan pertama
2. Dana untuk kegiatan kedua

## Dana Khusus

1. Kegiatan lingkungan, terdiri dari:
   1. Jalan lingkungan yang terdiri dari:

      Perbaikan jalan setapak di kelurahan

   2. Saluran air
2. Kegiatan sosial, terdiri dari: bantuan bagi warga miskin

Dana dicairkan bertahap.
"""


def test_list_styles_headings_and_nested_items(project, tmp_path, impor):
    result = impor(project, source_file(tmp_path, export(LISTS)))
    assert result.returncode == 0, result.stderr
    page = project / "docs" / "faq" / "pendanaan" / "apa-saja-jenis-dana-blm.md"
    assert body(page).lstrip("\n") == LISTS_MARKDOWN


NUMBERED_FROM = """\
Bagaimana dana dicairkan?
Persiapan:
1. Pengajuan proposal
2. Verifikasi oleh BKM

Pencairan:
3. Termin, terdiri dari:
c. Termin ketiga
d. Termin keempat
4. Laporan pertanggungjawaban
1234567890. Nomor sepanjang ini bukan nomor daftar.
"""


def test_a_list_keeps_the_number_it_starts_at(project, tmp_path, impor):
    """A list the source continues after a paragraph (3., its sub-list from c.) is not renumbered from 1:
    Markdown takes a list's first number as its start (and faq_outline letters the sub-list from c.)."""
    result = impor(project, source_file(tmp_path, export(NUMBERED_FROM)))
    assert result.returncode == 0, result.stderr
    page = project / "docs" / "faq" / "pendanaan" / "bagaimana-dana-dicairkan.md"
    assert body(page).lstrip("\n") == textwrap.dedent("""\
        # Bagaimana dana dicairkan?

        Persiapan:

        1. Pengajuan proposal
        2. Verifikasi oleh BKM

        Pencairan:

        3. Termin, terdiri dari:

           3. Termin ketiga
           4. Termin keempat
        4. Laporan pertanggungjawaban

        1234567890\\. Nomor sepanjang ini bukan nomor daftar.
        """)
    starts = [token.attrs.get("start", 1) for token in _md.parse(body(page)) if token.type == "ordered_list_open"]
    assert starts == [1, 3, 3]
    assert "PERIKSA" not in result.stdout


def test_a_list_number_the_page_cannot_show_is_reported(project, tmp_path, impor):
    """Markdown numbers a list on from its first number: a skipped number (5. after 2., c. after a.)
    would change silently, so the report names each one."""
    source = export(
        "Bagaimana dana dicairkan?\n1. Pengajuan\n2. Verifikasi\n5. Pencairan:\na. Termin satu\nc. Termin tiga\n"
    )
    result = impor(project, source_file(tmp_path, source))
    assert result.returncode == 0, result.stderr
    flagged = [line.split(":")[0].strip() for line in result.stdout.splitlines() if "PERIKSA" in line]
    assert flagged == ["PERIKSA baris 10", "PERIKSA baris 12"]  # after the site's header
    assert "nomor daftar 5. tampil sebagai 3." in result.stdout
    assert "nomor daftar c. tampil sebagai b." in result.stdout


@pytest.mark.parametrize(
    ("start", "items"),
    [
        ("3", "3. satu\n4. dua"),
        (" +3 ", "3. satu\n4. dua"),
        ("3abc", "3. satu\n4. dua"),  # what a browser shows
        ("²", "1. satu\n2. dua"),  # no number: a browser counts from 1
        ("-1", "-1. satu\n\n0. dua"),  # Markdown has no negative numbers: the number stays as text
    ],
)
def test_a_saved_page_list_keeps_its_start(project, tmp_path, impor, start, items):
    page = f"<p>Apa itu BLM?</p><p>Dana untuk:</p><ol start='{start}'><li>satu</li><li>dua</li></ol>"
    result = impor(project, source_file(tmp_path, page, "ekspor.html"))
    assert result.returncode == 0, result.stderr
    assert body(project / "docs" / "faq" / "pendanaan" / "apa-itu-blm.md").strip().endswith(f"untuk:\n\n{items}")


@pytest.mark.parametrize(
    ("start", "inner", "report"),
    [
        ("2", "   2. jalan\n   3. saluran", None),
        # Past z: the items stay in the list (nearest letter), and the report letters the numbers as the page does.
        ("26", "   26. jalan\n   27. saluran", "nomor daftar z. tampil sebagai aa."),
    ],
)
def test_a_saved_page_list_inside_an_item_stays_under_it(project, tmp_path, impor, start, inner, report):
    """A browser shows the inner list indented under its item, and the next item after it."""
    page = (
        "<p>Apa itu BLM?</p><p>Dana untuk:</p><ol><li>kegiatan lingkungan, terdiri dari:"
        f"<ol start='{start}'><li>jalan</li><li>saluran</li></ol></li><li>kegiatan sosial</li></ol>"
    )
    result = impor(project, source_file(tmp_path, page, "ekspor.html"))
    assert result.returncode == 0, result.stderr
    text = body(project / "docs" / "faq" / "pendanaan" / "apa-itu-blm.md")
    assert text.strip().endswith(f"untuk:\n\n1. kegiatan lingkungan, terdiri dari:\n\n{inner}\n2. kegiatan sosial"), (
        text
    )
    assert report in result.stdout if report else "PERIKSA" not in result.stdout


def test_question_mark_with_or_without_space(project, tmp_path, impor):
    text = export("Apa itu BLM ?\nBantuan langsung.\n\nBagaimana mencairkan BLM?\nBertahap.\n")
    assert impor(project, source_file(tmp_path, text)).returncode == 0
    folder = project / "docs" / "faq" / "pendanaan"
    assert "\n# Apa itu BLM?\n" in (folder / "apa-itu-blm.md").read_text(encoding="utf-8")
    assert "\n# Bagaimana mencairkan BLM?\n" in (folder / "bagaimana-mencairkan-blm.md").read_text(encoding="utf-8")


def test_site_chrome_is_dropped_and_reported(project, tmp_path, impor):
    text = export("Apa itu BLM?\nBantuan langsung masyarakat.\n").replace("Kata kunci", "Menu Utama\nKata kunci")
    result = impor(project, source_file(tmp_path, text))
    assert result.returncode == 0, result.stderr
    written = "".join(p.read_text(encoding="utf-8") for p in (project / "docs" / "faq" / "pendanaan").glob("*.md"))
    for chrome in ("F A Q", "Selamat datang", "Kata kunci", "Danau Toba", "pengunjung", "Didukung", "PNPM-Perkotaan"):
        assert chrome not in written
    assert "Dibuang sebagai bagian situs" in result.stdout
    assert "PERIKSA baris 6, teks sebelum pertanyaan pertama, juga dibuang: Menu Utama" in result.stdout


QUOTES = "Apa itu BLM?\nBLM adalah ‘dana’ yang disebut “bantuan” oleh warga.\n"


@pytest.mark.parametrize(
    ("encoding", "text", "expected", "label"),
    [
        ("utf-8", QUOTES, "‘dana’ yang disebut “bantuan”", "UTF-8"),
        ("utf-8-sig", QUOTES, "‘dana’ yang disebut “bantuan”", "UTF-8"),
        ("cp1252", QUOTES, "‘dana’ yang disebut “bantuan”", "Windows-1252"),
        ("latin-1", "Apa itu BLM?\nDana dikelola di kafé warga ± 3 tahun.\n", "kafé warga ± 3 tahun", "Windows-1252"),
        ("latin-1", "Apa itu BLM?\nDana \x81kelurahan\x81 ± 3 tahun.\n", "± 3 tahun", "Latin-1"),
    ],
)
def test_encodings_come_out_right(project, tmp_path, encoding, text, expected, label, impor):
    result = impor(project, source_file(tmp_path, export(text).encode(encoding)))
    assert result.returncode == 0, result.stderr
    assert label in result.stdout
    page = (project / "docs" / "faq" / "pendanaan" / "apa-itu-blm.md").read_text(encoding="utf-8")
    assert expected in page
    assert not re.search("â€|Ã|\ufffd", page), "mojibake"


def as_html(text: str, charset="utf-8") -> str:
    """The saved web page of an export: head, script and style around one <p> per block, lines as <br>."""
    blocks = [b for b in re.split(r"\n\s*\n", text) if b.strip()]
    lines = [map(html.escape, block.strip("\n").split("\n")) for block in blocks]
    paragraphs = "\n".join("<p>" + "<br>\n  ".join(block) + "</p>" for block in lines)
    return (
        f'<!DOCTYPE html>\n<html><head><meta charset="{charset}"><title>FAQ ?</title>\n'
        "<style>p { margin: 0 }</style><script>var q = 'Apa itu skrip?';</script></head>\n"
        f"<body>\n{paragraphs}\n</body></html>\n"
    )


def test_saved_web_page_gives_the_same_pages_as_the_text_export(tmp_path, impor):
    pages = {}
    for kind, name, data in [
        ("text", "faq-sumber.txt", SOURCE.read_bytes()),
        ("html", "faq-sumber.html", as_html(SOURCE.read_text(encoding="utf-8")).encode("cp1252")),
    ]:
        root = tmp_path / kind
        copy_docs(root / "docs")
        shutil.rmtree(root / "docs" / "faq" / "sosialisasi")
        for file in ("koreksi.yml", "EDITORIAL_NOTES.md"):
            shutil.copy(ROOT / file, root / file)
        result = impor(root, source_file(tmp_path, data, name), "Sosialisasi")
        assert result.returncode == 0, result.stderr
        pages[kind] = snapshot(root / "docs" / "faq" / "sosialisasi")
    assert pages["html"] == pages["text"]


def test_html_entities_and_real_lists(project, tmp_path, impor):
    page = (
        "<html><head><script>alert('Apa?')</script></head><body><div class=menu>F A Q</div>"
        "<p>Apa itu BLM?</p><p>BLM adalah &ldquo;dana&rdquo; untuk:</p>"
        "<ol><li>kegiatan lingkungan</li><li>kegiatan sosial</li></ol></body></html>"
    )
    result = impor(project, source_file(tmp_path, page, "ekspor.html"))
    assert result.returncode == 0, result.stderr
    text = body(project / "docs" / "faq" / "pendanaan" / "apa-itu-blm.md")
    assert "BLM adalah “dana” untuk:\n\n1. kegiatan lingkungan\n2. kegiatan sosial\n" in text
    assert "alert" not in text and "F A Q" not in text


def test_line_break_hyphens_joined_only_when_the_dictionary_says_so(project, tmp_path, impor):
    """With an empty corrections table, hunspell-id alone joins kemis-kinan and keeps true hyphenated forms."""
    (project / "koreksi.yml").write_text("[]\n", encoding="utf-8")
    text = export(
        "Apa itu BLM?\n"
        "Dana untuk penanggulangan kemis-kinan di Perko-taan agar terjadi-nya pember-dayaan, mengatasi "
        "masalah-masalah dengan kesepakatan-kesepakatan warga, lalu memonitor-mensupervisi kegiatan di bawah "
        "mata-hari.\n"
    )
    result = impor(project, source_file(tmp_path, text))
    assert result.returncode == 0, result.stderr
    page = " ".join(body(project / "docs" / "faq" / "pendanaan" / "apa-itu-blm.md").split())
    for joined in ("kemiskinan", "Perkotaan", "terjadinya", "pemberdayaan"):
        assert joined in page
    for kept in ("masalah-masalah", "kesepakatan-kesepakatan", "memonitor-mensupervisi", "mata-hari"):
        assert kept in page
    # Both "mata-hari" and "matahari" pass hunspell-id: the editor decides.
    assert re.search(r"^  docs/faq/pendanaan/apa-itu-blm\.md:\d+  mata-hari  → saran: matahari$", result.stdout, re.M)
    assert "masalah-masalah  →" not in result.stdout and "memonitor-mensupervisi  →" not in result.stdout
    joins = re.findall(r"^  docs/faq/pendanaan/apa-itu-blm\.md:\d+  (\S+) → (\S+)$", result.stdout, re.M)
    assert joins == [
        ("kemis-kinan", "kemiskinan"),
        ("Perko-taan", "Perkotaan"),
        ("terjadi-nya", "terjadinya"),
        ("pember-dayaan", "pemberdayaan"),
    ]


def test_approved_corrections_are_applied_as_whole_words_and_recorded(project, tmp_path, impor):
    text = export("Apa itu BLM?\nBLM bukan sekedar dana, dimanapun propinsi dan kabupaten/Kota berada.\n")
    result = impor(project, source_file(tmp_path, text))
    assert result.returncode == 0, result.stderr
    where = "docs/faq/pendanaan/apa-itu-blm.md"
    page = (project / where).read_text(encoding="utf-8")
    assert "bukan sekadar dana, dimanapun provinsi dan kabupaten/kota" in page  # not "di manapun"
    assert f"{where}:9  sekedar → sekadar" in result.stdout
    table = {e["sebelum"]: e["diterapkan"] for e in koreksi.load(project / "koreksi.yml")}
    assert where in table["sekedar"] and where in table["propinsi"] and where in table["kabupaten/Kota"]
    assert where not in table["dimana"]
    notes = (project / "EDITORIAL_NOTES.md").read_text(encoding="utf-8")
    assert notes == koreksi.notes_with_table(notes, koreksi.load(project / "koreksi.yml"))
    assert "pendanaan/apa-itu-blm" in notes


def test_suspect_words_are_reported_not_changed(project, tmp_path, impor):
    text = export("Apa itu BLM?\nBLM memperkuat pemberdayan warga dengan sistim yang jelas.\n")
    result = impor(project, source_file(tmp_path, text))
    assert result.returncode == 0, result.stderr
    page = (project / "docs" / "faq" / "pendanaan" / "apa-itu-blm.md").read_text(encoding="utf-8")
    assert "pemberdayan warga dengan sistim" in page
    where = r"^  docs/faq/pendanaan/apa-itu-blm\.md:9  "
    assert re.search(where + r"pemberdayan  → saran: .*pemberdayaan", result.stdout, re.M)
    assert re.search(where + r"sistim  → saran: sistem$", result.stdout, re.M)
    assert "  BLM  → saran" in result.stdout  # an acronym the word list does not have yet


def test_proposed_keywords_summary_and_draft_mark(project, tmp_path, impor):
    text = export("Apa itu KBK?\nKBK adalah kelompok belajar warga kelurahan. Anggotanya relawan kelurahan.\n")
    assert impor(project, source_file(tmp_path, text)).returncode == 0
    meta = front(project / "docs" / "faq" / "pendanaan" / "apa-itu-kbk.md")
    assert meta["draf"] is True
    assert meta["summary"] == "KBK adalah kelompok belajar warga kelurahan."
    assert meta["keywords"][0] == "KBK" and "kelurahan" in meta["keywords"]
    assert front(project / "docs" / "faq" / "pendanaan" / "index.md")["draf"] is True


def test_long_first_sentence_is_shortened_for_the_summary(project, tmp_path, impor):
    sentence = "Dana " + " ".join(["kelurahan"] * 40) + " cair."
    assert impor(project, source_file(tmp_path, export(f"Apa itu BLM?\n{sentence}\n"))).returncode == 0
    summary = front(project / "docs" / "faq" / "pendanaan" / "apa-itu-blm.md")["summary"]
    assert len(summary) <= 200 and summary.endswith("kelurahan…")


MARKUP_STARTS = [
    "% dari pagu kota untuk kegiatan lingkungan.",
    "(label)= bukan target.",
    "--- bukan garis.",
    ":::{note} bukan catatan.",
    "+ bukan daftar.",
    "> bukan kutipan.",
    "1) bukan daftar bernomor.",
    "# bukan judul.",
    ": bukan definisi.",
]


@pytest.fixture
def built(without_sosialisasi, impor):
    """Import a source as the Sosialisasi category, mark its pages reviewed and build the site as text:
    one page's text, words one space apart (every sentence of the source must be in it)."""

    def build(source, name: str) -> str:
        assert impor(without_sosialisasi, source, "Sosialisasi").returncode == 0
        for page in (without_sosialisasi / "docs" / "faq" / "sosialisasi").glob("*.md"):
            page.write_text(page.read_text(encoding="utf-8").replace("draf: true\n", ""), encoding="utf-8")
        result = sphinx_build(without_sosialisasi / "docs", without_sosialisasi / "text", "text")
        assert result.returncode == 0, result.stdout
        return " ".join((without_sosialisasi / "text" / "faq" / "sosialisasi" / f"{name}.txt").read_text().split())

    return build


def test_answer_lines_that_look_like_markup_keep_their_text(tmp_path, built):
    """A line of the export that starts like Markdown or MyST markup (a comment, a target, a fence,
    a list, a quote, a heading) is text: every word of it reaches the built page. The same holds
    for such a word where the wrapping starts a line (here "%", after 20)."""
    wrapped = (
        "Dana lingkungan yang boleh dipakai untuk kegiatan pembangunan prasarana dasar di kota adalah paling "
        "sedikit 20 % dari pagu."
    )
    answer = "\n\n".join([*MARKUP_STARTS, wrapped])
    text = built(source_file(tmp_path, export(f"Apa itu pagu?\n{answer}\n")), "apa-itu-pagu")
    for line in [*MARKUP_STARTS, wrapped]:
        assert line in text, line


def test_lists_nested_deeper_than_myst_builds_keep_their_text(tmp_path, built):
    """MyST (markdown-it's nesting limit of 20 levels) silently drops what lies in a tenth nested list.
    The importer writes two levels at most, lettered sub-items under numbered ones: a saved page's
    deeper lists come out one after another, every sentence on the built page."""
    sentences = [f"Dana tingkat {depth} dirinci lagi." for depth in range(1, 13)]
    tags = ["ol", "ul"] * 6
    nested = "".join(f"<{tag}><li>{sentence}" for tag, sentence in zip(tags, sentences, strict=True))
    page = f"<p>Apa itu pagu?</p><p>Rinciannya:</p>{nested}{''.join(f'</li></{tag}>' for tag in reversed(tags))}"
    text = built(source_file(tmp_path, page, "ekspor.html"), "apa-itu-pagu")
    for sentence in sentences:
        assert sentence in text, sentence


HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]


@pytest.mark.parametrize("tag", ["p", "div", *HEADINGS, "ul", "ol", "table", "section"])
def test_each_block_of_a_saved_page_is_a_paragraph_of_the_text(tag):
    assert importer.html_to_text(f"<body>Awal<{tag}>Tengah</{tag}>Akhir</body>") == "Awal\n\nTengah\n\nAkhir\n"


def test_nested_blocks_leave_one_blank_line_and_inline_tags_split_no_word():
    page = "<div><div><p>Dana <b>ber</b>gulir</p></div></div><section><p>Kelas X</p></section>"
    assert importer.html_to_text(page) == "Dana bergulir\n\nKelas X\n"


@pytest.mark.parametrize("tag", ["li", "tr", "dt", "dd"])
def test_each_item_or_row_of_a_saved_page_is_a_line(tag):
    assert importer.html_to_text(f"<body>Awal<{tag}>Tengah</{tag}>Akhir</body>") == "Awal\nTengah\nAkhir\n"


@pytest.mark.parametrize("tag", ["td", "th"])
def test_cells_of_a_saved_page_are_words_apart(tag):
    assert importer.html_to_text(f"<table><tr><{tag}>Tahap</{tag}><{tag}>pertama</{tag}></tr></table>") == (
        "Tahap pertama\n"
    )


@pytest.mark.parametrize("tag", ["head", "script", "style", "noscript", "template"])
def test_what_a_browser_does_not_show_is_no_text(tag):
    assert importer.html_to_text(f"<html><{tag}>Apa ini?</{tag}><body>Tampak</body></html>") == "Tampak\n"


@pytest.mark.parametrize("tag", ["p", "div", "li", "dt", "dd", "td", "th", *HEADINGS])
def test_a_break_splits_lines_but_not_a_question(tag):
    """A block holding one question ("Siapa<br>pengelola dana?") is one line; another block's
    break is a line break."""
    page = f"<{tag}>Siapa<br>pengelola <b>dana<br>desa</b>?</{tag}><p>Awal</p><{tag}>Satu<br>dua</{tag}>"
    assert "\nSiapa pengelola dana desa?\n" in "\n" + importer.html_to_text(page)
    assert "\nSatu\ndua\n" in importer.html_to_text(page)


def test_a_break_outside_any_block_splits_lines():
    assert importer.html_to_text("<body>Satu<br>dua</body>") == "Satu\ndua\n"


def test_only_the_items_of_a_list_are_numbered():
    """Items are numbered from the list's start, or from 1; other tags in the list are not
    items, and an inner list's items are its own (lettered from a)."""
    page = "<ol><li>satu</li><div>catatan</div><li>dua<ol><li>jalan</li></ol></li></ol><ol><li>lagi</li></ol>"
    lines = importer.html_to_text(page).split("\n")
    assert [line for line in lines if line] == ["1. satu", "catatan", "2. dua", "a. jalan", "1. lagi"]


def test_saved_page_markup_is_no_text(project, tmp_path, impor):
    """Comments and the doctype are markup; a break inside a question, a ligature or an invisible
    character do not split it; a bad list start counts from 1; table cells stay words apart."""
    page = (
        "<!DOCTYPE html><html><body><!--[if lt IE 9]><p>Peramban lama</p><![endif]-->"
        "<p>Siapa<br>pengelola dana?</p><p>BKM, untuk pagu<!-- catatan --> tahunan.</p>"
        "<p>Apa itu KSM?\u200b</p><p>Kelompok swadaya masyarakat.</p><ol start='abc'><li>satu</li></ol>"
        "<p>Bagaimana dana di\u00adsalurkan?</p><table><tr><td>Tahap</td><td>pertama</td></tr></table>"
        "<p>Apakah e\ufb01sien?</p><p>Ya.</p></body></html>"
    )
    result = impor(project, source_file(tmp_path, page, "ekspor.html"))
    assert result.returncode == 0, result.stderr
    folder = project / "docs" / "faq" / "pendanaan"
    assert sorted(p.name for p in folder.glob("*.md")) == [
        "apa-itu-ksm.md",
        "apakah-efisien.md",
        "bagaimana-dana-disalurkan.md",
        "index.md",
        "siapa-pengelola-dana.md",
    ]
    assert body(folder / "siapa-pengelola-dana.md").strip() == "# Siapa pengelola dana?\n\nBKM, untuk pagu tahunan."
    assert body(folder / "apa-itu-ksm.md").strip() == "# Apa itu KSM?\n\nKelompok swadaya masyarakat.\n\n1. satu"
    assert body(folder / "bagaimana-dana-disalurkan.md").strip().endswith("\n\nTahap pertama")
    assert "3 karakter tak terlihat atau ligatur dibersihkan" in result.stdout


def test_a_question_glued_to_an_answer_is_flagged(project, tmp_path, impor):
    """A line ending in '?' right under an answer line may be a question the answer asks itself."""
    text = export("Apa itu BLM?\nDana warga.\nBukankah dana itu hibah?\nYa.\n\nApa itu KBK?\nKelompok belajar.\n")
    result = impor(project, source_file(tmp_path, text))
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("PERIKSA baris") == 1 and "PERIKSA baris 9: kalimat tanya" in result.stdout


def test_an_address_ending_an_answer_stays(project, tmp_path, impor):
    source = source_file(tmp_path, export("Di mana kantor BKM?\nDi balai warga:\nJl. Melati No. 5, Bandung\n"))
    result = impor(project, source)
    assert result.returncode == 0, result.stderr
    assert "Jl. Melati No. 5, Bandung" in body(project / "docs" / "faq" / "pendanaan" / "di-mana-kantor-bkm.md")
    assert "baris 14: Jl. Danau Toba F 3 No. 8, Jakarta Pusat 10210" in result.stdout


def test_long_titles_give_short_file_names(project, tmp_path, impor):
    question = "Apakah " + "dana bantuan langsung masyarakat " * 15 + "boleh dipakai?"
    kategori = "Kategori " * 40
    result = impor(project, source_file(tmp_path, export(f"{question}\nBoleh.\n")), kategori)
    assert result.returncode == 0, result.stderr
    [folder] = [p for p in (project / "docs" / "faq").iterdir() if p.name.startswith("kategori-")]
    [page] = [p for p in folder.glob("*.md") if p.name != "index.md"]
    assert len(folder.name) <= 80 and len(page.stem) <= 80
    assert page.stem.startswith("apakah-dana-bantuan-langsung") and not page.stem.endswith("-")


# -- Bad input: a clear message, nothing written ------------------------------------------------------

BAD = [
    ("empty", b"", "Pendanaan", "Berkas sumber kosong"),
    ("blank", b" \n\n \n", "Pendanaan", "Berkas sumber kosong"),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "Pendanaan", "bukan teks"),
    ("no-question", export("Halaman ini belum berisi tanya jawab.\n"), "Pendanaan", "Tidak ada pertanyaan"),
    (
        "empty-answer",
        export("Apa itu BLM?\n \n\nApa itu KBK?\nKelompok belajar.\n"),
        "Pendanaan",
        "Pertanyaan 'Apa itu BLM?' (baris 7) tidak punya jawaban",
    ),
    ("existing-category", export("Apa itu BLM?\nDana.\n"), "Sosialisasi", "Kategori 'Sosialisasi' sudah ada"),
    (
        "question-elsewhere",
        export("Apa itu Sosialisasi ?\nPenyebarluasan.\n"),
        "Pendanaan",
        "sudah ada di docs/faq/sosialisasi/apa-itu-sosialisasi.md",
    ),
    ("question-twice", export("Apa itu BLM?\nDana.\nApa itu  BLM?\nDana.\n"), "Pendanaan", "muncul dua kali"),
    ("same-file-name", export("Apa itu BLM?\nDana.\nApa itu: BLM?\nDana.\n"), "Pendanaan", "apa-itu-blm.md"),
    ("no-category-name", export("Apa itu BLM?\nDana.\n"), " ", "Nama kategori kosong"),
    ("category-page-name", export("Index?\nDaftar isi.\n"), "Pendanaan", "index.md, milik halaman kategori"),
    ("no-file-name", export("???\nTidak jelas.\n"), "Pendanaan", "tidak menghasilkan nama berkas"),
    (
        "question-elsewhere-with-soft-hyphen",
        export("Apa itu Sosiali\u00adsasi?\nPenyebarluasan.\n"),
        "Pendanaan",
        "sudah ada di docs/faq/sosialisasi/apa-itu-sosialisasi.md",
    ),
    (
        "stray-byte-in-utf-8",
        export("Apa itu BLM?\nDana “bantuan” langsung.\n").encode() + b"Dana \x93lain\x94.\n",
        "Pendanaan",
        "baris 17 memuat byte 0x93 yang bukan UTF-8",
    ),
]


@pytest.mark.parametrize(("content", "kategori", "message"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_input_writes_nothing(project, tmp_path, content, kategori, message, impor):
    before = snapshot(project)
    result = impor(project, source_file(tmp_path, content), kategori)
    assert result.returncode == 2, result.stdout
    assert result.stderr.startswith("Gagal: ") and message in result.stderr, result.stderr
    assert snapshot(project) == before


def test_make_impor_runs_the_script_with_its_arguments(tmp_path):
    """`make impor SUMBER=… KATEGORI="…" ARGS=--dry-run` plans without writing; quotes and $ in the
    category's name reach the script as typed."""
    source = source_file(tmp_path, export("Apa itu BLM?\nBantuan langsung masyarakat.\n"))
    before = snapshot(DOCS / "faq")
    command = [
        "make",
        "--no-print-directory",
        "impor",
        f"SUMBER={source}",
        'KATEGORI=Dana "Bergulir" $HOME',
        "ARGS=--dry-run",
    ]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert str(SCRIPT.relative_to(ROOT)) in result.stdout
    assert 'docs/faq/dana-bergulir-home/index.md  (kategori "Dana "Bergulir" $HOME"' in result.stdout, result.stdout
    assert (
        "docs/faq/dana-bergulir-home/apa-itu-blm.md" in result.stdout
        and "tidak ada berkas yang ditulis" in result.stdout
    )
    assert snapshot(DOCS / "faq") == before


def test_missing_source_file(project, tmp_path, impor):
    result = impor(project, tmp_path / "tidak-ada.txt")
    assert result.returncode == 2 and "Berkas sumber tidak ditemukan" in result.stderr


def test_a_page_that_is_no_utf_8_is_named(project, tmp_path, impor):
    (project / "docs" / "faq" / "sosialisasi" / "lama.md").write_bytes(b"# Apa itu caf\xe9?\n")
    result = impor(project, source_file(tmp_path, export("Apa itu BLM?\nDana.\n")))
    assert result.returncode == 2
    assert "docs/faq/sosialisasi/lama.md bukan teks UTF-8 (byte 0xE9 di baris 1)" in result.stderr, result.stderr
