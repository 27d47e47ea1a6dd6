"""Readers report problems: every question page links to the issue form with its title and address filled in."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import faq_usulan
import pytest
import yaml
from bs4 import BeautifulSoup
from support import DOCS, ROOT
from test_pdf import HANDBOOK, body_text, pdf_dir  # noqa: F401  (pdf_dir: the session's PDF build)

FORM = ROOT / ".github/ISSUE_TEMPLATE" / faq_usulan.FORM
LINK_TEXT = "Ada yang kurang tepat? Usulkan perbaikan"


def conf() -> dict:
    namespace: dict = {"__file__": str(DOCS / "conf.py")}
    exec((DOCS / "conf.py").read_text(encoding="utf-8"), namespace)
    return namespace


def question_pages(html_dir) -> list[str]:
    return sorted(str(p.relative_to(html_dir)) for p in html_dir.glob("faq/*/*.html") if p.name != "index.html")


def form_fields() -> dict[str, dict]:
    form = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    assert form["name"] == "Usulan perbaikan jawaban"
    return {item["id"]: item for item in form["body"] if "id" in item}


def test_form_has_the_fields_the_link_fills():
    fields = form_fields()
    for field in (faq_usulan.QUESTION_FIELD, faq_usulan.ADDRESS_FIELD):
        assert fields[field]["type"] == "input"


def test_every_question_page_links_to_the_filled_form(html_dir):
    settings = conf()
    repository = settings["html_theme_options"]["source_repository"]
    fields = form_fields()
    pages = question_pages(html_dir)
    assert pages
    for name in pages:
        soup = BeautifulSoup((html_dir / name).read_text(encoding="utf-8"), "html.parser")
        links = soup.select(".faq-usulan a")
        assert not soup.select("article .faq-usulan"), "the link is no part of the answer"
        assert [a.get_text() for a in links] == [LINK_TEXT], name
        url = urlsplit(links[0]["href"])
        assert f"{url.scheme}://{url.netloc}{url.path}" == f"{repository}/issues/new", name
        query = {key: values[0] for key, values in parse_qs(url.query, strict_parsing=True).items()}
        assert (ROOT / ".github/ISSUE_TEMPLATE" / query.pop("template")).is_file()
        title = soup.h1.get_text().rstrip("¶#").strip()
        assert query.pop("title") == f"Usulan perbaikan: {title}"
        assert set(query) <= set(fields), f"{name}: not fields of the form: {set(query) - set(fields)}"
        assert query[faq_usulan.QUESTION_FIELD] == title
        assert query[faq_usulan.ADDRESS_FIELD] == settings["html_baseurl"] + name


def test_other_pages_have_no_link(html_dir):
    for name in ("index.html", "kata-kunci.html", "faq/sosialisasi/index.html", "tentang.html"):
        assert LINK_TEXT not in (html_dir / name).read_text(encoding="utf-8"), name


def test_link_is_shown_on_screen_and_not_in_print(page, html_dir):
    page.goto("/" + question_pages(html_dir)[0])
    link = page.get_by_text(LINK_TEXT)
    assert link.is_visible()
    page.emulate_media(media="print")
    assert not link.is_visible()


def test_link_is_not_in_the_pdf(pdf_dir):  # noqa: F811
    text = re.sub(r"\s+", " ", body_text(pdf_dir / f"{HANDBOOK}.pdf"))
    assert "Apa itu Sosialisasi?" in text  # the page is there, its link is not
    assert "Usulkan perbaikan" not in text and "kurang tepat?" not in text


@pytest.mark.parametrize("title", ["Apa itu KBK?", 'Mengapa "BKM" & LKM?'])
def test_issue_url_round_trips(title):
    url = faq_usulan.issue_url("https://github.com/o/r/", title, "https://contoh.id/a b.html")
    query = parse_qs(urlsplit(url).query)
    assert url.startswith("https://github.com/o/r/issues/new?template=usulan-perbaikan.yml&")
    assert query["pertanyaan"] == [title] and query["alamat"] == ["https://contoh.id/a b.html"]
