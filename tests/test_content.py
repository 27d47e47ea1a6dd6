"""The handbook keeps the source's wording, has the right structure, and builds strictly."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup
from support import (
    DOCS,
    SOURCE,
    copy_docs,
    corrections,
    sentences,
    source_answers,
    spaced,
    sphinx_build,
    squash,
)

QUESTIONS = {
    "Apa itu Sosialisasi?": "faq/sosialisasi/apa-itu-sosialisasi.html",
    "Apa Tujuan Sosialisasi?": "faq/sosialisasi/apa-tujuan-sosialisasi.html",
    "Siapa Sasaran Sosialisasi?": "faq/sosialisasi/siapa-sasaran-sosialisasi.html",
    "Siapa Pelaku Sosialisasi?": "faq/sosialisasi/siapa-pelaku-sosialisasi.html",
}

# Parts of a question page that are not the answer: the title, permalinks, and anything the
# extensions add around the answer (keyword list, dates), which they mark with class "faq-meta".
NOT_ANSWER = "h1, a.headerlink, .faq-meta"


def soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


# Elements that start a new line of text; inline markup (links, glossary terms, emphasis) joins its
# neighbours without a space, as a reader sees it.
BLOCKS = "p, li, dt, dd, h1, h2, h3, h4, h5, h6, td, th, pre, div, section, ol, ul, dl, table, blockquote"


def page_text(html_dir, page: str, remove: str = "a.headerlink, .faq-meta") -> str:
    """The page's main text, whitespace normalised only; Sphinx's smart quotes change nothing here
    because the sources already use typographic quotes (‘makna’), so no quote or dash is mapped."""
    article = soup(html_dir / page).select_one("article[role=main]")
    for node in article.select(remove):
        node.decompose()
    for block in article.select(BLOCKS):
        block.insert_before("\n")
        block.insert_after("\n")
    return spaced(article.get_text(""))


def answer_text(html_dir, page: str) -> str:
    return page_text(html_dir, page, NOT_ANSWER)


def catalog_answer(html_dir, page: str) -> str:
    """The page's answer as the catalog (faq_catalog) took it, published in the page's FAQPage data."""
    script = soup(html_dir / page).select_one('script[type="application/ld+json"]')
    return json.loads(script.string)["mainEntity"][0]["acceptedAnswer"]["text"]


def test_source_has_the_four_questions():
    assert list(source_answers()) == list(QUESTIONS)


@pytest.mark.parametrize("question", QUESTIONS)
def test_every_source_sentence_is_on_its_page_once(html_dir, question):
    """Fidelity: each sentence of the corrected source appears in the page's answer exactly once, as
    written: case, punctuation and spacing (only whitespace runs are normalised)."""
    text = answer_text(html_dir, QUESTIONS[question])
    for sentence in sentences(source_answers()[question]):
        assert text.count(spaced(sentence)) == 1, f"{QUESTIONS[question]}: {sentence!r}"


@pytest.mark.parametrize("question", QUESTIONS)
def test_answer_is_the_source_nothing_more(html_dir, question):
    """Nothing lost, duplicated or added: the answer's letters equal the source's, in order, both on
    the page and in the catalog's answer text (which the meta description and JSON-LD publish)."""
    expected = squash(source_answers()[question])
    assert squash(answer_text(html_dir, QUESTIONS[question])) == expected
    assert squash(catalog_answer(html_dir, QUESTIONS[question])) == expected


def handbook_sources() -> str:
    return spaced("\n".join(path.read_text(encoding="utf-8") for path in sorted((DOCS / "faq").rglob("*.md"))))


def without(text: str, new: str) -> str:
    """`text` with the corrected form blanked out, so that an old form inside the new one is not counted."""
    return text.replace(new, "\0")


@pytest.mark.parametrize(("old", "new"), corrections(), ids=[new for _, new in corrections()])
def test_correction_is_kept_in_the_sources(old, new):
    """Each recorded correction, exactly (case, spacing, punctuation), in the pages under docs/faq/."""
    text = handbook_sources()
    assert new in text, f"{new!r} is missing from docs/faq/"
    assert old not in without(text, new), f"{old!r} is back in docs/faq/"


@pytest.mark.parametrize(("old", "new"), corrections(), ids=[new for _, new in corrections()])
def test_correction_is_kept_in_the_html(html_dir, old, new):
    text = "\n".join(page_text(html_dir, page) for page in QUESTIONS.values())
    assert new in text, f"{new!r} is missing from the question pages"
    assert old not in without(text, new), f"{old!r} is back on a question page"


def test_about_page_has_the_programme_facts(html_dir):
    text = " ".join(soup(html_dir / "tentang.html").select_one("article[role=main]").get_text(" ").split())
    footer = SOURCE.read_text(encoding="utf-8").split("\nPNPM Mandiri Perkotaan:\n", 1)[1]
    assert "Jl. Danau Toba F 3 No. 8" in text and "Jakarta Pusat 10210" in text
    assert "Didukung oleh: World Bank & Islamic Development Bank" in text
    assert "Selamat datang di website PNPM Mandiri Perkotaan!" in text
    assert "pengunjung" in footer and "pengunjung" not in text, "the visitor counter is not content"


@pytest.mark.parametrize("page", QUESTIONS.values())
def test_question_page_has_one_h1_ending_in_question_mark(html_dir, page):
    headings = soup(html_dir / page).select("article[role=main] h1")
    assert len(headings) == 1
    assert headings[0].get_text().rstrip("#¶ ").endswith("?")


def test_every_page_is_reachable_from_the_home_page(html_dir):
    """Follow links from index.html; every built page must be found."""
    pages = {p.relative_to(html_dir).as_posix() for p in html_dir.rglob("*.html")}
    # offline.html is what the service worker shows for a page it has not stored (faq_offline).
    special = {"genindex.html", "search.html", "404.html", "offline.html"}
    seen, todo = set(), ["index.html"]
    while todo:
        page = todo.pop()
        if page in seen or page not in pages:
            continue
        seen.add(page)
        base = (html_dir / page).parent
        for link in soup(html_dir / page).select("a[href]"):
            href = link["href"].split("#")[0]
            if href and not re.match(r"^[a-z]+:", href):
                target = (base / href).resolve()
                if target.is_relative_to(html_dir.resolve()):
                    todo.append(target.relative_to(html_dir.resolve()).as_posix())
    assert pages - special - seen == set()


@pytest.mark.slow  # builds in a subprocess
def test_broken_page_fails_the_strict_build(tmp_path):
    docs = copy_docs(tmp_path / "docs")
    page = docs / "faq" / "sosialisasi" / "apa-itu-sosialisasi.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nLihat {ref}`bagian-yang-tidak-ada`.\n", encoding="utf-8")
    result = sphinx_build(docs, tmp_path / "out")
    assert result.returncode != 0
    assert "apa-itu-sosialisasi.md" in result.stdout and "bagian-yang-tidak-ada" in result.stdout
