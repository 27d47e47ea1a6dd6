"""faq_latex and faq_downloads on a tiny project: handouts, keywords, metadata, glossary subset, download links."""

from __future__ import annotations

import re

import pytest
from sphinx.errors import ConfigError
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
    app.build()
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


def test_downloads_offer_the_pocket_editions_when_built_with_them(make_app, project, tmp_path_factory):
    folder = tmp_path_factory.mktemp("buku-saku")
    for name in ("tanya-jawab-a-saku", "tanya-jawab-a-saku-cetak", "tanya-jawab-pnpm-mandiri-perkotaan-saku"):
        (folder / f"{name}.pdf").write_bytes(b"%PDF-1.5\n")
    app = make_app("html", srcdir=project, confoverrides={"faq_downloads_print": str(folder)})
    app.build()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="(_downloads/[^"]+)"', html)
    # The whole book first, then each category: its pocket edition and its booklet.
    assert [link.rsplit("/", 1)[1] for link in links] == [
        "tanya-jawab-pnpm-mandiri-perkotaan-saku.pdf",
        "tanya-jawab-a-saku.pdf",
        "tanya-jawab-a-saku-cetak.pdf",
    ]
    assert all((app.outdir / link).is_file() for link in links)
    assert "Seluruh buku" in html and "balik pada sisi pendek" in html


def test_downloads_without_the_pocket_editions_are_an_error(make_app, project, tmp_path_factory):
    app = make_app("html", srcdir=project, confoverrides={"faq_downloads_print": str(tmp_path_factory.mktemp("e"))})
    app.build()
    assert "tidak ada buku saku" in app.warning.getvalue() and "make buku-saku" in app.warning.getvalue()


def test_pocket_edition_is_a5_two_sided_with_its_own_names(make_app, project):
    app = make_app("latex", srcdir=project, confoverrides={"faq_latex_paper": "a5"})
    app.build()
    assert [entry[1] for entry in app.config.latex_documents] == [
        "buku-saku.tex",
        "tanya-jawab-a-saku.tex",
        "tanya-jawab-b-saku.tex",
    ]
    tex = (app.outdir / "buku-saku.tex").read_text(encoding="utf-8")
    assert r"\documentclass[a5paper,10pt," in tex and ",twoside]" in tex.split("\n", 3)[2]
    assert r"\PassOptionsToPackage{saku}{tanyajawab}" in tex
    assert r"{Kategori: Beta dan Alfa}" in tex, "the title page names the categories it holds"


def test_the_default_keeps_conf_paper_and_names(latex):
    """Without faq_latex_paper = "a5", the paper is conf.py's own (A4 in the handbook)."""
    tex = (latex.outdir / "buku.tex").read_text(encoding="utf-8")
    assert "a5paper" not in tex and "saku" not in tex and "twoside" not in tex
    assert r"{Edisi " in tex and r"{Kategori: Beta dan Alfa}" in tex


def test_handout_of_chosen_questions_in_their_order(make_app, project):
    app = make_app("latex", srcdir=project, confoverrides={"faq_latex_questions": "dua a/satu"})
    app.build()
    assert [entry[1] for entry in app.config.latex_documents] == ["tanya-jawab-pilihan.tex"]
    tex = (app.outdir / "tanya-jawab-pilihan.tex").read_text(encoding="utf-8")
    body = tex.split(r"\begin{document}", 1)[1]
    assert body.index(r"\section{Dua?}") < body.index(r"\section{Satu?}")
    assert r"\title{Pertanyaan Pilihan}" in tex and "{2 pertanyaan pilihan}" in tex
    assert "{Kategori: Beta dan Alfa}" in tex and "pdfkeywords={kota, miskin, warga}" in tex
    glossary = body.split(r"\section{Istilah}", 1)[1]
    assert "Kelompok Belajar Kelurahan." in glossary and "Konsultan." in glossary


def test_unknown_chosen_question_is_an_error_and_writes_nothing(make_app, project):
    app = make_app("latex", srcdir=project, confoverrides={"faq_latex_questions": "satu tiga"})
    app.build()
    assert "tidak ada pertanyaan 'tiga'" in app.warning.getvalue()
    assert not list(app.outdir.glob("tanya-jawab-*.tex"))


def test_a_question_chosen_twice_is_an_error(make_app, project):
    app = make_app("latex", srcdir=project, confoverrides={"faq_latex_questions": "satu dua a/satu"})
    app.build()
    assert "pertanyaan 'a/satu' disebut lebih dari sekali" in app.warning.getvalue()
    assert not list(app.outdir.glob("tanya-jawab-*.tex"))


def test_paper_size_is_checked(make_app, project):
    with pytest.raises(ConfigError, match="faq_latex_paper"):
        make_app("latex", srcdir=project, confoverrides={"faq_latex_paper": "a3"})
