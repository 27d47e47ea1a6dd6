"""The glossary ("Daftar Istilah") and automatic links to it from the question pages.

One source of truth: a YAML file (``faq_glossary_file``, default ``istilah.yml`` in the
source folder), a list of entries ``{istilah, kepanjangan?, arti}``. The ``faq-glossary``
directive renders it as a Sphinx glossary (so ``{term}`` works as well), sorted.

In every question page, the first occurrence of each term in the answer becomes a
``std:term`` cross-reference whose text sits in an ``<abbr title="expansion">``: the
expansion shows on hover and on keyboard focus (CSS ``content: attr(title)``), and no
text is added to the answer. Acronyms (all capitals, such as ``RT``) match with their
case; other terms match in any case, on word boundaries. Outside HTML (PDF, text) the
term stays plain text. Cost: one regular-expression pass over the page's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import faq_catalog as catalog
import faq_schema as schema
import search_id
import yaml
from docutils import nodes
from sphinx import addnodes
from sphinx.domains.std import make_glossary_term
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)
CSS = "faq-glossary.css"  # in docs/_ext/static (html_static_path)
FIELDS = ("istilah", "kepanjangan", "arti")
# Longest text of each field, in characters: a term's expansion or meaning is the tooltip of
# every link to it, on every page, so a pasted page would weigh on all of them. The longest
# meaning so far is under 200 characters.
LIMITS = {"istilah": 80, "kepanjangan": 200, "arti": 600}
EXAMPLE = (
    "Contoh entri: '- istilah: KBK', lalu di baris berikutnya, menjorok dua spasi, 'kepanjangan: Kelompok Belajar "
    "Kelurahan' dan 'arti: Kelompok belajar tingkat kelurahan.'"
)
# Text inside these is never linked: headings, links, code, index entries, existing abbreviations.
SKIP = (
    nodes.title,
    nodes.reference,
    nodes.FixedTextElement,
    nodes.literal,
    nodes.raw,
    nodes.abbreviation,
    nodes.term,
    addnodes.pending_xref,
    addnodes.index,
)


@dataclass(frozen=True)
class Term:
    name: str
    expansion: str
    meaning: str

    @property
    def tooltip(self) -> str:
        return self.expansion or self.meaning

    @property
    def is_acronym(self) -> bool:
        return self.name.isupper()


class glossary_abbr(nodes.inline):
    """A term's text inside its link; HTML gives it ``<abbr title>``, other writers plain text."""


def visit_glossary_abbr(self, node) -> None:
    self.body.append(self.starttag(node, "abbr", "", CLASS="faq-istilah", title=node["tooltip"]))


def depart_glossary_abbr(self, node) -> None:
    self.body.append("</abbr>")


# -- The data file ----------------------------------------------------------------

_cache: dict[str, tuple[list[Term], re.Pattern | None]] = {}


def data_file(env) -> Path:
    return Path(env.srcdir) / env.config.faq_glossary_file


def load(env) -> tuple[list[Term], re.Pattern | None]:
    """The terms, sorted, and one pattern matching any of them (longest first), as parsed this build."""
    path = data_file(env)
    if str(path) not in _cache:
        _cache[str(path)] = _parse(path) if path.is_file() else ([], None)
    return _cache[str(path)]


def parse_once(app, env, docnames: list[str]) -> None:
    """Parse the data file once per build, before any page is read: under ``-j`` the reading
    processes are forked from this one and find it parsed."""
    if docnames:
        _cache.clear()
        load(env)


