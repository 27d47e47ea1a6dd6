"""faq_html on a tiny project: descriptions, keywords, FAQPage JSON-LD, robots.txt."""

from __future__ import annotations

import json

import faq_catalog as catalog
import faq_html
import pytest
from bs4 import BeautifulSoup
from support import write

CONF = """
extensions = ["myst_parser", "faq_catalog", "faq_html"]
language = "id"
html_baseurl = "https://contoh.test/id/latest/"
smartquotes = False  # straight quotes reach the meta tags, to test their escaping
"""
# Every character that is special in an HTML attribute.
SPECIAL = """Warga "miskin" & 'rentan', nilai 1 < 2 > 0."""
LONG = "Kalimat pertama yang sangat panjang " + "dan terus berlanjut " * 12 + "hingga selesai."

TABLE_ONLY = """---
summary: Pelaku di tiap tingkat. Bagan di bawah.
---
# Siapa di tiap tingkat?

| Tingkat | Pelaku |
|---|---|
| Kelurahan | BKM |
"""


@pytest.fixture
def built(make_app, tmp_path):
    write(tmp_path, "conf.py", CONF)
    write(tmp_path, "index.md", "# Beranda\n\nBuku tanya jawab. Kalimat kedua.\n\n```{toctree}\nfaq/a/index\n```\n")
    write(
        tmp_path,
        "faq/a/index.md",
        "---\ndescription: Kategori A. Lebih lanjut.\n---\n# A\n\n```{toctree}\nsatu\ndua\ntiga\nempat\n```\n",
    )
    write(
        tmp_path,
        "faq/a/satu.md",
        """
        ---
        keywords: [miskin, "warga <kota>"]
        ---
        # Apa itu satu?

        ```{container} faq-meta
        Kata kunci: miskin.
        ```

        ## Bagian

        Jawaban pertama </script> di sini. Kalimat kedua.

        1. Butir satu
        """,
    )
    write(tmp_path, "faq/a/dua.md", f"# Dua?\n\n{LONG}\n")
    keywords = json.dumps(['kutip "ganda"', "A & B", "kutip 'tunggal'", "<kurung>"])
    write(tmp_path, "faq/a/tiga.md", f"---\nkeywords: {keywords}\n---\n# Apa \"tiga\" & 'itu'?\n\n{SPECIAL} Lalu.\n")
    write(tmp_path, "faq/a/empat.md", TABLE_ONLY)
    app = make_app("html", srcdir=tmp_path)
    app.build()
    return app.outdir


def page(outdir, name):
    return BeautifulSoup((outdir / name).read_text(encoding="utf-8"), "html.parser")


def meta(soup, name):
    tags = soup.select(f'meta[name="{name}"]')
    assert len(tags) <= 1, f"more than one meta {name}"
    return tags[0]["content"] if tags else None


def test_question_page_has_faqpage_json_ld(built):
    scripts = page(built, "faq/a/satu.html").select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    assert "</script>" not in scripts[0].string
    data = json.loads(scripts[0].string)
    assert data["@context"] == "https://schema.org" and data["@type"] == "FAQPage"
    (question,) = data["mainEntity"]
    assert question["@type"] == "Question" and question["name"] == "Apa itu satu?"
    assert question["acceptedAnswer"]["@type"] == "Answer"
    # Sub-headings and list items are part of the answer; faq-meta and the title are not.
    assert question["acceptedAnswer"]["text"] == "Bagian\nJawaban pertama </script> di sini. Kalimat kedua.\nButir satu"


def test_descriptions(built):
    assert meta(page(built, "faq/a/satu.html"), "description") == "Jawaban pertama </script> di sini."
    assert meta(page(built, "faq/a/index.html"), "description") == "Kategori A."
    assert meta(page(built, "index.html"), "description") == "Buku tanya jawab."
    # Generated pages fall back to the home page's description.
    assert meta(page(built, "search.html"), "description") == "Buku tanya jawab."
    long = meta(page(built, "faq/a/dua.html"), "description")
    assert long.endswith("…") and len(long) <= catalog.DESCRIPTION_LIMIT and LONG.startswith(long[:-1])


def test_table_only_answer_is_described_by_its_summary(built):
    """A table's first cell is no description; the structured answer keeps the table's text."""
    soup = page(built, "faq/a/empat.html")
    assert meta(soup, "description") == "Pelaku di tiap tingkat."
    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert data["mainEntity"][0]["acceptedAnswer"]["text"] == "Tingkat\nPelaku\nKelurahan\nBKM"


def test_keywords_only_on_question_pages(built):
    assert meta(page(built, "faq/a/satu.html"), "keywords") == "miskin, warga <kota>"
    assert meta(page(built, "faq/a/dua.html"), "keywords") is None
    assert meta(page(built, "index.html"), "keywords") is None
    assert not page(built, "index.html").select('script[type="application/ld+json"]')


