"""The printed handbook: one LaTeX document for the whole book and one handout per category.

- ``config-inited``: a handout (``howto`` class) is added to ``latex_documents`` for every
  category folder ``faq/<slug>/index.md``, so ``make pdf`` builds them all and a new category
  gets its handout without editing conf.py (``faq_latex_handouts = False`` turns them off).
- ``KeywordLine`` (LaTeX only): each question section shows its keywords under its title.
- ``HandoutGlossary`` (LaTeX only): a handout ends with the glossary entries its questions
  refer to (the terms faq_glossary links, or an explicit ``{term}``).
- ``HandbookTranslator``: per document, the title page (handbook) or title block (handout)
  and the PDF metadata (title, author, subject, keywords, language), taken from the catalog.

The page styling lives in ``docs/_latex/tanyajawab.sty``.
"""

from __future__ import annotations

from copy import deepcopy
from pathlib import Path

import faq_catalog as catalog
from docutils import nodes
from sphinx import addnodes
from sphinx.errors import ConfigError
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.writers.latex import LaTeXTranslator

KEYWORDS_LABEL = "Kata kunci: "
# faq_latex_paper: "a4" (the handbook and handouts) or "a5" (the pocket edition, "buku saku").
PAPERS = {"a4": ("a4paper", "11pt"), "a5": ("a5paper", "10pt")}
POCKET_SUFFIX = "-saku"


def handout_target(slug: str, config) -> str:
    return pocket_name(f"tanya-jawab-{slug}.tex", config)


def pocket_name(target: str, config) -> str:
    """A LaTeX file name as the build's paper size wants it: the pocket edition's files end in -saku."""
    if config.faq_latex_paper != "a5":
        return target
    stem, suffix = target.rsplit(".", 1)
    return f"{stem}{POCKET_SUFFIX}.{suffix}"


def join_words(items: list[str]) -> str:
    """An Indonesian enumeration: "A", "A dan B", "A, B, dan C"."""
    if len(items) <= 2:
        return " dan ".join(items)
    return ", ".join(items[:-1]) + ", dan " + items[-1]


def set_paper(app, config) -> None:
    """Check the paper size; the pocket edition renames every document (…-saku.tex)."""
    if config.faq_latex_paper not in PAPERS:
        choices = ", ".join(PAPERS)
        raise ConfigError(f"faq_latex_paper harus salah satu dari {choices}, bukan {config.faq_latex_paper!r}")
    config.latex_documents = [(doc, pocket_name(name, config), *rest) for doc, name, *rest in config.latex_documents]


def add_handouts(app, config) -> None:
    """One handout per category folder; its title is replaced by the catalog's at write time."""
    if not config.faq_latex_handouts:
        return
    known = {entry[0] for entry in config.latex_documents}
    for index in sorted(Path(app.srcdir).glob("faq/*/index.md")):
        docname = f"faq/{index.parent.name}/index"
        if docname not in known:
            # toctree_only: the questions become the handout's sections; the category's
            # description goes into the title block instead of its page's introduction.
            target = handout_target(index.parent.name, config)
            entry = (docname, target, index.parent.name, config.author, "howto", True)
            config.latex_documents.append(entry)


class KeywordLine(SphinxPostTransform):
    """Print a question's keywords under its title (the web shows them its own way)."""

    builders = ("latex",)
    default_priority = 200

    def run(self, **kwargs) -> None:
        for start in self.document.findall(addnodes.start_of_file):
            question = catalog.question(self.env, start["docname"])
            section = next(start.findall(nodes.section), None)
            if question is None or section is None or not question.keywords:
                continue
            line = nodes.paragraph("", "", nodes.strong(text=KEYWORDS_LABEL), nodes.Text(", ".join(question.keywords)))
            section.insert(1, nodes.container("", line, classes=["faq-keywords"]))


