"""faq_glossary on a tiny project: the glossary page, term links in answers, print output, data-file errors."""

from __future__ import annotations

import faq_glossary
import pytest
from bs4 import BeautifulSoup
from support import squash, write

CONF = """
extensions = ["myst_parser", "faq_catalog", "faq_glossary"]
language = "id"
nitpicky = True
"""
TERMS = """
- istilah: RT
  kepanjangan: Rukun Tetangga
  arti: Satuan lingkungan warga yang terkecil.
- istilah: Kelompok Peduli
  arti: Orang-orang yang peduli.
- istilah: fasilitator
  arti: Tenaga pendamping masyarakat.
"""
ANSWER = (
    "Fasilitator datang ke RT 01 dan kelompok peduli. Fasilitator lagi; rt dan RTRW bukan istilah. `RT` juga bukan."
)


@pytest.fixture
def project(tmp_path):
    write(tmp_path, "conf.py", CONF)
    write(tmp_path, "istilah.yml", TERMS)
    write(tmp_path, "index.md", "# Beranda\n\n```{toctree}\nfaq/a/index\nistilah\n```\n")
    write(tmp_path, "istilah.md", "# Daftar Istilah\n\n```{faq-glossary}\n```\n")
    write(tmp_path, "faq/a/index.md", "# A\n\nFasilitator di halaman kategori.\n\n```{toctree}\nsatu\n```\n")
    write(tmp_path, "faq/a/satu.md", f"---\nkeywords: [a]\n---\n# Apa itu RT?\n\n{ANSWER}\n")
    return tmp_path


def build(make_app, project, builder="html"):
    app = make_app(builder, srcdir=project)
    app.build()
    return app


def warnings(app) -> str:
    """The build's warnings, less one that only the test harness shows: docutils' note that it has
    no Indonesian labels (sphinx-build silences it; SphinxTestApp lets the first page of a process emit it)."""
    lines = app.warning.getvalue().splitlines()
    return "\n".join(line for line in lines if 'Language "id" not supported' not in line)


def page(app, name):
    return BeautifulSoup((app.outdir / name).read_text(encoding="utf-8"), "html.parser")


def test_glossary_page_lists_the_data_file_sorted(make_app, project):
    app = build(make_app, project)
    assert warnings(app) == ""
    glossary = page(app, "istilah.html")
    terms = glossary.select("dl.glossary > dt")
    assert [dt.get_text(strip=True).rstrip("¶") for dt in terms] == ["fasilitator", "Kelompok Peduli", "RT"]
    assert [dt["id"] for dt in terms] == ["term-fasilitator", "term-Kelompok-Peduli", "term-RT"]
    assert terms[2].find_next_sibling("dd").get_text(" ", strip=True) == (
        "Rukun Tetangga . Satuan lingkungan warga yang terkecil."
    )


def test_first_occurrence_of_each_term_links_to_the_glossary(make_app, project):
    app = build(make_app, project)
    answer = page(app, "faq/a/satu.html").select_one("section")
    links = answer.select("a.faq-istilah-link")
    assert [(a.get_text(), a["href"]) for a in links] == [
        ("Fasilitator", "../../istilah.html#term-fasilitator"),
        ("RT", "../../istilah.html#term-RT"),
        ("kelompok peduli", "../../istilah.html#term-Kelompok-Peduli"),
    ]
    assert [a.abbr["title"] for a in links] == [
        "Tenaga pendamping masyarakat.",
        "Rukun Tetangga",
        "Orang-orang yang peduli.",
    ]
    assert answer.h1.a is None or "faq-istilah-link" not in answer.h1.a.get("class", [])  # titles stay plain
    assert squash(answer.p.get_text()) == squash(ANSWER.replace("`", ""))  # no text added
    assert "faq-istilah" not in page(app, "faq/a/index.html").select_one("body").decode()  # answers only


def test_print_output_keeps_the_plain_text(make_app, project):
    app = build(make_app, project, "latex")
    assert warnings(app) == ""
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert "Fasilitator datang ke RT 01 dan kelompok peduli." in tex
    assert "(Rukun Tetangga)" not in tex
    assert r"\sphinxlineitem{RT" in tex  # the glossary is in the book


def test_editing_the_data_file_rebuilds_the_pages(make_app, project):
    build(make_app, project).cleanup()
    write(project, "istilah.yml", TERMS.replace("Rukun Tetangga", "Rukun Tetangga (RT)"))
    app = build(make_app, project)
    assert page(app, "faq/a/satu.html").select_one("abbr.faq-istilah[title='Rukun Tetangga (RT)']")
    assert "Rukun Tetangga (RT)" in page(app, "istilah.html").get_text()


def test_a_broken_entry_is_reported_with_file_and_line(make_app, project):
    write(project, "istilah.yml", TERMS + "- istilah: KBK\n  kepanjangan: Kelompok Belajar Kelurahan\n")
    app = build(make_app, project)
    assert "istilah.yml:8: WARNING: Entri ini perlu kolom 'istilah' dan 'arti', keduanya berisi teks." in warnings(app)


