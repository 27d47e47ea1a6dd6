"""Keep pages light: sphinx-design's stylesheet and script only on pages that use its components.

sphinx-design adds its CSS (55 KB) and tab script to every page, though only the home page
uses cards. On the other pages the two files are a third of what a first visit downloads.
Generated pages (index) have no doctree and keep them, except the search page, which also
drops the code highlighting stylesheet (its results show no code) and the stylesheets of
the question lists and glossary links (its results are plain links and text).
"""

from __future__ import annotations

from docutils import nodes

DESIGN_FILES = ("sphinx-design.min.css", "design-tabs.js")
SEARCH_PAGE_DROPS = (*DESIGN_FILES, "pygments.css", "faq-lists.css", "faq-glossary.css")


def uses_design(doctree: nodes.document) -> bool:
    """True if a node is sphinx-design's own (icons) or carries one of its classes (``sd-…``)."""
    for node in doctree.findall(nodes.Element):
        if type(node).__module__.startswith("sphinx_design") or any(
            name.startswith("sd-") for name in node.get("classes", ())
        ):
            return True
    return False


def _trim(app, pagename, templatename, context, doctree) -> None:
    if pagename == "search":
        drop = SEARCH_PAGE_DROPS
    elif doctree is None or uses_design(doctree):
        return
    else:
        drop = DESIGN_FILES
    for key in ("css_files", "script_files"):
        if key in context:
            context[key] = [f for f in context[key] if not str(getattr(f, "filename", f)).endswith(drop)]


def setup(app):
    app.connect("html-page-context", _trim)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
