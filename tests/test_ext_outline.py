"""faq_outline: nested ordered lists are lettered in HTML and LaTeX, top-level ones stay numbered."""

from __future__ import annotations

import pytest
from support import write

PAGE = "# Daftar\n\n1. Satu\n2. Dua:\n   1. Sub satu\n   2. Sub dua\n\n- Butir\n  1. Bernomor\n"


@pytest.fixture
def project(tmp_path):
    write(tmp_path, "conf.py", 'extensions = ["myst_parser", "faq_outline"]\nlanguage = "id"\n')
    write(tmp_path, "index.md", PAGE)
    return tmp_path


def test_html_letters_only_lists_nested_in_ordered_lists(make_app, project):
    app = make_app("html", srcdir=project)
    app.build()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert html.count('<ol class="loweralpha') == 1
    assert html.count('<ol class="arabic') == 2  # the outer list, and the one under a bullet


def test_latex_letters_the_nested_list(make_app, project):
    app = make_app("latex", srcdir=project)
    app.build()
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert tex.count(r"\sphinxsetlistlabels{\alph}") == 1