# Places where a term stays plain text (then its next occurrence is the one linked).
NOT_LINKED = {
    "link": "Lihat [situs fasilitator](https://contoh.test/).",
    "inline-code": "Kata `fasilitator` di kode.",
    "code-block": "```text\nfasilitator\n```",
    "heading": "## Peran fasilitator",
}


@pytest.mark.parametrize("markdown", NOT_LINKED.values(), ids=NOT_LINKED)
def test_term_inside_a_link_code_or_heading_is_not_linked(make_app, project, markdown):
    write(
        project, "faq/a/satu.md", f"---\nkeywords: [a]\n---\n# Apa itu RT?\n\n{markdown}\n\nLalu fasilitator datang.\n"
    )
    app = build(make_app, project)
    answer = page(app, "faq/a/satu.html").select_one("section")
    assert not answer.select("a a"), "a link inside a link is invalid HTML"
    links = answer.select("a.faq-istilah-link")
    assert [(a.get_text(), a.find_parent("p").get_text()) for a in links] == [
        ("fasilitator", "Lalu fasilitator datang.")
    ]


@pytest.mark.parametrize("parallel", [1, 2])
def test_the_data_file_is_parsed_once_per_build(make_app, project, monkeypatch, parallel):
    """Also under -j, whose reading processes are forked: each would parse it again."""
    for name in ("dua", "tiga", "empat"):
        write(project, f"faq/a/{name}.md", f"---\nkeywords: [a]\n---\n# {name}?\n\nFasilitator {name}.\n")
    write(project, "faq/a/index.md", "# A\n\n```{toctree}\nsatu\ndua\ntiga\nempat\n```\n")
    parses = project / "parses.log"
    parse = faq_glossary._parse

    def counted(path):
        with parses.open("a") as log:  # a file: forked processes share it
            log.write(f"{path}\n")
        return parse(path)

    monkeypatch.setattr(faq_glossary, "_parse", counted)
    app = make_app("html", srcdir=project, parallel=parallel)
    app.build()
    assert len(parses.read_text().splitlines()) == 1
    assert page(app, "faq/a/empat.html").select_one("abbr.faq-istilah")


def test_invalid_yaml_is_reported_at_its_line(make_app, project):
    write(project, "istilah.yml", TERMS + "- istilah: KBK\n  arti: Kelompok: belajar\n")
    app = build(make_app, project)
    assert "istilah.yml:9: WARNING: Berkas istilah.yml bukan YAML yang sah: mapping values are not allowed" in warnings(
        app
    )


def test_pointing_to_another_data_file_rebuilds_the_pages(make_app, project):
    build(make_app, project).cleanup()
    write(project, "lain.yml", TERMS.replace("Rukun Tetangga", "Rukun Tetangga Lain"))
    write(project, "conf.py", CONF + "faq_glossary_file = 'lain.yml'\n")
    app = build(make_app, project)
    assert page(app, "faq/a/satu.html").select_one("abbr.faq-istilah[title='Rukun Tetangga Lain']")


def test_a_term_without_a_glossary_page_is_reported(make_app, project):
    """Linked terms need the glossary page: without it each link warns instead of silently becoming text,
    even in a build that is not nitpicky (as livehtml's)."""
    write(project, "conf.py", CONF.replace("nitpicky = True", ""))
    (project / "istilah.md").unlink()
    write(project, "index.md", "# Beranda\n\n```{toctree}\nfaq/a/index\n```\n")
    app = build(make_app, project)
    assert "term not in glossary: 'fasilitator'" in warnings(app)


def test_a_term_defined_again_elsewhere_is_reported_at_the_glossary_line(make_app, project):
    write(project, "aaa.md", "---\norphan: true\n---\n# Lain\n\n```{glossary}\nRT\n   Yang lain.\n```\n")
    app = build(make_app, project)
    assert "istilah.md:3: WARNING: duplicate term description of RT" in warnings(app)


def test_a_character_yaml_cannot_read_is_reported(make_app, project):
    write(project, "istilah.yml", TERMS + "- istilah: KBK\n  arti: bel \x07 berbunyi\n")
    app = build(make_app, project)
    assert "istilah.yml:9: WARNING: Berkas istilah.yml bukan YAML yang sah: special characters are not allowed" in (
        warnings(app)
    )