class HandoutGlossary(SphinxPostTransform):
    """Append to a handout the glossary entries its pages refer to (the terms faq_glossary links)."""

    builders = ("latex",)
    # Before faq_glossary turns printed term links into plain text (5) and before
    # ReferencesResolver (10): the term references are still pending here.
    default_priority = 4

    def run(self, **kwargs) -> None:
        if not catalog.is_category(self.document.get("docname", "")):
            return
        terms = self.env.domaindata["std"]["objects"]
        wanted = {
            terms[key]
            for xref in self.document.findall(addnodes.pending_xref)
            if xref["reftype"] == "term"
            for key in terms
            if key[0] == "term" and key[1].casefold() == xref["reftarget"].casefold()
        }
        if not wanted:
            return
        glossary_doc = next(iter(wanted))[0]
        page = self.env.get_doctree(glossary_doc)
        glossary = next(page.findall(addnodes.glossary), None)
        title = next(page.findall(nodes.title), None)
        if glossary is None or title is None:
            return
        subset = deepcopy(glossary)
        for item in list(subset.findall(nodes.definition_list_item)):
            if not any((glossary_doc, label) in wanted for term in item.findall(nodes.term) for label in term["ids"]):
                item.parent.remove(item)
        section = nodes.section("", deepcopy(title), subset, ids=[f"{glossary_doc}-handout"])
        # Under the glossary's own docname, the entries keep the labels the term links point to.
        self.document[0] += addnodes.start_of_file("", section, docname=glossary_doc)
        self.env._app.builder.docnames.add(glossary_doc)  # as Sphinx's own ReferencesResolver reaches it


class HandbookTranslator(LaTeXTranslator):
    """Title page and PDF metadata for each LaTeX document, from the catalog."""

    def __init__(self, document, builder, theme) -> None:
        super().__init__(document, builder, theme)
        env, config = builder.env, builder.config
        docname = document.settings._docname
        included = [q for q in catalog.questions(env) if q.docname in builder.docnames]
        keywords = list(dict.fromkeys(k for q in included for k in q.keywords))
        edition = self.escape(f"Edisi {builder.context['date']}")
        held = [c.title for c in catalog.categories(env) if c.docname in builder.docnames]
        contents = self.escape(f"Kategori: {join_words(held)}")
        category = next((c for c in catalog.categories(env) if c.docname == docname), None)
        if category is not None:  # a handout
            self.elements["title"] = self.escape(category.title)
            subject = category.description or category.title
            book = self.escape(config.project)
            title = rf"\faqhandouttitle{{{book}}}{{{self.escape(subject)}}}{{{edition}}}{{{contents}}}"
            self.elements.update(tableofcontents="", printindex="", makeindex="")
            # openany means nothing to the article class behind "howto" (LaTeX would warn).
            self.elements["classoptions"] = self.elements["classoptions"].replace(",openany", "")
        else:  # the whole handbook
            subject = config.faq_latex_subject
            support = self.escape(config.faq_latex_support)
            title = rf"\faqtitlepage{{{edition}}}{{{self.escape(subject)}}}{{{support}}}{{{contents}}}"
            # Sphinx names the contents after the root toctree's caption ("Kategori"); keep babel's "Daftar Isi".
            self.elements["contentsname"] = ""
        if config.faq_latex_paper == "a5":  # the pocket edition: two-sided pages, a smaller body
            self.elements["papersize"], self.elements["pointsize"] = PAPERS["a5"]
            self.elements["classoptions"] += ",twoside"
            self.elements["passoptionstopackages"] += "\n\\PassOptionsToPackage{saku}{tanyajawab}"
        # Set before the first page ships out, so hyperref writes them into the PDF's info dictionary.
        metadata = {
            "pdftitle": self.elements["title"],
            "pdfauthor": self.escape(config.author),
            "pdfsubject": self.escape(subject),
            "pdfkeywords": self.escape(", ".join(keywords)),
        }
        hypersetup = ",".join(f"{key}={{{value}}}" for key, value in metadata.items())
        self.elements["maketitle"] = rf"\hypersetup{{{hypersetup}}}" + "\n" + title


def setup(app):
    app.add_config_value("faq_latex_subject", "", "env", types=[str])
    app.add_config_value("faq_latex_support", "", "env", types=[str])
    app.add_config_value("faq_latex_handouts", True, "env", types=[bool])
    app.add_config_value("faq_latex_paper", "a4", "env", types=[str])
    app.connect("config-inited", set_paper)
    app.connect("config-inited", add_handouts)
    app.add_post_transform(KeywordLine)
    app.add_post_transform(HandoutGlossary)
    app.set_translator("latex", HandbookTranslator)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
