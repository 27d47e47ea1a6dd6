"""The real-world search corpora (scripts/search_corpus.py) keep the help's links between pages."""

from __future__ import annotations

import sys

from support import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import search_corpus  # noqa: E402 (path above)

MALLARD_PAGE = """<page xmlns="http://projectmallard.org/1.0/" type="topic" id="{name}">
  <info>
    <link type="guide" xref="{guide}"/>
    <desc>Deskripsi halaman.</desc>
  </info>
  <title>{title}</title>
  <p>Lihat <link xref="{other}"/> atau <link xref="{other}">halaman lain</link>.</p>
</page>
"""


def test_a_link_becomes_a_reference_to_a_page_of_the_corpus_and_text_otherwise():
    text = "Buka " + search_corpus.link("b", "Pengaturan *Layar*") + " dan " + search_corpus.link("x", "Tetikus")
    assert search_corpus._rst(text, frozenset({"a", "b"})) == r"Buka \ :doc:`Pengaturan \*Layar\* <b>`\  dan Tetikus"
    assert search_corpus.plain(text) == "Buka Pengaturan *Layar* dan Tetikus"


def test_mallard_links_show_their_text_or_the_title_and_guides_list_their_topics(tmp_path):
    pages = {"topik": ("panduan", "Topik", "lain"), "lain": ("panduan", "Halaman Lain", "topik")}
    for name, (guide, title, other) in pages.items():
        page = MALLARD_PAGE.format(name=name, guide=guide, title=title, other=other)
        (tmp_path / f"{name}.page").write_text(page, encoding="utf-8")
    titles = {"topik": "Topik", "lain": "Halaman Lain", "panduan": "Panduan"}
    page = search_corpus.parse(tmp_path / "topik.page", titles, {"topik": ["panduan"]})
    text = page.sections[0][1]
    # An empty link shows the title of the page it leads to; a topic lists its guide.
    assert search_corpus.plain(text) == "Lihat Halaman Lain atau halaman lain.\n\nPanduan"
    assert [m.group(1) for m in search_corpus.LINK.finditer(text)] == ["lain", "lain", "panduan"]
    assert page.description == "Deskripsi halaman."
    assert "Deskripsi" not in text


def test_libreoffice_links_to_guides_and_related_topics_are_kept_apart_from_the_page():
    parser = search_corpus._HelpPage()
    parser.feed(
        '<div id="DisplayArea"><h1>Memutar Teks</h1>'
        '<p>Lihat <a href="id/text/swriter/guide/text_emphasize.html">Menegaskan Teks</a> dan '
        '<a href="id/text/shared/02/01140000.html">Fungsi Menggambar</a>.</p>'
        '<div class="relatedtopics"><p><a href="id/text/scalc/guide/text_rotate.html#x">Memutar di Calc</a></p>'
        '<meta itemprop="keywords" content="bukan kata kunci halaman ini"></div>'
        '<div id="SearchFrame"></div><p>Kaki halaman</p></div>'
    )
    assert parser.own == 2
    assert [search_corpus.plain(text) for _, text in parser.blocks] == [
        "Memutar Teks",
        "Lihat Menegaskan Teks dan Fungsi Menggambar.",
        "Memutar di Calc",
    ]
    links = [m.group(1) for _, text in parser.blocks for m in search_corpus.LINK.finditer(text)]
    assert links == ["swriter-text_emphasize", "scalc-text_rotate"]
    assert parser.keywords == []
