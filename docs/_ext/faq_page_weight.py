"""Keep pages light: sphinx-design's stylesheet and script only on pages that use its components.

sphinx-design adds its CSS (55 KB) and tab script to every page, though only the home page
uses cards. On the other pages the two files are a third of what a first visit downloads.
Generated pages (search, index) have no doctree and keep them.
"""

from __future__ import annotations

from docutils import nodes

DESIGN_FILES = ("sphinx-design.min.css", "design-tabs.js")


def uses_design(doctree: nodes.document) -> bool:
    """True if a node is sphinx-design's own (icons) or carries one of its classes (``sd-…``)."""
    for node in doctree.findall(nodes.Element):
        if type(node).__module__.startswith("sphinx_design") or any(
            name.startswith("sd-") for name in node.get("classes", ())
        ):
            return True
    return False


def _trim(app, pagename, templatename, context, doctree) -> None:
    if doctree is None or uses_design(doctree):
        return
    for key in ("css_files", "script_files"):
        if key in context:
            context[key] = [f for f in context[key] if not str(getattr(f, "filename", f)).endswith(DESIGN_FILES)]


def setup(app):
    app.connect("html-page-context", _trim)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
