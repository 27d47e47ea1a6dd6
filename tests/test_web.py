"""The built website in Chromium and as files: accessibility, search-engine and sharing metadata,
the 404 page, the Indonesian interface, small screens and printing."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import faq_catalog as catalog
import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import expect
from support import DOCS, ROOT, copy_docs, source_answers, sphinx_build, squash

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
GENERATED = {"search.html", "genindex.html", "404.html", "offline.html"}
# Furo's English interface strings; none may reach a reader (text, labels or tooltips).
ENGLISH = [
    "Skip to content",
    "Back to top",
    "On this page",
    "Next",
    "Previous",
    "Edit this page",
    "View this page",
    "Toggle",
    "Made with",
    "Copyright",
    "Last updated",
    "Link to this heading",
    "Home",
    "Search",
]
INDONESIAN = [
    "Langsung ke isi",
    "Kembali ke atas",
    "Berikutnya",
    "Sebelumnya",
    "Sunting halaman ini",
    "Hak cipta",
    "Dibuat dengan",
    "Terakhir diperbarui",
    "Navigasi situs",
]


def pages(html_dir: Path) -> list[str]:
    """Every page of the site, relative to its root (not the copied sources and assets in _sources, _static)."""
    found = (p.relative_to(html_dir) for p in html_dir.rglob("*.html"))
    return sorted(p.as_posix() for p in found if not any(part.startswith(("_", ".")) for part in p.parts))


def question_pages(html_dir: Path) -> list[str]:
    found = [p for p in pages(html_dir) if catalog.is_question(p.removesuffix(".html"))]
    assert len(found) >= 4
    return found


def soup(html_dir: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((html_dir / page).read_text(encoding="utf-8"), "html.parser")


def meta(document: BeautifulSoup, name: str, attribute: str = "name") -> str:
    tags = document.select(f'meta[{attribute}="{name}"]')
    assert len(tags) == 1, f"expected one meta {name}, found {len(tags)}"
    return tags[0]["content"]


def front_matter(page: str) -> dict:
    text = (DOCS / page).with_suffix(".md").read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1]) if text.startswith("---\n") else {}


def watch(page) -> list[str]:
    """Collect console errors, page errors and failed requests of a Playwright page."""
    problems: list[str] = []
    page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    page.on("response", lambda r: r.status >= 400 and problems.append(f"HTTP {r.status}: {r.url}"))
    return problems


# -- Accessibility and a clean console on every page -------------------------------


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_and_console_is_clean(page, html_dir, scheme):
    assert AXE.is_file(), "run `npm ci` (make test does) to install axe-core"
    problems = watch(page)
    page.emulate_media(color_scheme=scheme)
    report = {}
    names = pages(html_dir)
    assert {"index.html", "search.html", "404.html", "genindex.html"} < set(names)
    # A search's results too: descriptions, highlighted words, the words a page lacks.
    for name in [*names, "search.html?q=relawan%20sasaran"]:
        page.goto(f"/{name}")
        if "?q=" in name:
            page.wait_for_function("document.querySelector('#search-results h2') && Search._pulse_status === -1")
            assert page.locator("p.search-missing").count() > 0
        assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") == (scheme == "dark")
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate("axe.run().then(r => r.violations.map(v => v.id + ': ' + v.nodes.length))")
        if violations:
            report[name] = violations
    assert report == {}, f"axe violations in {scheme} mode: {report}"
    assert problems == []


# -- Search engines and sharing -----------------------------------------------------


def test_question_pages_have_valid_faqpage_json_ld(html_dir):
    answers = source_answers()
    for name in question_pages(html_dir):
        document = soup(html_dir, name)
        scripts = document.select('script[type="application/ld+json"]')
        assert len(scripts) == 1, name
        data = json.loads(scripts[0].string)
        assert data["@context"] == "https://schema.org" and data["@type"] == "FAQPage"
        (question,) = data["mainEntity"]
        title = document.select_one("article h1").get_text().rstrip("#¶ ")
        assert question == {
            "@type": "Question",
            "name": title,
            "acceptedAnswer": {"@type": "Answer", "text": question["acceptedAnswer"]["text"]},
        }
        assert squash(question["acceptedAnswer"]["text"]) == squash(answers[title]), name


def test_every_page_has_a_description_and_questions_their_first_sentence(html_dir):
    answers = source_answers()
    for name in pages(html_dir):
        assert len(meta(soup(html_dir, name), "description")) > 20, name
    for name in question_pages(html_dir):
        document = soup(html_dir, name)
        description = meta(document, "description")
        answer = answers[document.select_one("article h1").get_text().rstrip("#¶ ")]
        first = next(p for p in document.select("article[role=main] p") if not p.find_parent(class_="faq-meta"))
        assert " ".join(first.get_text().split()).startswith(description.removesuffix("…")), name
        assert squash(description) in squash(answer), name


def test_question_pages_have_their_keywords(html_dir):
    for name in question_pages(html_dir):
        keywords = catalog.as_list(front_matter(name)["keywords"])
        assert keywords and meta(soup(html_dir, name), "keywords") == ", ".join(keywords)


def test_opengraph_tags(html_dir):
    for name in pages(html_dir):
        if name in GENERATED:
            continue
        document = soup(html_dir, name)
        canonical = document.select_one('link[rel="canonical"]')["href"]
        assert canonical.startswith("https://") and canonical.endswith("/" + name)
        assert meta(document, "og:url", "property") == canonical
        assert meta(document, "og:title", "property") == document.select_one("article h1").get_text().rstrip("#¶ ")
        assert meta(document, "og:description", "property") == meta(document, "description")
        assert meta(document, "og:site_name", "property") == "Tanya Jawab PNPM Mandiri Perkotaan"


def test_sitemap_lists_every_content_page(html_dir):
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [e.text for e in ET.parse(html_dir / "sitemap.xml").findall("s:url/s:loc", namespace)]
    expected = [
        soup(html_dir, n).select_one('link[rel="canonical"]')["href"] for n in pages(html_dir) if n not in GENERATED
    ]
    assert sorted(locations) == sorted(expected)


def test_robots_txt_is_served_and_names_the_sitemap(page, html_dir):
    response = page.goto("/robots.txt")
    assert response.ok
    text = response.text()
    sitemap = (
        soup(html_dir, "index.html").select_one('link[rel="canonical"]')["href"].replace("index.html", "sitemap.xml")
    )
    assert "User-agent: *" in text and f"Sitemap: {sitemap}" in text


def test_404_page_works_at_any_depth(page, html_dir):
    """Served for a missing deep URL (as Read the Docs does), its styles, scripts and links still work."""
    body = (html_dir / "404.html").read_text(encoding="utf-8")
    page.route(
        "**/faq/tidak/ada/sama/sekali.html",
        lambda route: route.fulfill(status=404, body=body, content_type="text/html"),
    )
    problems = watch(page)
    page.goto("/faq/tidak/ada/sama/sekali.html", wait_until="networkidle")
    assert page.locator("h1").inner_text() == "Halaman tidak ditemukan"
    # The page itself is the only missing resource (events may arrive in either order).
    missing = "console: Failed to load resource: the server responded with a status of 404 (Not Found)"
    assert sorted(problems) == sorted(["HTTP 404: " + page.url, missing])
    # Furo's stylesheet applied: only it makes the sidebar a flex box (unstyled, the element is a plain block).
    style = "(({display, justifyContent}) => display + ' ' + justifyContent)"
    assert page.evaluate(f"{style}(getComputedStyle(document.querySelector('.sidebar-drawer')))") == "flex flex-end"
    page.get_by_role("link", name="beranda").click()
    assert page.url.endswith("/index.html") and page.title() == "Tanya Jawab PNPM Mandiri Perkotaan"


def test_favicon_is_declared_and_served(page):
    problems = watch(page)
    page.goto("/faq/sosialisasi/apa-itu-sosialisasi.html")
    href = page.locator('link[rel~="icon"]').get_attribute("href")
    response = page.request.get(page.url.rsplit("/", 1)[0] + "/" + href)
    assert response.ok and "svg" in response.headers["content-type"]
    assert problems == []


# -- Page chrome ----------------------------------------------------------------------


def visible_strings(document: BeautifulSoup) -> str:
    """Text, labels, tooltips and placeholders: everything a reader or a screen reader meets."""
    for node in document(["script", "style"]):
        node.decompose()
    attributes = [
        v
        for tag in document.find_all(True)
        for k, v in tag.attrs.items()
        if k in {"aria-label", "title", "placeholder", "alt"}
    ]
    return "\n".join([document.get_text("\n"), *attributes])


def test_interface_is_indonesian(html_dir):
    for name in pages(html_dir):
        strings = visible_strings(soup(html_dir, name))
        found = [english for english in ENGLISH if re.search(rf"\b{english}\b", strings)]
        assert found == [], f"{name}: English interface text {found}"
    strings = visible_strings(soup(html_dir, "faq/sosialisasi/apa-tujuan-sosialisasi.html"))
    for label in [*INDONESIAN, "Di halaman ini", "Buka atau tutup daftar isi halaman", "Alat halaman"]:
        assert label in strings


def test_edit_link_points_to_the_source_file(html_dir):
    for name in pages(html_dir):
        if name in GENERATED:
            continue
        link = soup(html_dir, name).select_one('a[rel="edit"]')
        assert link is not None, name
        source = Path(name).with_suffix(".md").as_posix()
        assert re.fullmatch(rf"https://github\.com/[\w.-]+/[\w.-]+/edit/main/docs/{re.escape(source)}", link["href"])
        assert (DOCS / source).is_file()


def test_last_updated_date_is_shown(html_dir):
    footer = soup(html_dir, "faq/sosialisasi/apa-itu-sosialisasi.html").select_one(".last-updated")
    assert footer is not None and re.fullmatch(r"Terakhir diperbarui \d{2} \w+ \d{4}", footer.get_text(" ").strip())


@pytest.mark.slow  # builds in a subprocess
def test_builds_without_git(tmp_path):
    """A copy of the sources outside any repository builds strictly, just without dates."""
    docs = copy_docs(tmp_path / "docs")
    result = sphinx_build(docs, tmp_path / "out", env={"GIT_CEILING_DIRECTORIES": str(tmp_path)})
    assert result.returncode == 0, result.stdout
    assert "Terakhir diperbarui" not in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")


# -- Small screens and printing -----------------------------------------------------------


def test_nothing_overflows_at_360_px_and_search_is_reachable(page, html_dir):
    page.set_viewport_size({"width": 360, "height": 740})
    for name in [*pages(html_dir), "search.html?q=sosialisasi"]:
        page.goto(f"/{name}", wait_until="networkidle")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{name} is {width}px wide at 360px"
    page.goto("/faq/sosialisasi/apa-itu-sosialisasi.html")
    search = page.locator(".sidebar-search")
    expect(search).not_to_be_in_viewport()
    page.locator(".mobile-header label[for=__navigation]").click()
    expect(search).to_be_in_viewport()
    search.fill("sosialisasi")
    search.press("Enter")
    page.wait_for_url("**/search.html?q=sosialisasi*")


def test_print_shows_only_the_content(page):
    page.goto("/faq/sosialisasi/apa-tujuan-sosialisasi.html")
    hidden = [
        ".sidebar-drawer",
        ".toc-drawer",
        ".content-icon-container",
        ".related-pages",
        ".mobile-header",
        ".theme-toggle",
    ]
    assert page.locator(".sidebar-drawer").is_visible()
    page.emulate_media(media="print")
    for selector in hidden:
        for element in page.locator(selector).all():
            assert not element.is_visible(), selector
    assert page.locator("article h1").is_visible()
    assert page.evaluate("getComputedStyle(document.querySelector('article p')).color") == "rgb(0, 0, 0)"
    # A link to another site prints its address after its text.
    after = page.evaluate("""() => {
        const link = Object.assign(document.createElement('a'),
            {className: 'reference external', href: 'https://contoh.test/a', textContent: 'x'});
        document.querySelector('article p').append(link);
        return getComputedStyle(link, '::after').content;
    }""")
    assert after == '" (https://contoh.test/a)"'