def _parse(path: Path) -> tuple[list[Term], re.Pattern | None]:
    """The file's terms and their pattern; each mistake is a warning at its line, and its entry is left out."""
    try:
        node = schema.compose(schema.read_utf8(path), f"Berkas {path.name}")
    except schema.Refused as error:
        schema.warn(str(error), path, error.line + 1)
        return [], None
    if node is not None and not isinstance(node, yaml.SequenceNode):
        schema.warn(f"Berkas {path.name} harus berupa daftar istilah, masing-masing diawali '- '. {EXAMPLE}", path, 1)
        return [], None
    terms: dict[str, tuple[Term, int]] = {}
    for entry in node.value if node is not None else []:
        line = entry.start_mark.line + 1
        term = _term(path, entry, line)
        if term is None:
            continue
        key = term.name.casefold()
        if key in terms:
            schema.warn(
                f"Istilah '{schema.shorten(term.name)}' sudah ada di baris {terms[key][1]} (huruf besar-kecil dan "
                "karakter tak terlihat tidak dibedakan). Gabungkan kedua entri menjadi satu.",
                path,
                line,
            )
            continue
        terms[key] = (term, line)
    ordered = sorted((term for term, _ in terms.values()), key=lambda term: term.name.casefold())
    if not ordered:
        return [], None
    alternatives = []
    for term in sorted(ordered, key=lambda term: -len(term.name)):
        # A term of several words matches them across a line break of the page's source, too.
        words = r"\s+".join(map(re.escape, term.name.split()))
        alternatives.append(words if term.is_acronym else f"(?i:{words})")
    return ordered, re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


def _term(path: Path, entry: yaml.Node, line: int) -> Term | None:
    """One entry's term, or None if the entry is wrong (reported at `line`)."""
    if not isinstance(entry, yaml.MappingNode):
        schema.warn(
            f"Setiap entri {path.name} berisi kolom istilah, arti dan (untuk singkatan) kepanjangan. {EXAMPLE}",
            path,
            line,
        )
        return None
    for name, again, earlier in schema.duplicate_keys(entry):
        schema.warn(
            f"Kolom '{schema.shorten(name)}' ditulis dua kali di entri ini (juga di baris {earlier + 1}); "
            "hanya yang terakhir yang dipakai. Hapus salah satunya.",
            path,
            again + 1,
        )
    texts = {}
    for key, value in entry.value:
        field = str(key.value)
        if field not in FIELDS:
            schema.warn(
                f"Kolom '{schema.shorten(field)}' tidak dikenal; kolom entri istilah: {', '.join(FIELDS)}. "
                "Periksa ejaannya.",
                path,
                key.start_mark.line + 1,
            )
            continue
        if not isinstance(value, yaml.ScalarNode):
            schema.warn(
                f"Kolom '{field}' berisi teks, bukan daftar atau pasangan 'nama: nilai': satu istilah per entri.",
                path,
                key.start_mark.line + 1,
            )
            return None
        text = schema.text_of(path, field, value, key.start_mark.line + 1)
        if text is None:
            return None  # a yes/no, a number or a date: reported
        texts[field] = " ".join(search_id.normalise(text).split())
        if len(texts[field]) > LIMITS[field]:
            schema.warn(
                f"Kolom '{field}' terlalu panjang ({len(texts[field])} karakter; paling banyak {LIMITS[field]}): "
                "teksnya muncul sebagai keterangan setiap tautan istilah ini. Ringkas menjadi satu atau dua kalimat.",
                path,
                key.start_mark.line + 1,
            )
            return None
    name, meaning = texts.get("istilah", ""), texts.get("arti", "")
    if not name or not meaning:
        schema.warn(f"Entri ini perlu kolom 'istilah' dan 'arti', keduanya berisi teks. {EXAMPLE}", path, line)
        return None
    if len(name) < 2 or set(name.casefold().split()) <= search_id.STOPWORDS:
        schema.warn(
            f"'{schema.shorten(name)}' terlalu umum untuk Daftar Istilah: kata seperti 'dan' atau satu huruf ada di "
            "hampir setiap jawaban, dan setiap halaman akan menautkannya. Hapus entri ini.",
            path,
            line,
        )
        return None
    return Term(name, texts.get("kepanjangan", ""), meaning)


# -- The glossary page ------------------------------------------------------------


