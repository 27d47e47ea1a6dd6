"""faq_latex and faq_downloads on a tiny project: handouts, keywords, metadata, glossary subset, download links."""

from __future__ import annotations

import pytest
from support import write

CONF = """
extensions = ["myst_parser", "faq_catalog", "faq_latex", "faq_downloads"]
language = "id"
author = "Penulis"
latex_documents = [("index", "buku.tex", "Buku", author, "manual", True)]
faq_latex_subject = "Subjek buku"
faq_latex_support = "Didukung oleh Kawan & Sahabat"
"""


@pytest.fixture
def project(tmp_path):
    write(tmp_path, "conf.py", CONF)
    write(
        tmp_path, "index.md", "# Beranda\n\n```{toctree}\nfaq/b/index\nfaq/a/index\nistilah\n```\n\n```{unduhan}\n```\n"
    )
    write(tmp_path, "faq/a/index.md", "---\ndescription: Kategori A.\n---\n# Alfa\n\n```{toctree}\nsatu\n```\n")
    write(tmp_path, "faq/b/index.md", "# Beta\n\n```{toctree}\ndua\n```\n")
    write(tmp_path, "faq/a/satu.md", "---\nkeywords: [miskin, warga]\n---\n# Satu?\n\nJawab {term}`KBK`.\n")
    write(tmp_path, "faq/b/dua.md", "---\nkeywords: [kota]\n---\n# Dua?\n\nJawab {term}`KMW`.\n")
    write(
        tmp_path,
        "istilah.md",
        "# Istilah\n\n```{glossary}\nKBK\n  Kelompok Belajar Kelurahan.\n\nKMW\n  Konsultan.\n```\n",
    )
    return tmp_path


@pytest.fixture
def latex(make_app, project):
    app = make_app("latex", srcdir=project)
    app.build()
    return app


def test_one_handout_per_category_folder(latex):
    handouts = [entry for entry in latex.config.latex_documents if entry[0] != "index"]
    assert [(e[0], e[1], e[4], e[5]) for e in handouts] == [
        ("faq/a/index", "tanya-jawab-a.tex", "howto", True),
        ("faq/b/index", "tanya-jawab-b.tex", "howto", True),
    ]


def test_no_handout_for_an_excluded_category(make_app, project):
    app = make_app("latex", srcdir=project, confoverrides={"exclude_patterns": ["faq/b/*"]})
    app.build()
    assert [entry[0] for entry in app.config.latex_documents] == ["index", "faq/a/index"]
    assert (app.outdir / "tanya-jawab-a.tex").is_file() and not (app.outdir / "tanya-jawab-b.tex").exists()


def test_handouts_can_be_switched_off(make_app, project):
    """Read the Docs takes one LaTeX document per version: conf.py switches the handouts off there."""
    app = make_app("latex", srcdir=project, confoverrides={"faq_latex_handouts": False})
    assert [entry[0] for entry in app.config.latex_documents] == ["index"]


def test_handout_has_its_questions_title_block_and_metadata(latex):
    tex = (latex.outdir / "tanya-jawab-a.tex").read_text(encoding="utf-8")
    assert "Satu?" in tex and "Dua?" not in tex
    assert r"\title{Alfa}" in tex
    assert r"\faqhandouttitle{" in tex and "Kategori A." in tex
    assert r"pdftitle={Alfa}" in tex and r"pdfkeywords={miskin, warga}" in tex
    assert r"\sphinxstylestrong{Kata kunci: }miskin, warga" in tex
    assert "openany" not in tex.split(r"\documentclass", 1)[1].split("\n", 1)[0]


def test_handout_ends_with_the_glossary_entries_it_uses(latex):
    tex = (latex.outdir / "tanya-jawab-a.tex").read_text(encoding="utf-8")
    glossary = tex.split(r"\section{Istilah}", 1)[1]
    assert "Kelompok Belajar Kelurahan." in glossary and "Konsultan." not in glossary
    assert r"\hyperref[\detokenize{istilah:term-KBK}]" in tex
    assert r"\label{\detokenize{istilah:term-KBK}}" in glossary


def test_handbook_has_title_page_metadata_and_daftar_isi(latex):
    tex = (latex.outdir / "buku.tex").read_text(encoding="utf-8")
    assert r"\faqtitlepage{" in tex and "Didukung oleh Kawan \\& Sahabat" in tex
    assert r"pdfsubject={Subjek buku}" in tex and "pdfkeywords={kota, miskin, warga}" in tex
    assert "Satu?" in tex and "Dua?" in tex and "Kata kunci: }kota" in tex
    assert r"\contentsname" not in tex, "the contents keep babel's name, Daftar Isi"


def test_downloads_link_to_read_the_docs(make_app, project):
    app = make_app("html", srcdir=project, confoverrides={"faq_downloads": "/_/downloads/id/latest/"})
    app.build()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    for kind in ("pdf", "epub", "htmlzip"):
        assert f'href="/_/downloads/id/latest/{kind}/"' in html


def test_downloads_offline_say_where_the_files_are(make_app, project):
    app = make_app("html", srcdir=project)
    app.build()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "/_/downloads/" not in html and "tersedia untuk diunduh" in html
