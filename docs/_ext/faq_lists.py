"""Generated navigation: search box, category cards, question lists, the keyword page, page keywords.

Directives only leave a placeholder at read time; placeholders are filled in
``doctree-resolved`` from the catalog, once every page has been read (the pattern of
Sphinx's own ``todolist``). Nothing is a committed copy. Pages holding a placeholder are
re-read whenever a question or category is added, changed or removed
(``env-get-outdated``), so an incremental build never shows a stale list.

Cost: the catalog is grouped once per build (``env-updated``); each list then costs
its own length, and a question page only its own keywords.

Directives (all without content):

``faq-search``      search form (GET search.html?q=...), web only
``faq-categories``  the categories as sphinx-design cards, web only
``faq-questions``   on a category page, its questions with their summaries;
                    elsewhere every question grouped by category (web only)
``faq-keywords``    every keyword with its questions, with jump links by letter

``faq-categories`` and ``faq-questions`` take an optional heading (argument). In HTML
and ePub, a question's keyword line (faq_catalog's ``keyword_line``) becomes its keywords
linked to the keyword page, in a ``.faq-meta`` block after the answer.

Placeholders remember the page they were written in: the LaTeX builder resolves the whole
book as one tree, under the root's name.
"""

from __future__ import annotations

import html

import faq_catalog as catalog
from docutils import nodes
from sphinx.errors import NoUri
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_refnode

CSS = "faq-lists.css"  # in docs/_ext/static (html_static_path)
KINDS = ("search", "categories", "questions", "keywords")


class faq_list(nodes.General, nodes.Element):
    """Placeholder for a generated list, replaced in ``doctree-resolved``."""


class ListDirective(SphinxDirective):
    optional_arguments = 1
    final_argument_whitespace = True
    kind = ""

    def run(self) -> list[nodes.Node]:
        docname = self.env.current_document.docname
        node = faq_list(kind=self.kind, docname=docname, heading=self.arguments[0] if self.arguments else "")
        self.set_source_info(node)
        _list_pages(self.env).setdefault(docname, set()).add(self.kind)
        return [node]


def directive(kind: str) -> type[ListDirective]:
    return type(f"{kind.title()}List", (ListDirective,), {"kind": kind})


# -- Environment bookkeeping (parallel-safe) -------------------------------------


def _list_pages(env) -> dict[str, set[str]]:
    """docname -> kinds of lists it shows."""
    if not hasattr(env, "faq_list_pages"):
        env.faq_list_pages = {}
    return env.faq_list_pages


def purge(app, env, docname: str) -> None:
    _list_pages(env).pop(docname, None)


def merge(app, env, docnames, other) -> None:
    for docname in docnames:
        if docname in _list_pages(other):
            _list_pages(env)[docname] = _list_pages(other)[docname]


def outdated(app, env, added, changed, removed) -> list[str]:
    """Lists change with any question or category: re-read the pages that show one."""
    touched = any(catalog.is_question(d) or catalog.is_category(d) for d in (*added, *changed, *removed))
    return sorted(set(_list_pages(env)) - set(changed) - set(removed)) if touched else []


def group(app, env) -> None:
    """Group the catalog once per build, so each list costs only its own length."""
    by_category: dict[str, list[catalog.Question]] = {}
    for question in catalog.questions(env):
        by_category.setdefault(question.category, []).append(question)
    env.faq_grouped = (catalog.categories(env), by_category, catalog.keywords(env))


# -- Rendering ------------------------------------------------------------------


def keyword_id(keyword: str) -> str:
    """The anchor of a keyword on the keyword page (stable, case-insensitive)."""
    return nodes.make_id("kata-" + keyword.casefold())


def _letter(keyword: str) -> str:
    first = keyword[:1].upper()
    return first if first.isalpha() else "#"


def _letter_id(letter: str) -> str:
    return "huruf-" + (letter.lower() if letter.isalpha() else "lain")


def _heading(text: str) -> list[nodes.Node]:
    if not text:
        return []
    return [nodes.rubric(text, text, ids=[nodes.make_id(text)], **{"heading-level": 2})]


def _link(builder, fromdoc: str, todoc: str, text: str, anchor: str = "", classes=()) -> nodes.Node:
    """A link to ``todoc``, or plain text where the output lacks that page (a LaTeX handout)."""
    try:
        ref = make_refnode(builder, fromdoc, todoc, anchor, nodes.Text(text))
    except NoUri:
        return nodes.Text(text)
    ref["classes"].extend(classes)
    return ref


def _search(app, docname: str, node) -> list[nodes.Node]:
    action = html.escape(app.builder.get_relative_uri(docname, "search"))
    form = (
        f'<form class="faq-search" action="{action}" method="get" aria-label="Cari di buku ini">\n'
        '<label for="faq-search-q">Cari pertanyaan atau kata kunci</label>\n'
        '<div class="faq-search-row">'
        '<input type="search" id="faq-search-q" name="q" autocomplete="off" '
        'placeholder="misalnya: relawan">'
        '<button type="submit">Cari</button></div>\n</form>\n'
    )
    return [nodes.raw("", form, format="html")]


def _component(name: str, classes: list[str], *children) -> nodes.container:
    """A sphinx-design component, as its own directives build them."""
    return nodes.container("", *children, is_div=True, design_component=name, classes=classes)