# A contributor's mistakes in the data file, after the three good entries of TERMS (lines 1-7): each is a warning at
# its line that says what to do, never a crash, and the good entries stay.
MISTAKES = {
    "not-utf8": (
        "- istilah: Caf\xe9\n  arti: Kedai.\n".encode("latin-1"),
        8,
        "Berkas ini tidak tersimpan dalam encoding UTF-8",
    ),
    "impossible-date": (
        "- istilah: KBK\n  arti: 2021-99-99\n",
        9,
        "Berkas istilah.yml bukan YAML yang sah: month must be in 1..12",
    ),
    "nested-too-deep": (
        "- istilah: KBK\n  arti: " + "[" * 2000 + "]" * 2000 + "\n",
        1,
        "Berkas istilah.yml bersarang terlalu dalam",
    ),
    "alias": (
        "- istilah: KBK\n  kepanjangan: &k Kelompok\n  arti: *k\n",
        9,
        "Berkas istilah.yml tidak boleh memakai anchor atau alias YAML (&k)",
    ),
    "number": ("- istilah: 2024\n  arti: Tahun.\n", 8, "Nilai '2024' di kolom 'istilah' dibaca YAML sebagai angka"),
    "yes-as-expansion": (
        "- istilah: KBK\n  kepanjangan: yes\n  arti: Kelompok.\n",
        9,
        "Nilai 'yes' di kolom 'kepanjangan' dibaca YAML sebagai ya/tidak (boolean), bukan teks.",
    ),
    "list": ("- istilah: [RW, KBK]\n  arti: Satuan.\n", 8, "Kolom 'istilah' berisi teks, bukan daftar"),
    "misspelt-field": (
        "- istilah: KBK\n  kepanjangn: Kelompok Belajar Kelurahan\n  arti: Kelompok.\n",
        9,
        "Kolom 'kepanjangn' tidak dikenal; kolom entri istilah: istilah, kepanjangan, arti. Periksa ejaannya.",
    ),
    "field-twice": (
        "- istilah: KBK\n  arti: Satu.\n  arti: Dua.\n",
        10,
        "Kolom 'arti' ditulis dua kali di entri ini (juga di baris 9); hanya yang terakhir yang dipakai. "
        "Hapus salah satunya.",
    ),
    "term-again-with-a-soft-hyphen": (
        "- istilah: Fasili\u00adtator\n  arti: Lain.\n",
        8,
        "Istilah 'Fasilitator' sudah ada di baris 6",
    ),
    "not-an-entry": ("- KBK\n", 8, "Setiap entri istilah.yml berisi kolom istilah, arti"),
    "common-word": ("- istilah: dan\n  arti: Kata sambung.\n", 8, "'dan' terlalu umum untuk Daftar Istilah"),
    "one-letter": ("- istilah: P\n  kepanjangan: Pusat\n  arti: Pusat.\n", 8, "'P' terlalu umum"),
    "long-meaning": (
        "- istilah: BLM\n  arti: " + "Dana bantuan. " * 50 + "\n",
        9,
        "Kolom 'arti' terlalu panjang (699 karakter; paling banyak 600)",
    ),
    "long-term": (
        "- istilah: " + "K" * 81 + "\n  arti: Kelompok.\n",
        8,
        "Kolom 'istilah' terlalu panjang (81 karakter",
    ),
    "long-expansion": (
        "- istilah: KBK\n  kepanjangan: " + "Kelompok " * 23 + "\n  arti: Kelompok.\n",
        9,
        "Kolom 'kepanjangan' terlalu panjang (206 karakter; paling banyak 200)",
    ),
}


@pytest.mark.parametrize(("added", "line", "message"), MISTAKES.values(), ids=MISTAKES)
def test_a_mistake_in_the_data_file_is_reported_at_its_line(make_app, project, added, line, message):
    (project / "istilah.yml").write_bytes(
        TERMS.lstrip().encode() + (added if isinstance(added, bytes) else added.encode())
    )
    app = build(make_app, project)
    assert f"istilah.yml:{line}: WARNING: {message}" in warnings(app)
    terms = [dt.get_text(strip=True).rstrip("¶") for dt in page(app, "istilah.html").select("dl.glossary > dt")]
    assert terms == [] or {"fasilitator", "Kelompok Peduli", "RT"} <= set(terms)  # no terms if YAML cannot read it


def test_a_term_written_across_two_lines_is_linked_there(make_app, project):
    """MyST keeps a line break of the source as a text node of its own; the term's first occurrence is linked."""
    write(
        project, "faq/a/satu.md", "---\nkeywords: [a]\n---\n# Apa itu RT?\n\nAda kelompok\npeduli; Kelompok Peduli.\n"
    )
    app = build(make_app, project)
    links = page(app, "faq/a/satu.html").select("section a.faq-istilah-link")
    assert [a.get_text() for a in links] == ["kelompok\npeduli"]


def test_an_entry_with_a_misspelt_field_or_the_longest_meaning_is_still_read(make_app, project):
    """A misspelt field is reported and skipped, the entry's other fields still read; a meaning
    of exactly the limit (600 characters) is accepted."""
    longest = ("Dana bantuan. " * 42).strip() + " Dana sosial."
    assert len(longest) == faq_glossary.LIMITS["arti"]
    added = f"- istilah: KBK\n  kepanjangn: Kelompok\n  arti: Kelompok.\n- istilah: BLM\n  arti: {longest}\n"
    (project / "istilah.yml").write_text(TERMS.lstrip() + added, encoding="utf-8")
    app = build(make_app, project)
    assert "istilah.yml:9: WARNING: Kolom 'kepanjangn' tidak dikenal" in warnings(app)
    assert "terlalu panjang" not in warnings(app)
    terms = [dt.get_text(strip=True).rstrip("¶") for dt in page(app, "istilah.html").select("dl.glossary > dt")]
    assert {"KBK", "BLM"} <= set(terms)
