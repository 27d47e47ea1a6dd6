"""The handbook's catalog: questions and categories, collected once from their pages.

A question is a page ``faq/<category>/<slug>.md``; its category is the folder's
``index.md``. Front matter gives a question its ``keywords`` and ``summary`` and a
category its ``description``. Everything that lists questions (home page, category
pages, keyword page, LaTeX handouts, search ranking, structured data) reads this
catalog instead of keeping a list of its own.

Each keyword also becomes an index entry on its question, so Sphinx's general
index, the PDF's "Indeks" and the search index's index entries all know it.

One file per question: a category's toctree is generated from the question files
found in its folder, so adding a question needs no edit to ``index.md``. The order
is the editors': a question's ``urutan: N`` front-matter field puts it at place N
(ahead of the page that holds N without the field); pages listed in a toctree
written in ``index.md`` hold their place in that list; new pages come last, by
file name.

A question's answer text is taken here, once, from its page's doctree (``Question.answer``,
with its ``description``): faq_html's meta description and JSON-LD, faq_schema's
empty-answer check and the fidelity tests all read it from the record.

A question's keyword line is one node, ``keyword_line``, added at the end of its answer by
``KeywordLine``; each builder renders it its way: faq_lists for HTML and ePub (links to the
keyword page), faq_latex for LaTeX (under the title), and here, for the text builder, a plain
"Kata kunci: …" line. Other builders (spelling, gettext…) drop it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from docutils import nodes
from myst_parser.config.main import TopmatterReadError, read_topmatter
from sphinx import addnodes
from sphinx.environment.collectors import EnvironmentCollector
from sphinx.transforms import SphinxTransform

KEYWORDS_LABEL = "Kata kunci:"
DESCRIPTION_LIMIT = 160  # characters; what search engines show of a description
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")


@dataclass
class Question:
    docname: str
    title: str
    category: str  # docname of the category's index page
    line: int | None = None  # the title's line in the page's source
    keywords: list[str] = field(default_factory=list)
    summary: str = ""
    answer: str = ""  # the answer's text, one line per block (paragraph, sub-heading, table cell…)
    description: str = ""  # its first sentence, or the summary where the answer starts otherwise


@dataclass
class Category:
    docname: str
    title: str
    description: str = ""


def is_question(docname: str) -> bool:
    parts = docname.split("/")
    return len(parts) == 3 and parts[0] == "faq" and parts[2] != "index"


def is_category(docname: str) -> bool:
    parts = docname.split("/")
    return len(parts) == 3 and parts[0] == "faq" and parts[2] == "index"


def category_of(docname: str) -> str:
    return docname.rsplit("/", 1)[0] + "/index"


def as_list(value) -> list[str]:
    """A front-matter list as strings (MyST stores it as JSON text); anything else is no list: []."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError:
            return []
    if not isinstance(value, list):
        return []
    return [str(item).strip() for item in value if str(item).strip()]


def _title(doctree: nodes.document) -> tuple[str, int | None]:
    """The page's title and its line."""
    section = next(iter(doctree.findall(nodes.section)), None)
    return (section[0].astext().strip(), section[0].line) if section is not None else ("", None)


