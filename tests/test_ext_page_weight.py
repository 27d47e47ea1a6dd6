"""faq_page_weight: sphinx-design's CSS and JS only where its components are used."""

from __future__ import annotations

import re

from support import write

CONF = """
extensions = ["myst_parser", "sphinx_design", "faq_page_weight"]
myst_enable_extensions = ["colon_fence"]
html_theme = "furo"
"""


def assets(app, page: str) -> str:
    return (app.outdir / page).read_text(encoding="utf-8")


def test_design_assets_only_where_used(make_app, tmp_path):
    write(tmp_path, "conf.py", CONF)
    write(tmp_path, "index.md", "# Beranda\n\n:::{card} Kartu\nIsi.\n:::\n\n```{toctree}\npolos\nikon\n```\n")
    write(tmp_path, "polos.md", "# Polos\n\nTeks biasa.\n")
    write(tmp_path, "ikon.md", "# Ikon\n\nSebuah ikon {octicon}`info`.\n")
    app = make_app("html", srcdir=tmp_path)
    app.build()
    assert not app.warning.getvalue()
    for page, expected in (("index.html", True), ("ikon.html", True), ("polos.html", False)):
        html = assets(app, page)
        assert ("sphinx-design.min.css" in html, "design-tabs.js" in html) == (expected, expected), page
        assert "furo.css" in html
    assert "sphinx-design.min.css" in assets(app, "genindex.html")  # generated: kept
    search = assets(app, "search.html")  # generated, but its results use no component nor code
    assert "furo.css" in search and not {"sphinx-design.min.css", "design-tabs.js", "pygments.css"} & set(
        re.findall(r"[\w.-]+\.(?:css|js)", search)
    )
