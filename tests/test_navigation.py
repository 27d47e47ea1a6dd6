"""The built site's navigation: home page, category pages, keywords, glossary and its tooltips.

Expected values come from the sources (front matter, docs/istilah.yml), never from the extensions.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from support import DOCS

GLOSSARY = yaml.safe_load((DOCS / "istilah.yml").read_text(encoding="utf-8"))
REQUIRED_TERMS = [
    "P2KP", "PNPM Mandiri Perkotaan", "KBP", "KBK", "KMW", "KMP", "Korkot", "RT", "RW", "Kelompok Strategis",
    "Kelompok Peduli", "fasilitator", "relawan", "khalayak sasaran", "sosialisasi", "pemberdayaan", "NU",
]  # fmt: skip
EXPANSIONS = {
    "P2KP": "Program Penanggulangan Kemiskinan di Perkotaan",
    "KBP": "Kelompok Belajar Perkotaan",
    "KBK": "Kelompok Belajar Kelurahan",
    "KMW": "Konsultan Manajemen Wilayah",
    "KMP": "Konsultan Manajemen Pusat",
    "Korkot": "Koordinator Kota",
    "RT": "Rukun Tetangga",
    "RW": "Rukun Warga",
    "PNPM": "Program Nasional Pemberdayaan Masyarakat",
}


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n", 2)[1]) if text.startswith("---\n") else {}


CATEGORIES = sorted(p.parent for p in DOCS.glob("faq/*/index.md"))
QUESTIONS = {
    p.relative_to(DOCS).with_suffix(".html").as_posix(): front_matter(p)
    for p in sorted(DOCS.glob("faq/*/*.md"))
    if p.name != "index.md"
}


def soup(html_dir: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((html_dir / page).read_text(encoding="utf-8"), "html.parser")


def resolve(page: str, href: str) -> str:
    """The site path an href on `page` points to (fragment kept)."""
    path, _, fragment = href.partition("#")
    parts = Path(page).parent.joinpath(path).as_posix().split("/") if path else [page]
    stack: list[str] = []
    for part in parts:
        if part == "..":
            stack.pop()
        elif part not in ("", "."):
            stack.append(part)
    return "/".join(stack) + (f"#{fragment}" if fragment else "")


def target_exists(html_dir: Path, link: str) -> bool:
    page, _, fragment = link.partition("#")
    return (html_dir / page).is_file() and (not fragment or soup(html_dir, page).find(id=fragment) is not None)


# -- Home page -----------------------------------------------------------------------


def test_home_has_a_labelled_search_box(html_dir):
    form = soup(html_dir, "index.html").select_one("article form.faq-search")
    assert form["action"] == "search.html" and form["method"] == "get"
    field = form.select_one("input[name=q]")
    assert form.select_one(f"label[for={field['id']}]").get_text(strip=True).startswith("Cari")


def test_home_has_one_card_per_category_with_its_count(html_dir):
    cards = soup(html_dir, "index.html").select("article .faq-cards .sd-card")
    assert len(cards) == len(CATEGORIES)
    by_link = {card.select_one("a.sd-stretched-link")["href"]: card for card in cards}
    for folder in CATEGORIES:
        card = by_link[folder.relative_to(DOCS).as_posix() + "/index.html"]
        count = sum(1 for p in folder.glob("*.md") if p.name != "index.md")
        assert card.select_one(".faq-card-count").get_text() == f"{count} pertanyaan"
        assert front_matter(folder / "index.md")["description"] in card.get_text()


def test_home_lists_every_question(html_dir):
    links = [a["href"] for a in soup(html_dir, "index.html").select("article .faq-question-list a")]
    assert sorted(links) == sorted(QUESTIONS)


# -- Category pages ---------------------------------------------------------------------


@pytest.mark.parametrize("folder", CATEGORIES, ids=lambda p: p.name)
def test_category_page_shows_each_question_with_its_summary(html_dir, folder):
    page = folder.relative_to(DOCS).as_posix() + "/index.html"
    items = soup(html_dir, page).select("article .faq-question-list > li")
    shown = {resolve(page, li.a["href"]): li.select_one(".faq-summary").get_text() for li in items}
    expected = {
        q: meta["summary"] for q, meta in QUESTIONS.items() if q.startswith(folder.relative_to(DOCS).as_posix())
    }
    assert shown == expected


# -- Keywords ---------------------------------------------------------------------------


@pytest.mark.parametrize("page", QUESTIONS)
def test_question_page_shows_its_keywords_linked_to_the_keyword_page(html_dir, page):
    meta = soup(html_dir, page).select_one("article[role=main] .faq-meta.faq-keywords")
    links = meta.select("a")
    assert [a.get_text() for a in links] == QUESTIONS[page]["keywords"]
    for link in links:
        target = resolve(page, link["href"])
        assert target.startswith("kata-kunci.html#") and target_exists(html_dir, target), target


def test_keyword_page_lists_every_keyword_with_its_questions(html_dir):
    page = soup(html_dir, "kata-kunci.html")
    shown = {
        dt.get_text().casefold(): sorted(a["href"] for a in dt.find_next_sibling("dd").select("a"))
        for dt in page.select("article dl.faq-keyword-list > dt")
    }
    expected: dict[str, list[str]] = {}
    for question, meta in QUESTIONS.items():
        for keyword in meta["keywords"]:
            expected.setdefault(keyword.casefold(), []).append(question)
    assert shown == {k: sorted(v) for k, v in expected.items()}
    letters = page.select("article .faq-letters a")
    assert [a.get_text() for a in letters] == sorted({k[0].upper() for k in expected})
    assert all(page.find(id=a["href"][1:]) for a in letters)


# -- Glossary ---------------------------------------------------------------------------


def test_glossary_has_every_required_term_with_a_definition(html_dir):
    page = soup(html_dir, "daftar-istilah.html")
    entries = {dt.get_text(strip=True).rstrip("¶"): dt.find_next_sibling("dd").get_text(" ", strip=True)
               for dt in page.select("article dl.glossary > dt")}  # fmt: skip
    assert set(REQUIRED_TERMS) <= set(entries)
    assert len(entries) == len(GLOSSARY)
    for term, expansion in EXPANSIONS.items():
        assert entries[term].startswith(expansion), term
    assert all(len(definition) > 10 for definition in entries.values())


@pytest.mark.parametrize("page", QUESTIONS)
def test_terms_in_answers_link_to_the_glossary_with_their_expansion(html_dir, page):
    article = soup(html_dir, page).select_one("article[role=main]")
    tooltip = {e["istilah"]: e.get("kepanjangan") or e["arti"] for e in GLOSSARY}
    linked = {}
    for link in article.select("a.faq-istilah-link"):
        abbr = link.select_one("abbr.faq-istilah")
        target = resolve(page, link["href"])
        assert target.startswith("daftar-istilah.html#term-") and target_exists(html_dir, target)
        term = next(t for t in tooltip if t.casefold() == " ".join(abbr.get_text().split()).casefold())
        assert abbr["title"] == tooltip[term]
        linked[term] = link
    for heading in article.select("h1, h2, h3"):
        assert heading.select("a.faq-istilah-link") == []
    # every term used in the answer is linked once (its first occurrence)
    for node in article.select("h1, h2, h3, .faq-meta"):
        node.decompose()
    text = article.get_text(" ")
    for term in tooltip:
        flags = 0 if term.isupper() else re.IGNORECASE
        if re.search(rf"(?<!\w){re.escape(term)}(?!\w)", text, flags):
            assert term in linked, f"{page}: '{term}' is not linked"


def test_acronyms_on_the_actors_page(html_dir):
    abbrs = {a.get_text(): a["title"] for a in soup(html_dir, "faq/sosialisasi/siapa-pelaku-sosialisasi.html")
             .select("article a.faq-istilah-link > abbr")}  # fmt: skip
    for acronym in ("P2KP", "RT", "RW", "KBP", "KMW", "Korkot", "KMP"):
        assert abbrs[acronym] == EXPANSIONS[acronym]


# -- In the browser ---------------------------------------------------------------------

TOOLTIP = "el => { const s = getComputedStyle(el, '::after'); return [s.content, s.display, s.visibility]; }"


@pytest.mark.parametrize("width", [1280, 360])
def test_term_tooltip_shows_on_keyboard_focus(page, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto("/faq/sosialisasi/siapa-pelaku-sosialisasi.html")
    link = page.locator("article a.faq-istilah-link", has_text="KMW").first
    abbr = link.locator("abbr")
    assert abbr.evaluate(TOOLTIP)[0] == "none"
    link.focus()
    content, display, visibility = abbr.evaluate(TOOLTIP)
    assert content == '"Konsultan Manajemen Wilayah"' and display != "none" and visibility == "visible"
    box = abbr.evaluate("el => { const r = el.getBoundingClientRect(); return [r.width, r.height]; }")
    assert box[0] > 0 and box[1] > 0
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "the tooltip widens the page"
