"""One file per question: a new page in a category folder, and nothing else, is published everywhere."""

from __future__ import annotations

import re
import textwrap

import faq_catalog as catalog
import faq_schema as schema
import pytest
from bs4 import BeautifulSoup
from support import ROOT, copy_docs, sphinx_build, write

NEW = "faq/sosialisasi/apa-itu-kbk.md"
TITLE = "Apa itu KBK?"


def template() -> str:
    """The question template CONTRIBUTING.md gives contributors to copy (the block after its marker)."""
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- templat-pertanyaan -->\s*```markdown\n(.*?)^\s*```$", guide, re.S | re.M)
    return textwrap.dedent(block.group(1))


def filled(text: str) -> str:
    """The template as a contributor fills it in."""
    for old, new in [
        ("[kata kunci, kata kunci lain]", "[KBK, kelurahan]"),
        ("# Pertanyaannya, diakhiri tanda tanya?", f"# {TITLE}"),
        (schema.PLACEHOLDER, "Komunitas Belajar Kelurahan."),
    ]:
        assert old in text, old
        text = text.replace(old, new)
    return text


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The handbook with one new file, built strictly as HTML and as LaTeX; nothing else is edited."""
    root = tmp_path_factory.mktemp("satu-berkas")
    docs = copy_docs(root / "docs")
    before = {path: path.read_bytes() for path in docs.rglob("*") if path.is_file()}
    (docs / NEW).write_text(filled(template()), encoding="utf-8")
    results = {
        builder: sphinx_build(docs, root / builder, builder, "-d", str(root / "doctrees"))
        for builder in ("html", "latex")
    }
    assert {path: path.read_bytes() for path in before} == before, "the build must not edit the sources"
    return root, results


@pytest.mark.parametrize("builder", ["html", "latex"])
def test_strict_build_passes(built, builder):
    _, results = built
    assert results[builder].returncode == 0, results[builder].stdout


def test_listed_on_category_home_and_keyword_pages(built):
    root, _ = built
    html = root / "html"
    category = (html / "faq/sosialisasi/index.html").read_text(encoding="utf-8")
    # Listed last: the category's written list keeps its four questions first.
    assert re.findall(r'<a class="reference internal" href="([a-z-]+)\.html"', category)[-1] == "apa-itu-kbk"
    assert TITLE in category
    assert "faq/sosialisasi/apa-itu-kbk.html" in (html / "index.html").read_text(encoding="utf-8")
    keywords = (html / "kata-kunci.html").read_text(encoding="utf-8")
    assert "faq/sosialisasi/apa-itu-kbk.html" in keywords and "KBK" in keywords
    # The sidebar lists it under its category, on every page of the category.
    for name in ("faq/sosialisasi/index.html", "faq/sosialisasi/apa-itu-sosialisasi.html"):
        sidebar = BeautifulSoup((html / name).read_text(encoding="utf-8"), "html.parser").select_one(".sidebar-tree")
        assert TITLE in [a.get_text() for a in sidebar.select(".toctree-l2 > a")], name
    # The previous question's "next" link leads to the new one (reading order).
    assert 'href="apa-itu-kbk.html"' in (html / "faq/sosialisasi/siapa-pelaku-sosialisasi.html").read_text("utf-8")


def test_in_search_index(built):
    root, _ = built
    index = (root / "html/searchindex.js").read_text(encoding="utf-8")
    assert '"faq/sosialisasi/apa-itu-kbk"' in index and TITLE in index


def test_in_the_pdf_source(built):
    root, _ = built
    (tex,) = (root / "latex").glob("tanya-jawab-pnpm-mandiri-perkotaan.tex")
    text = tex.read_text(encoding="utf-8")
    assert r"\section{Apa itu KBK?}" in text
    assert text.index("Siapa Pelaku Sosialisasi?") < text.index(r"\section{Apa itu KBK?}")


# -- The order rule -------------------------------------------------------------------------


def test_order_rule():
    names = ["a", "b", "c", "d", "e", "f"]
    written = ["c", "b", "a"]  # the category's written list
    fields = {"e": 2, "f": 1}  # urutan
    # f takes place 1, e place 2 (ahead of b, which holds 2 in the list); then the list; d last (new, by name).
    assert catalog.ordered_names(names, written, fields) == ["f", "c", "e", "b", "a", "d"]
    assert catalog.ordered_names(["z", "y"], [], {}) == ["y", "z"], "new pages without a list: by file name"


def test_written_order_reads_every_toctree_form():
    text = (
        "# A\n\n```{toctree}\n---\nhidden: true\n---\nsatu\ndua.md\n```\n\n"
        ":::{toctree}\n:glob:\n\nJudul <tiga>\n*\n:::\n"
    )
    assert catalog.written_order(text) == ["satu", "dua", "tiga"]


def order_project(path, pages: dict[str, str], written: str = ""):
    write(path, "conf.py", 'extensions = ["myst_parser", "faq_schema"]\nlanguage = "id"\n')
    write(path, "index.md", "# Beranda\n\n```{toctree}\n:glob:\n\nfaq/*/index\n```\n")
    write(path, "faq/a/index.md", "# A\n" + (f"\n```{{toctree}}\n{written}```\n" if written else ""))
    for name, front in pages.items():
        write(path, f"faq/a/{name}.md", f"---\nkeywords: [x]\nsummary: Ringkas.\n{front}---\n\n# {name}?\n\nJawab.\n")


def warnings_of(app) -> str:
    """The build's warnings; a second app in one process re-registers Sphinx's nodes, which is not the build's."""
    return "".join(line for line in app.warning.getvalue().splitlines(True) if "while setting up extension" not in line)


def reading_order(app) -> list[str]:
    return [q.docname.rsplit("/", 1)[1] for q in catalog.questions(app.env)]


def test_order_in_a_build_and_after_an_incremental_change(make_app, tmp_path):
    order_project(tmp_path, {"satu": "", "dua": "", "tiga": "urutan: 1\n", "empat": ""}, written="satu\ndua\n")
    app = make_app("html", srcdir=tmp_path)
    app.build()
    assert warnings_of(app) == ""
    assert reading_order(app) == ["tiga", "satu", "dua", "empat"]
    # A new file only: the category page is read again and lists it, last.
    write(tmp_path, "faq/a/baru.md", "---\nkeywords: [x]\nsummary: Ringkas.\n---\n\n# Baru?\n\nJawab.\n")
    app = make_app("html", srcdir=tmp_path)
    app.build()
    assert warnings_of(app) == ""
    assert reading_order(app) == ["tiga", "satu", "dua", "baru", "empat"]
    assert "baru" in app.env.toctree_includes["faq/a/index"][3]


def test_order_field_must_be_a_positive_whole_number(make_app, tmp_path):
    order_project(tmp_path, {"satu": "urutan: dua\n"})
    app = make_app("html", srcdir=tmp_path)
    app.build()
    assert re.search(r"faq/a/satu\.md:4: WARNING: Kolom 'urutan' harus berupa bilangan bulat", app.warning.getvalue())


def test_the_guides_template_builds_once_its_answer_is_written(make_app, tmp_path):
    order_project(tmp_path, {})
    write(tmp_path, "faq/a/baru.md", template())
    app = make_app("html", srcdir=tmp_path)
    app.build()
    warnings = warnings_of(app)
    assert warnings.count("WARNING") == 1 and "Ganti teks contoh 'Tulis jawaban di sini.'" in warnings
    write(tmp_path, "faq/a/baru.md", filled(template()))
    app = make_app("html", srcdir=tmp_path, freshenv=True)
    app.build()
    assert warnings_of(app) == ""
