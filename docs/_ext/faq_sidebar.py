"""A navigation sidebar for Furo that stays small and cheap however large the handbook grows.

Furo renders the whole site toctree into every page and re-parses it with
BeautifulSoup once per page: the work and the page weight both grow with the
number of questions, so a build is O(n²). This extension hands Furo a tree built
from the catalog instead:

* every entry of the home page's toctrees (the categories, the reference pages),
  under their captions, so a reader can move between categories;
* the current category expanded with its questions; past ``WINDOW`` questions only
  those around the current page, followed by a link to the category page, which
  lists them all.

The markup is Furo's own (checkbox + label to fold the current category, the
``current``/``current-page`` classes) plus ``aria-current="page"`` on the link to the
page itself. The site structure is read once per build; each page then costs a few
dozen ``pathto`` calls, whatever the size of the handbook.
"""

from __future__ import annotations

from html import escape

import faq_catalog as catalog
from sphinx import addnodes

WINDOW = 25  # most questions listed under the current category


def _structure(app) -> list[tuple[str, list[tuple[str, str]]]]:
    """(caption, [(docname, title)]) for each toctree of the home page; computed once per build."""
    cached = getattr(app.builder, "_faq_sidebar", None)
    if cached is not None:
        return cached
    env = app.env
    sections = []
    for toctree in env.tocs[env.config.root_doc].findall(addnodes.toctree):
        entries = []
        for title, ref in toctree["entries"]:
            if ref in env.titles:
                entries.append((ref, title or env.titles[ref].astext()))
        sections.append((toctree.get("caption") or "", entries))
    grouped: dict[str, list[tuple[str, str]]] = {}
    for question in catalog.questions(env):
        grouped.setdefault(question.category, []).append((question.docname, question.title))
    app.builder._faq_sidebar = (sections, grouped)
    return app.builder._faq_sidebar


def _window(items: list, current: str) -> list:
    """At most WINDOW items, centred on `current` when it is one of them."""
    if len(items) <= WINDOW:
        return items
    position = next((i for i, (docname, _) in enumerate(items) if docname == current), 0)
    start = max(0, min(position - WINDOW // 2, len(items) - WINDOW))
    return items[start : start + WINDOW]


def _link(pathto, docname: str, title: str, pagename: str, level: int, classes: list[str]) -> str:
    if docname == pagename:
        classes = [*dict.fromkeys([*classes, "current", "current-page"])]
        anchor = f'<a class="current reference internal" href="#" aria-current="page">{escape(title)}</a>'
    else:
        anchor = f'<a class="reference internal" href="{escape(pathto(docname))}">{escape(title)}</a>'
    return f'<li class="{" ".join([f"toctree-l{level}", *classes])}">{anchor}'


def navigation(app, pagename: str, pathto) -> str:
    """The sidebar tree of one page, in Furo's markup."""
    sections, grouped = _structure(app)
    category = catalog.category_of(pagename) if catalog.is_question(pagename) else pagename
    html = []
    for caption, entries in sections:
        if caption:
            text = f'<span class="caption-text">{escape(caption)}</span>'
            html.append(f'<p class="caption" role="heading" aria-level="2">{text}</p>')
        open_list = any(docname == category for docname, _ in entries)
        html.append('<ul class="current">' if open_list else "<ul>")
        for docname, title in entries:
            children = grouped.get(docname) if docname == category else None
            if not children:
                html.append(_link(pathto, docname, title, pagename, 1, []) + "</li>")
                continue
            html.append(_link(pathto, docname, title, pagename, 1, ["current", "has-children"]))
            label = escape(f"Tampilkan atau sembunyikan pertanyaan {title}")
            html.append(
                f'<input aria-label="{label}" checked="" class="toctree-checkbox" id="toctree-checkbox-1" '
                'name="toctree-checkbox-1" role="switch" type="checkbox"/><label for="toctree-checkbox-1">'
                '<span class="icon"><svg><use href="#svg-arrow-right"></use></svg></span></label><ul class="current">'
            )
            shown = _window(children, pagename)
            html.extend(_link(pathto, d, t, pagename, 2, []) + "</li>" for d, t in shown)
            if len(shown) < len(children):
                more = escape(f"Semua {len(children)} pertanyaan {title} …")
                html.append(
                    f'<li class="toctree-l2"><a class="reference internal" '
                    f'href="{escape(pathto(docname))}">{more}</a></li>'
                )
            html.append("</ul></li>")
        html.append("</ul>")
    return "\n".join(html)


def _before_furo(app, pagename, templatename, context, doctree) -> None:
    """Keep Furo from rendering and re-parsing the whole site tree: its toctree call now costs nothing."""
    if "toctree" in context:
        context["faq_sidebar_toctree"] = context["toctree"]
        context["toctree"] = lambda **kwargs: ""


def _after_furo(app, pagename, templatename, context, doctree) -> None:
    if "faq_sidebar_toctree" in context:
        context["toctree"] = context.pop("faq_sidebar_toctree")
        context["furo_navigation_tree"] = navigation(app, pagename, context["pathto"])


def _forget(app, env) -> None:
    """A new build may have new pages: read the structure again."""
    if hasattr(app.builder, "_faq_sidebar"):
        del app.builder._faq_sidebar


def setup(app):
    app.setup_extension("faq_catalog")
    app.connect("env-updated", _forget)
    app.connect("html-page-context", _before_furo, priority=400)  # Furo's handler has the default, 500
    app.connect("html-page-context", _after_furo, priority=600)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