class GlossaryDirective(SphinxDirective):
    """Render the data file as a Sphinx glossary."""

    def run(self) -> list[nodes.Node]:
        path = data_file(self.env)
        self.env.note_dependency(str(path))
        terms, _ = load(self.env)
        if not terms:
            logger.warning(
                "Daftar Istilah kosong: %s belum berisi istilah yang sah. Tambahkan istilahnya, atau perbaiki entri "
                "yang dilaporkan untuk berkas itu.",
                path.name,
                location=self.get_location(),
            )
            return []
        source, line = self.get_source_info()
        items = nodes.definition_list(classes=["glossary"])
        for term in terms:
            node = make_glossary_term(self.env, [nodes.Text(term.name)], None, source, line, None, self.state.document)
            text = nodes.paragraph()
            if term.expansion:
                text += nodes.emphasis(term.expansion, term.expansion)
                text += nodes.Text(". ")
            text += nodes.Text(term.meaning)
            items += nodes.definition_list_item("", node, nodes.definition("", text))
        glossary = addnodes.glossary(sorted=False)  # already sorted, case-insensitively
        glossary += items
        return [glossary]


# -- Links in the question pages -------------------------------------------------------


class GlossaryLinks(SphinxTransform):
    """Link the first occurrence of each glossary term in a question's answer."""

    default_priority = 880

    def apply(self, **kwargs) -> None:
        docname = self.env.current_document.docname
        if not catalog.is_question(docname):
            return
        self.env.note_dependency(str(data_file(self.env)))
        terms, pattern = load(self.env)
        if pattern is None:
            return
        by_key = {t.name.casefold(): t for t in terms}  # the pattern already matches acronyms case-sensitively
        _join_lines(self.document)
        linked: set[str] = set()
        for text in list(self.document.findall(nodes.Text)):
            if _skipped(text):
                continue
            pieces, start = [], 0
            for match in pattern.finditer(text):
                word = match.group()
                term = by_key.get(" ".join(word.split()).casefold())
                if term is None or term.name in linked:
                    continue
                linked.add(term.name)
                pieces += [nodes.Text(text[start : match.start()]), self._xref(term, word, docname)]
                start = match.end()
            if pieces:
                pieces.append(nodes.Text(text[start:]))
                parent = text.parent
                index = next(i for i, child in enumerate(parent.children) if child is text)
                parent[index : index + 1] = [p for p in pieces if not isinstance(p, nodes.Text) or p]

    def _xref(self, term: Term, word: str, docname: str) -> addnodes.pending_xref:
        xref = addnodes.pending_xref(
            word,
            glossary_abbr(word, word, tooltip=term.tooltip),
            refdomain="std",
            reftype="term",
            reftarget=term.name.lower(),
            refexplicit=True,
            refwarn=True,
            refdoc=docname,
        )
        xref["classes"].append("faq-istilah-link")
        return xref


class PlainTermsInPrint(SphinxPostTransform):
    """Outside HTML a term is its plain text: a printed page shows no tooltip, and styled links
    in every paragraph would only distract. The glossary stays a chapter of the book."""

    default_priority = 5  # before the references are resolved (10)
    formats = ("latex", "text", "man", "texinfo")

    def run(self, **kwargs) -> None:
        for xref in list(self.document.findall(addnodes.pending_xref)):
            if "faq-istilah-link" in xref["classes"]:
                xref.parent.replace(xref, nodes.Text(xref.astext()))


def _join_lines(document: nodes.document) -> None:
    """MyST makes each line break inside a paragraph a text node of its own: joined with the text around it,
    a term written across two lines of the page's source is found."""
    for element in document.findall(nodes.TextElement):
        index = 0
        while index < len(element.children) - 1:
            first, second = element.children[index : index + 2]
            if isinstance(first, nodes.Text) and isinstance(second, nodes.Text):
                element[index : index + 2] = [nodes.Text(first + second)]
            else:
                index += 1


def _skipped(text: nodes.Text) -> bool:
    node = text.parent
    while node is not None:
        if isinstance(node, SKIP):
            return True
        node = node.parent
    return False


def setup(app):
    app.setup_extension("faq_catalog")
    app.add_config_value("faq_glossary_file", "istilah.yml", "env", types=[str])
    app.add_node(glossary_abbr, html=(visit_glossary_abbr, depart_glossary_abbr))
    app.add_directive("faq-glossary", GlossaryDirective)
    app.add_transform(GlossaryLinks)
    app.connect("env-before-read-docs", parse_once, priority=900)  # after handlers that change the list
    app.add_post_transform(PlainTermsInPrint)
    app.add_css_file(CSS, priority=900)  # after the theme's and sphinx-design's styles
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