def first_sentence(text: str, limit: int = DESCRIPTION_LIMIT) -> str:
    """The first sentence of `text`, cut at a word boundary with an ellipsis when longer than `limit`."""
    sentence = _SENTENCE_END.split(" ".join(text.split()), 1)[0]
    if len(sentence) <= limit:
        return sentence
    return sentence[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _left_out(node: nodes.Node) -> bool:
    """Not answer text: index entries, targets, comments, messages, what extensions mark faq-meta."""
    if isinstance(node, (nodes.comment, nodes.system_message, nodes.target, addnodes.index)):
        return True
    return isinstance(node, nodes.Element) and "faq-meta" in node["classes"]


def _text(node: nodes.Node) -> str:
    """A node's text; an element without children gives its own (an image its alt text)."""
    if isinstance(node, nodes.Text) or not node.children:
        return node.astext()
    return "".join(_text(child) for child in node.children if not _left_out(child))


def _blocks(children, found: list[tuple[nodes.Element, str]]) -> None:
    """Each outermost text element among `children` (paragraph, heading, cell, code, image…) with its text."""
    for child in children:
        if isinstance(child, nodes.Text) or _left_out(child):
            continue
        if isinstance(child, nodes.TextElement) or not child.children:
            text = " ".join(_text(child).split())
            if text:
                found.append((child, text))
        else:
            _blocks(child.children, found)


def _starts_a_sentence(block: nodes.Element) -> bool:
    """A paragraph of prose: not a table's cell (a table's first cell is a column name)."""
    return isinstance(block, nodes.paragraph) and not any(isinstance(p, nodes.table) for p in _parents(block))


def _parents(node: nodes.Node):
    while node.parent is not None:
        node = node.parent
        yield node


def answer_of(doctree: nodes.document, summary: str = "") -> tuple[str, str]:
    """A question page's answer text (its section without the title) and its description.

    The description is the answer's first sentence where the answer starts with one (a
    paragraph after any sub-heading), otherwise the summary's: a table's first cell or a
    code line is no description.
    """
    section = next(iter(doctree.findall(nodes.section)), None)
    blocks: list[tuple[nodes.Element, str]] = []
    if section is not None:
        _blocks(section.children[1:], blocks)
    first = next((block for block in blocks if not isinstance(block[0], nodes.title)), None)
    opening = first[1] if first is not None and _starts_a_sentence(first[0]) else summary
    return "\n".join(text for _, text in blocks), first_sentence(opening)


# -- The category's toctree, generated from its folder ---------------------------

# A toctree block written in MyST: ```{toctree} ... ``` or :::{toctree} ... :::
TOCTREE = re.compile(r"^(```+|:::+)\{toctree\}[^\n]*\n(.*?)^\1[ \t]*$", re.M | re.S)
ORDER_FIELD = "urutan"


def written_order(text: str) -> list[str]:
    """The entries of the toctrees written in a category page, in order (options and glob patterns left out)."""
    entries = []
    for match in TOCTREE.finditer(text):
        body = match.group(2)
        if body.lstrip().startswith("---"):  # options as a YAML block
            body = body.lstrip().split("---", 2)[-1]
        for line in body.splitlines():
            entry = line.strip()
            if entry.endswith(">") and "<" in entry:  # "Title <name>"
                entry = entry[entry.rindex("<") + 1 : -1]
            if entry and not entry.startswith(":") and not any(c in entry for c in "*?["):
                entries.append(entry.removesuffix(".md"))
    return entries


def order_field(path) -> int | None:
    """A page's ``urutan`` (a whole number), read from its front matter; None if absent or not a number."""
    try:
        text = Path(path).read_text(encoding="utf-8")
        # Most pages have no order field: their front matter is not parsed here (a second time).
        meta = (read_topmatter(iter(text.splitlines())) or {}) if ORDER_FIELD in text else {}
    except (OSError, UnicodeDecodeError, TopmatterReadError):
        return None  # faq_schema reports the broken page
    value = meta.get(ORDER_FIELD) if isinstance(meta, dict) else None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def ordered_names(names: list[str], written: list[str], fields: dict[str, int | None]) -> list[str]:
    """The category's question file names in reading order (see the module's docstring)."""
    place = {name: number for number, name in enumerate(written, start=1)}
    last = len(names) + len(written) + 1

    def key(name: str) -> tuple[int, int, str]:
        if fields.get(name) is not None:
            return fields[name], 0, name
        return place.get(name, last), 1, name

    return sorted(names, key=key)


def generated_toctree(env, docname: str, text: str) -> str:
    """The category page's text with its written toctrees replaced by one listing every question of the folder."""
    folder = docname.rsplit("/", 1)[0]
    names = [d.rsplit("/", 1)[1] for d in env.found_docs if is_question(d) and d.startswith(folder + "/")]
    fields = {name: order_field(env.doc2path(f"{folder}/{name}")) for name in names}
    ordered = ordered_names(names, written_order(text), fields)
    # The written blocks become blank lines, so that every other line keeps its number.
    text = TOCTREE.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    if not ordered:
        return text
    # Hidden: the category page lists its questions itself ({faq-questions}).
    return text.rstrip("\n") + "\n\n```{toctree}\n:hidden:\n:maxdepth: 1\n\n" + "\n".join(ordered) + "\n```\n"


def on_source_read(app, docname: str, source: list[str]) -> None:
    if is_category(docname):
        source[0] = generated_toctree(app.env, docname, source[0])


def outdated_categories(app, env, added: set[str], changed: set[str], removed: set[str]) -> list[str]:
    """A category page is read again when one of its questions is added, changed (its order) or removed."""
    touched = {category_of(d) for d in added | changed | removed if is_question(d)}
    return sorted(c for c in touched if c in env.found_docs and c not in added | changed)


class KeywordIndexEntries(SphinxTransform):
    """Turn a question's keywords into index entries on its title (before domains collect them)."""

    default_priority = 840  # before SphinxDomains (850), which collects index entries

    def apply(self, **kwargs) -> None:
        docname = self.env.current_document.docname
        if not is_question(docname):
            return
        section = next(iter(self.document.findall(nodes.section)), None)
        keywords = as_list(self.env.metadata[docname].get("keywords"))
        if section is None or not keywords or not section["ids"]:
            return
        target = section["ids"][0]
        entries = [("single", keyword, target, "", None) for keyword in keywords]
        section.insert(1, addnodes.index(entries=entries, inline=False))


class keyword_line(nodes.General, nodes.Element):
    """A question's keywords (``docname`` names the question); rendered per builder at write time."""


class KeywordLine(SphinxTransform):
    """Give every question page with keywords its keyword line, at the end of its answer."""

    default_priority = 890

    def apply(self, **kwargs) -> None:
        docname = self.env.current_document.docname
        section = next(iter(self.document.findall(nodes.section)), None)
        if is_question(docname) and section is not None and as_list(self.env.metadata[docname].get("keywords")):
            section += keyword_line(docname=docname)


def plain_keyword_lines(app, doctree: nodes.document, docname: str) -> None:
    """The text builder's keyword line; other builders that left the node drop it."""
    for node in list(doctree.findall(keyword_line)):
        record = question(app.env, node["docname"])
        if app.builder.format == "text" and record is not None and record.keywords:
            text = f"{KEYWORDS_LABEL} {', '.join(record.keywords)}"
            node.replace_self(nodes.paragraph(text, text))
        else:
            node.replace_self([])


class CatalogCollector(EnvironmentCollector):
    """Keep ``env.faq_questions`` and ``env.faq_categories`` (docname -> record), parallel-safe."""

    def clear_doc(self, app, env, docname: str) -> None:
        _questions(env).pop(docname, None)
        _categories(env).pop(docname, None)

    def merge_other(self, app, env, docnames, other) -> None:
        for docname in docnames:
            for store, theirs in ((_questions(env), _questions(other)), (_categories(env), _categories(other))):
                if docname in theirs:
                    store[docname] = theirs[docname]

    def process_doc(self, app, doctree: nodes.document) -> None:
        env = app.env
        docname = env.current_document.docname
        meta = env.metadata[docname]
        if is_question(docname):
            summary = str(meta.get("summary", "")).strip()
            answer, description = answer_of(doctree, summary)
            title, line = _title(doctree)
            _questions(env)[docname] = Question(
                docname=docname,
                title=title,
                category=category_of(docname),
                line=line,
                keywords=as_list(meta.get("keywords")),
                summary=summary,
                answer=answer,
                description=description,
            )
        elif is_category(docname):
            _categories(env)[docname] = Category(
                docname=docname, title=_title(doctree)[0], description=str(meta.get("description", "")).strip()
            )


def _questions(env) -> dict[str, Question]:
    if not hasattr(env, "faq_questions"):
        env.faq_questions = {}
    return env.faq_questions


def _categories(env) -> dict[str, Category]:
    if not hasattr(env, "faq_categories"):
        env.faq_categories = {}
    return env.faq_categories


def _toctree_order(env) -> list[str]:
    """Every document in reading order: a depth-first walk of the toctrees from the root."""
    order, seen = [], set()

    def visit(docname: str) -> None:
        if docname in seen:
            return
        seen.add(docname)
        order.append(docname)
        for child in env.toctree_includes.get(docname, ()):
            visit(child)

    visit(env.config.root_doc)
    return order


def question(env, docname: str) -> Question | None:
    """The record of one question page (None for other pages), without walking the catalog."""
    return _questions(env).get(docname)


def categories(env) -> list[Category]:
    """Categories in the order of the home page's toctree (then any others, by name)."""
    known = _categories(env)
    order = [d for d in _toctree_order(env) if d in known]
    return [known[d] for d in order + sorted(set(known) - set(order))]


def questions(env, category: str | None = None) -> list[Question]:
    """Questions in reading order (the category toctrees), optionally of one category."""
    known = _questions(env)
    order = [d for d in _toctree_order(env) if d in known]
    ordered = [known[d] for d in order + sorted(set(known) - set(order))]
    return [q for q in ordered if category is None or q.category == category]


def keywords(env) -> dict[str, list[Question]]:
    """Keyword -> its questions. Case variants merge under the first spelling met; sorted case-insensitively."""
    spelling: dict[str, str] = {}
    index: dict[str, list[Question]] = {}
    for question in questions(env):
        for keyword in question.keywords:
            key = spelling.setdefault(keyword.casefold(), keyword)
            index.setdefault(key, []).append(question)
    return dict(sorted(index.items(), key=lambda item: item[0].casefold()))


def setup(app):
    app.connect("source-read", on_source_read)
    app.connect("env-get-outdated", outdated_categories)
    app.add_transform(KeywordIndexEntries)
    app.add_node(keyword_line)
    app.add_transform(KeywordLine)
    # After the builders' own renderers (faq_lists, faq_latex) have replaced the node.
    app.connect("doctree-resolved", plain_keyword_lines, priority=900)
    app.add_env_collector(CatalogCollector)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 2}
