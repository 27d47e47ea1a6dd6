"""The real-world search corpora (scripts/search_corpus.py) keep the help's links between pages."""

from __future__ import annotations

import sys

from support import ROOT, require

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


def test_application_helps_become_one_site_named_by_application_without_untranslated_pages(tmp_path, monkeypatch):
    """Two applications' helps, each with an "index" page: the pages are named after their
    application, their links lead within their own help, and a page left in English (campur),
    or with an English description (inggris), is left out."""
    require("hunspell", "hunspell-id")
    english = "The following commands allow you to control the display from the keyboard and the mouse."
    helps = {
        "kalkulator": {
            "index": ("Kalkulator", "Hitung angka dengan kalkulator.", "Buka halaman ini dan pakai kalkulator.")
        },
        "kamus": {
            "index": ("Kamus", "Cari arti kata dalam kamus.", "Ketik kata yang ingin dicari di dalam kotak pencarian."),
            "inggris": (
                "Perintah",
                "Commands of the keyboard",
                "Tekan tombol ini untuk membuka jendela dari papan tik.",
            ),
            "campur": ("Layar", "Pindai kode dengan kamera.", english),
        },
    }
    for app, pages in helps.items():
        folder = tmp_path / f"paket-{app}" / "usr/share/help/id" / app
        folder.mkdir(parents=True)
        for name, (title, desc, text) in pages.items():
            page = MALLARD_PAGE.replace("Deskripsi halaman.", desc).replace("<p>Lihat", f"<p>{text} Lihat")
            (folder / f"{name}.page").write_text(
                page.format(name=name, guide="index", title=title, other="index"), "utf-8"
            )
    monkeypatch.setattr(search_corpus, "APPS", {app: f"paket-{app}" for app in helps})
    corpus = search_corpus.app_pages(tmp_path)
    assert [page.name for page in corpus] == ["kalkulator-index", "kamus-index"]
    # Its own links, then its topics (the guide's list; write_project keeps as text a link to a page left out).
    links = [m.group(1) for m in search_corpus.LINK.finditer(corpus[1].sections[0][1])]
    assert links == ["kamus-index", "kamus-index", "kamus-campur", "kamus-inggris"]
    assert [q for _, q, _ in search_corpus.queries(corpus)] == [
        "Hitung angka dengan kalkulator.",
        "Cari arti kata dalam kamus.",
    ]


def test_more_queries_of_a_page_are_a_class_of_the_held_out_half_only():
    """A page's description is its query in its half; its more queries (LibreOffice's other
    index entries) count for the test half only, apart, and a description two pages share is
    no query."""
    names = [f"halaman-{i}" for i in range(8)]
    corpus = [search_corpus.Page(name, name, [], f"entri {name}", (f"lain {name}",)) for name in names]
    corpus.append(search_corpus.Page("kembar", "Kembar", [], "entri halaman-0", ("lain kembar",)))
    rows = search_corpus.queries(corpus)
    halves = {name: search_corpus.split(name) for name in names}
    assert {"dev", "test"} <= set(halves.values())
    assert [r for r in rows if r[0] != "more (test)"] == [
        (halves[n], f"entri {n}", n) for n in names if n != "halaman-0"
    ]
    more = [r for r in rows if r[0] == "more (test)"]
    assert more == [("more (test)", f"lain {n}", n) for n in [*names, "kembar"] if search_corpus.split(n) == "test"]
