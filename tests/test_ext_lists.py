"""faq_lists on a tiny project: search box, cards, question lists, keyword page, page keywords, LaTeX, rebuilds."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from support import write

CONF = """
extensions = ["myst_parser", "sphinx_design", "faq_catalog", "faq_lists"]
language = "id"
nitpicky = True
"""
INDEX = """
# Beranda

```{faq-search}
```

```{faq-categories} Kategori
```

```{faq-questions} Semua pertanyaan
```

```{toctree}
:hidden:

faq/b/index
faq/a/index
kata-kunci
```
"""


def category(name: str, description: str, pages: list[str]) -> str:
    toctree = "\n".join(pages)
    front = f"---\ndescription: {description}\n---\n"
    return f"{front}# {name.upper()}\n\n```{{faq-questions}}\n```\n\n```{{toctree}}\n:hidden:\n\n{toctree}\n```\n"


def question(title: str, keywords: str, summary: str) -> str:
    return f"---\nkeywords: [{keywords}]\nsummary: {summary}\n---\n# {title}\n\nJawaban.\n"


@pytest.fixture
def project(tmp_path):
    write(tmp_path, "conf.py", CONF)
    write(tmp_path, "index.md", INDEX)
    write(tmp_path, "kata-kunci.md", "# Kata Kunci\n\n```{faq-keywords}\n```\n")
    write(tmp_path, "faq/a/index.md", category("a", "Kategori A.", ["satu"]))
    write(tmp_path, "faq/b/index.md", category("b", "Kategori B.", ["dua", "tiga"]))
    write(tmp_path, "faq/a/satu.md", question("Satu?", "miskin, Warga", "Ringkasan satu."))
    write(tmp_path, "faq/b/dua.md", question("Dua?", "Miskin", "Ringkasan dua."))
    write(tmp_path, "faq/b/tiga.md", question("Tiga?", "kota", "Ringkasan tiga."))
    return tmp_path


def page(app, name):
    return BeautifulSoup((app.outdir / name).read_text(encoding="utf-8"), "html.parser")


def built(make_app, project, builder="html"):
    app = make_app(builder, srcdir=project)
    app.build()
    assert app.warning.getvalue() == ""
    return app


def test_home_search_cards_and_all_questions(make_app, project):
    home = page(built(make_app, project), "index.html")
    form = home.select_one("form.faq-search")
    assert form["action"] == "search.html" and form["method"] == "get"
    field = form.select_one("input[name=q]")
    assert form.select_one(f"label[for={field['id']}]").get_text(strip=True) == "Cari pertanyaan atau kata kunci"
    cards = home.select(".faq-cards .sd-card")
    assert [c.select_one("a.sd-stretched-link").get_text() for c in cards] == ["B", "A"]
    assert [c.select_one("a")["href"] for c in cards] == ["faq/b/index.html", "faq/a/index.html"]
    assert [c.select_one(".faq-card-count").get_text() for c in cards] == ["2 pertanyaan", "1 pertanyaan"]
    assert "Kategori B." in cards[0].get_text()
    listed = [a["href"] for a in home.select(".faq-question-list a")]
    assert listed == ["faq/b/dua.html", "faq/b/tiga.html", "faq/a/satu.html"]
    assert [h.get_text() for h in home.select("h2.rubric, h3.rubric:not(.sd-card-title)")] == [
        "Kategori",
        "Semua pertanyaan",
        "B",
        "A",
    ]


def test_category_page_lists_its_questions_with_summaries(make_app, project):
    items = page(built(make_app, project), "faq/b/index.html").select(".faq-question-list > li")
    assert [(li.a["href"], li.select_one(".faq-summary").get_text()) for li in items] == [
        ("dua.html", "Ringkasan dua."),
        ("tiga.html", "Ringkasan tiga."),
    ]


def test_keyword_page_and_page_keywords(make_app, project):
    app = built(make_app, project)
    keywords = page(app, "kata-kunci.html")
    terms = keywords.select("dl.faq-keyword-list > dt")
    assert [dt.get_text() for dt in terms] == ["kota", "Miskin", "Warga"]  # first spelling in reading order
    assert [a["href"] for a in terms[1].find_next_sibling("dd").select("a")] == ["faq/b/dua.html", "faq/a/satu.html"]
    letters = [a["href"] for a in keywords.select(".faq-letters a")]
    assert letters == ["#huruf-k", "#huruf-m", "#huruf-w"]
    assert all(keywords.find(id=href[1:]) for href in letters)
    meta = page(app, "faq/a/satu.html").select_one(".faq-meta.faq-keywords")
    links = meta.select("a.faq-keyword")
    assert [a.get_text() for a in links] == ["miskin", "Warga"]
    for link in links:
        target, anchor = link["href"].split("#")
        assert target == "../../kata-kunci.html"
        assert keywords.find(id=anchor).name == "dt"


def test_epub_page_keywords_link_to_the_keyword_page(make_app, project):
    app = make_app("epub", srcdir=project, confoverrides={"version": "1", "copyright": "2026"})
    app.build()
    links = page(app, "faq/a/satu.xhtml").select(".faq-meta.faq-keywords a.faq-keyword")
    assert [(a.get_text(), a["href"]) for a in links] == [
        ("miskin", "../../kata-kunci.xhtml#kata-miskin"),
        ("Warga", "../../kata-kunci.xhtml#kata-warga"),
    ]


def test_text_builder_shows_the_keyword_line_after_the_answer(make_app, project):
    app = built(make_app, project, "text")
    text = (app.outdir / "faq/a/satu.txt").read_text(encoding="utf-8")
    assert text.split("Jawaban.", 1)[1].strip() == "Kata kunci: miskin, Warga"
    assert "Kata kunci" not in (app.outdir / "faq/a/index.txt").read_text(encoding="utf-8")


def test_latex_keeps_print_lists_and_drops_web_ones(make_app, project):
    app = built(make_app, project, "latex")
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert "Ringkasan dua." in tex and "Ringkasan tiga." in tex  # category overviews
    assert r"\sphinxstylestrong{Kata kunci:}" not in tex  # the PDF's keyword line is faq_latex's
    assert "sd-card" not in tex and "form" not in tex and "Semua pertanyaan" not in tex
    assert tex.count(r"\sphinxlineitem{Miskin") == 1


def test_adding_a_question_updates_lists_on_an_incremental_build(make_app, project):
    built(make_app, project).cleanup()  # a second app in the same test re-registers the nodes
    untouched = project / "_build" / "html" / "faq" / "b" / "dua.html"
    before = untouched.stat().st_mtime_ns
    write(project, "faq/a/baru.md", question("Baru?", "zebra", "Ringkasan baru."))
    write(project, "faq/a/index.md", category("a", "Kategori A.", ["satu", "baru"]))
    app = built(make_app, project)
    home = page(app, "index.html")
    assert "faq/a/baru.html" in [a["href"] for a in home.select(".faq-question-list a")]
    assert [c.get_text() for c in home.select(".faq-card-count")] == ["2 pertanyaan", "2 pertanyaan"]
    zebra = page(app, "kata-kunci.html").find(id="kata-zebra")
    assert zebra is not None and zebra.find_next_sibling("dd").a["href"] == "faq/a/baru.html"
    assert untouched.stat().st_mtime_ns == before, "an unrelated question page was rewritten"