def _categories(app, docname: str, node) -> list[nodes.Node]:
    cats, by_category, _ = app.env.faq_grouped
    row = _component("grid-row", ["sd-row", "sd-row-cols-1", "sd-row-cols-sm-2", "sd-g-3"])
    for cat in cats:
        count = len(by_category.get(cat.docname, ()))
        title = nodes.rubric("", "", classes=["sd-card-title", "faq-card-title"], **{"heading-level": 3})
        title += _link(app.builder, docname, cat.docname, cat.title, classes=["sd-stretched-link"])
        body = _component("card-body", ["sd-card-body"], title)
        if cat.description:
            body += nodes.paragraph(cat.description, cat.description, classes=["sd-card-text"])
        body += nodes.paragraph("", f"{count} pertanyaan", classes=["sd-card-text", "faq-card-count"])
        card = _component(
            "card", ["sd-card", "sd-sphinx-override", "sd-w-100", "sd-shadow-sm", "sd-card-hover", "faq-card"], body
        )
        row += _component("grid-item", ["sd-col", "sd-d-flex-row"], card)
    grid = _component("grid-container", ["sd-container-fluid", "sd-sphinx-override", "sd-mb-4", "faq-cards"], row)
    return [*_heading(node["heading"]), grid]


def _question_items(app, docname: str, questions, summaries: bool) -> nodes.bullet_list:
    items = nodes.bullet_list(classes=["faq-question-list"])
    for question in questions:
        item = nodes.list_item()
        item += nodes.paragraph("", "", _link(app.builder, docname, question.docname, question.title))
        if summaries and question.summary:
            item += nodes.paragraph(question.summary, question.summary, classes=["faq-summary"])
        items += item
    return items


def _questions(app, docname: str, node) -> list[nodes.Node]:
    cats, by_category, _ = app.env.faq_grouped
    if catalog.is_category(node["docname"]):
        questions = by_category.get(node["docname"], ())
        return [*_heading(node["heading"]), _question_items(app, docname, questions, True)]
    if app.builder.format != "html":
        return []  # the whole list: the PDF has its table of contents
    result = _heading(node["heading"])
    for cat in cats:
        result.append(nodes.rubric(cat.title, cat.title, **{"heading-level": 3}))
        result.append(_question_items(app, docname, by_category.get(cat.docname, ()), False))
    return result


def _keywords(app, docname: str, node) -> list[nodes.Node]:
    _, _, keywords = app.env.faq_grouped
    letters: dict[str, list[str]] = {}
    for keyword in keywords:
        letters.setdefault(_letter(keyword), []).append(keyword)
    result: list[nodes.Node] = []
    if app.builder.format == "html":
        jump = nodes.paragraph("", "", classes=["faq-letters"])
        for letter in letters:
            jump += nodes.reference(letter, letter, refid=_letter_id(letter))
            jump += nodes.Text(" ")
        result.append(jump)
    for letter, words in letters.items():
        result.append(nodes.rubric(letter, letter, ids=[_letter_id(letter)], **{"heading-level": 2}))
        entries = nodes.definition_list(classes=["faq-keyword-list"])
        for keyword in words:
            links = nodes.paragraph()
            for i, question in enumerate(keywords[keyword]):
                if i:
                    links += nodes.Text(" · ")
                links += _link(app.builder, docname, question.docname, question.title)
            entries += nodes.definition_list_item(
                "", nodes.term(keyword, keyword, ids=[keyword_id(keyword)]), nodes.definition("", links)
            )
        result.append(entries)
    return result


def _page_keywords(app, docname: str, node) -> list[nodes.Node]:
    """The question's keywords, linked to their entries on the keyword page."""
    question = catalog.question(app.env, node["docname"])
    if question is None or not question.keywords:
        return []
    pages = [d for d, kinds in _list_pages(app.env).items() if "keywords" in kinds]
    line = nodes.paragraph("", "")
    line += nodes.strong(catalog.KEYWORDS_LABEL, catalog.KEYWORDS_LABEL)
    for i, keyword in enumerate(question.keywords):
        line += nodes.Text(", " if i else " ")
        if pages:
            line += _link(app.builder, docname, pages[0], keyword, keyword_id(keyword), classes=["faq-keyword"])
        else:
            line += nodes.Text(keyword)
    return [nodes.container("", line, classes=["faq-meta", "faq-keywords"])]


RENDER = {
    "search": _search,
    "categories": _categories,
    "questions": _questions,
    "keywords": _keywords,
}


def resolve(app, doctree: nodes.document, docname: str) -> None:
    """Fill the placeholders. ``docname`` is where links start: in LaTeX, the whole book's root."""
    for node in list(doctree.findall(faq_list)):
        kind = node["kind"]
        web_only = kind in ("search", "categories")
        if (web_only and app.builder.format != "html") or (kind == "search" and not getattr(app.builder, "search", 0)):
            node.replace_self([])
        else:
            node.replace_self(RENDER[kind](app, docname, node))
    if app.builder.format == "html":  # the PDF prints them under the title (faq_latex)
        for node in list(doctree.findall(catalog.keyword_line)):
            node.replace_self(_page_keywords(app, docname, node))


def setup(app):
    app.setup_extension("faq_catalog")
    app.add_node(faq_list)
    for kind in KINDS:
        app.add_directive(f"faq-{kind}", directive(kind))
    app.add_css_file(CSS, priority=900)  # after the theme's and sphinx-design's styles
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
    app.connect("env-get-outdated", outdated)
    app.connect("env-updated", group)
    app.connect("doctree-resolved", resolve)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 2}