def test_robots_txt_names_the_sitemap(built):
    lines = (built / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert lines == ["User-agent: *", "Allow: /", "Sitemap: https://contoh.test/id/latest/sitemap.xml"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Satu. Dua.", "Satu."),
        ("Apa? Ya.", "Apa?"),
        ("Dibagi dalam 2 kategori berupa:", "Dibagi dalam 2 kategori berupa:"),
        ("Angka 3.5 tetap utuh. Lalu.", "Angka 3.5 tetap utuh."),
        ("kata " * 50, ("kata " * 31).strip() + "…"),
    ],
)
def test_first_sentence(text, expected):
    assert catalog.first_sentence(text) == expected


def test_meta_tags_escape_every_special_character(built):
    """A quote must not end the attribute: the tags, read as written, hold the text exactly."""
    html = (built / "faq/a/tiga.html").read_text(encoding="utf-8")
    escaped = "Warga &quot;miskin&quot; &amp; &#x27;rentan&#x27;, nilai 1 &lt; 2 &gt; 0."
    assert f'<meta name="description" content="{escaped}">' in html
    assert f'<meta property="og:description" content="{escaped}">' in html
    assert '<meta property="og:title" content="Apa &quot;tiga&quot; &amp; &#x27;itu&#x27;?' in html
    keywords = "kutip &quot;ganda&quot;, A &amp; B, kutip &#x27;tunggal&#x27;, &lt;kurung&gt;"
    assert f'<meta name="keywords" content="{keywords}">' in html
    soup = page(built, "faq/a/tiga.html")
    assert meta(soup, "description") == SPECIAL
    assert meta(soup, "keywords") == "kutip \"ganda\", A & B, kutip 'tunggal', <kurung>"


def test_meta_tag_helper():
    assert faq_html.meta_tag("description", "\"'&<>") == '<meta name="description" content="&quot;&#x27;&amp;&lt;&gt;">'
    assert faq_html.meta_tag("og:url", "x", "property") == '<meta property="og:url" content="x">'


def test_opengraph_tags(built):
    soup = page(built, "faq/a/satu.html")
    tags = {tag["property"]: tag["content"] for tag in soup.select("meta[property^='og:']")}
    assert tags == {
        "og:title": tags["og:title"],
        "og:type": "website",
        "og:url": "https://contoh.test/id/latest/faq/a/satu.html",
        "og:site_name": tags["og:site_name"],
        "og:description": "Jawaban pertama </script> di sini.",
        "og:locale": "id_ID",
    }
    assert tags["og:title"].startswith("Apa itu satu?") and tags["og:site_name"]


def test_title_markup_is_dropped_from_og_title(make_app, tmp_path):
    write(tmp_path, "conf.py", CONF)
    write(tmp_path, "index.md", "# Beranda\n\n```{toctree}\nfaq/a/index\n```\n")
    write(tmp_path, "faq/a/index.md", "# A\n")
    write(tmp_path, "faq/a/satu.md", "# Apa itu `KBK` dan *BKM*?\n\nJawab.\n")
    app = make_app("html", srcdir=tmp_path)
    app.build()
    og_title = page(app.outdir, "faq/a/satu.html").select_one('meta[property="og:title"]')["content"]
    assert og_title.startswith("Apa itu KBK dan BKM?")


def test_pages_without_a_paragraph_get_no_description(make_app, tmp_path):
    """Nothing to describe them by, on a site whose home has no text either: no empty or made-up tag."""
    write(tmp_path, "conf.py", CONF)
    write(tmp_path, "index.md", "# Beranda\n\n```{toctree}\nfaq/a/index\ndaftar\n```\n")
    write(tmp_path, "faq/a/index.md", "# A\n")
    write(tmp_path, "daftar.md", "# Daftar\n\n- satu\n")  # a list item holds a paragraph; none outside it
    write(tmp_path, "kosong.md", "---\norphan: true\n---\n# Kosong\n")
    app = make_app("html", srcdir=tmp_path)
    app.build()
    for name in ("index.html", "faq/a/index.html", "kosong.html", "search.html"):
        soup = page(app.outdir, name)
        assert meta(soup, "description") is None, name
        assert not soup.select('meta[property="og:description"]'), name


def test_epub_gets_no_robots_txt(make_app, tmp_path):
    write(tmp_path, "conf.py", CONF)
    write(tmp_path, "index.md", "# Beranda\n\nTeks.\n")
    app = make_app("epub", srcdir=tmp_path)
    app.build()
    assert (app.outdir / "index.xhtml").exists() and not (app.outdir / "robots.txt").exists()
