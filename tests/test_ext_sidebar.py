"""faq_sidebar on a tiny Furo project: categories, the current category's questions, the current page, the window."""

from __future__ import annotations

import faq_sidebar
import pytest
from bs4 import BeautifulSoup
from support import write

CONF = """
extensions = ["myst_parser", "faq_catalog", "faq_sidebar"]
language = "id"
html_theme = "furo"
"""
MANY = faq_sidebar.WINDOW + 10


@pytest.fixture
def project(tmp_path):
    write(tmp_path, "conf.py", CONF)
    write(
        tmp_path,
        "index.md",
        "# Beranda\n\n```{toctree}\n:caption: Kategori\n:glob:\n\nfaq/*/index\n```\n\n"
        "```{toctree}\n:caption: Rujukan\n\ntentang\n```\n",
    )
    write(tmp_path, "tentang.md", "# Tentang\n\nTeks.\n")
    write(tmp_path, "faq/a/index.md", "# Alfa\n\n```{toctree}\nsatu\ndua\n```\n")
    write(tmp_path, "faq/a/satu.md", "---\nkeywords: [x]\n---\n# Satu?\n\nJawab.\n")
    write(tmp_path, "faq/a/dua.md", "---\nkeywords: [x]\n---\n# Dua?\n\nJawab.\n")
    names = [f"q{i:02d}" for i in range(MANY)]
    write(tmp_path, "faq/b/index.md", "# Beta\n\n```{toctree}\n" + "\n".join(names) + "\n```\n")
    for name in names:
        write(tmp_path, f"faq/b/{name}.md", f"---\nkeywords: [y]\n---\n# Soal {name}?\n\nJawab.\n")
    return tmp_path


def sidebar(app, page: str) -> BeautifulSoup:
    html = (app.outdir / page).read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select_one(".sidebar-tree")


@pytest.fixture
def built(make_app, project):
    app = make_app("html", srcdir=project)
    app.build()
    assert not app.warning.getvalue()
    return app


def test_question_page_lists_categories_and_its_own_questions(built):
    tree = sidebar(built, "faq/a/satu.html")
    assert [c.get_text() for c in tree.select(".caption-text")] == ["Kategori", "Rujukan"]
    assert [a.get_text() for a in tree.select(".toctree-l1 > a")] == ["Alfa", "Beta", "Tentang"]
    assert [a.get_text() for a in tree.select(".toctree-l2 > a")] == ["Satu?", "Dua?"]
    current = tree.select("[aria-current=page]")
    assert [(a.get_text(), a["href"]) for a in current] == [("Satu?", "#")]
    assert "current-page" in current[0].parent["class"]
    assert tree.select_one('.toctree-l2 a[href="dua.html"]')
    assert tree.select_one('.toctree-l1 a[href="../../tentang.html"]')


def test_current_category_folds_like_furo(built):
    tree = sidebar(built, "faq/a/dua.html")
    alfa = tree.select_one("li.toctree-l1.has-children")
    checkbox = alfa.select_one("input.toctree-checkbox")
    assert checkbox.has_attr("checked") and checkbox["role"] == "switch" and "Alfa" in checkbox["aria-label"]
    assert alfa.select_one(f'label[for="{checkbox["id"]}"]')
    assert len(tree.select("input.toctree-checkbox")) == 1  # other categories are plain links


def test_category_page_is_current_and_expanded(built):
    tree = sidebar(built, "faq/a/index.html")
    alfa = tree.select_one("li.toctree-l1.current-page")
    assert alfa.a["aria-current"] == "page"
    assert [a.get_text() for a in alfa.select(".toctree-l2 > a")] == ["Satu?", "Dua?"]
    assert not sidebar(built, "index.html").select(".toctree-l2")


def test_large_category_shows_a_window_and_a_link_to_all(built):
    tree = sidebar(built, "faq/b/q20.html")
    links = tree.select(".toctree-l2 > a")
    assert len(links) == faq_sidebar.WINDOW + 1
    assert "Soal q20?" in [a.get_text() for a in links]
    assert (links[-1].get_text(), links[-1]["href"]) == (f"Semua {MANY} pertanyaan Beta …", "index.html")
    first = [a.get_text() for a in sidebar(built, "faq/b/q00.html").select(".toctree-l2 > a")]
    assert first[0] == "Soal q00?"


def test_every_page_of_a_large_category_is_in_its_own_sidebar(built):
    """Past the first window too: the window follows the page, centred on it where it can be."""
    for i in range(MANY):
        titles = [a.get_text() for a in sidebar(built, f"faq/b/q{i:02d}.html").select(".toctree-l2 > a")][:-1]
        start = max(0, min(i - faq_sidebar.WINDOW // 2, MANY - faq_sidebar.WINDOW))
        assert titles == [f"Soal q{j:02d}?" for j in range(start, start + faq_sidebar.WINDOW)], i
        assert f"Soal q{i:02d}?" in titles


def test_window_helper():
    items = [(f"d{i}", f"t{i}") for i in range(faq_sidebar.WINDOW + 5)]
    assert faq_sidebar._window(items[:3], "d1") == items[:3]
    assert faq_sidebar._window(items[: faq_sidebar.WINDOW], "d0") == items[: faq_sidebar.WINDOW]
    assert faq_sidebar._window(items, "d29") == items[5:]
    assert faq_sidebar._window(items, "d14") == items[2:27]
    assert faq_sidebar._window(items, "nowhere") == items[: faq_sidebar.WINDOW]


def test_sidebar_text_is_only_its_captions_and_links(built):
    """No stray text between the items: every visible word is a caption or a link."""
    for page in ("faq/a/satu.html", "faq/a/index.html", "tentang.html", "index.html"):
        tree = sidebar(built, page)
        words = tree.get_text(" ", strip=True).split()
        expected = [w for part in tree.select(".caption-text, a") for w in part.get_text(" ", strip=True).split()]
        assert words == expected, page


def test_the_list_holding_the_current_entry_is_marked_current(built):
    """Furo marks the path to the current page: the list whose entry is (or holds) it, and only that one."""
    categories, reference = ["Alfa", "Beta"], ["Tentang"]
    for page, current in [
        ("faq/a/satu.html", [categories]),
        ("faq/a/index.html", [categories]),
        ("tentang.html", [reference]),
        ("index.html", []),
    ]:
        tree = sidebar(built, page)
        marked = [[a.get_text() for a in ul.select(":scope > li > a")] for ul in tree.select("ul.current")]
        assert [entries for entries in marked if entries in (categories, reference)] == current, page
