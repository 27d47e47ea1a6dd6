"""The printed handbook: one LaTeX document for the whole book and one handout per category.

- ``env-updated``: a handout (``howto`` class) is added to ``latex_documents`` for every
  category in the catalog, so ``make pdf`` builds them all, a new category gets its handout
  without editing conf.py, and a category left out of the build (``exclude_patterns``) gets
  none (``faq_latex_handouts = False`` turns them off).
- ``KeywordLine`` (LaTeX only): each question's keyword line (faq_catalog's ``keyword_line``)
  printed under its title.
- ``HandoutGlossary`` (LaTeX only): a handout ends with the glossary entries its questions
  refer to (the terms faq_glossary links, or an explicit ``{term}``).
- ``HandbookTranslator``: per document, the title page (handbook) or title block (handout)
  and the PDF metadata (title, author, subject, keywords, language), taken from the catalog.

The page styling lives in ``docs/_latex/tanyajawab.sty``.
"""

from __future__ import annotations

from copy import deepcopy

import faq_catalog as catalog
from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.writers.latex import LaTeXTranslator

KEYWORDS_LABEL = catalog.KEYWORDS_LABEL + " "


def handout_target(slug: str) -> str:
    return f"tanya-jawab-{slug}.tex"


def add_handouts(app, env) -> None:
    """One handout per category of the catalog; its title is replaced by the catalog's at write time.

    After reading (``env-updated``), before the LaTeX builder reads ``latex_documents``; other
    builders keep conf.py's list (the environment stores the configuration it was built with).
    """
    config = app.config
    if not config.faq_latex_handouts or app.builder.format != "latex":
        return
    known = {entry[0] for entry in config.latex_documents}
    for docname in sorted(category.docname for category in catalog.categories(env)):
        slug = docname.split("/")[1]
        if docname not in known:
            # toctree_only: the questions become the handout's sections; the category's
            # description goes into the title block instead of its page's introduction.
            config.latex_documents.append((docname, handout_target(slug), slug, config.author, "howto", True))


class KeywordLine(SphinxPostTransform):
    """Print a question's keyword line under its title (the web shows it after the answer)."""

    builders = ("latex",)
    default_priority = 200

    def run(self, **kwargs) -> None:
        for node in list(self.document.findall(catalog.keyword_line)):
            question = catalog.question(self.env, node["docname"])
            section = node.parent
            section.remove(node)
            if question is None or not question.keywords:
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
        refs = [(xref, _term_entry(xref, terms)) for xref in self.document.findall(addnodes.pending_xref)]
        refs = [(xref, entry) for xref, entry in refs if entry is not None]
        wanted = {entry for _, entry in refs}
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
        # The glossary page is not part of the handout, so Sphinx would leave an explicit
        # {term} unlinked: link it here to its entry, in the form the LaTeX builder gives
        # links inside one book ("%docname#label"). faq_glossary's own links print as text.
        for xref, entry in refs:
            if "faq-istilah-link" not in xref["classes"]:
                xref.replace_self(
                    nodes.reference("", "", xref[0].deepcopy(), internal=True, refuri="%{}#{}".format(*entry))
                )


def _term_entry(xref: addnodes.pending_xref, terms: dict) -> tuple[str, str] | None:
    """The glossary entry (docname, label) a term reference points to, or None."""
    if xref["reftype"] != "term":
        return None
    target = xref["reftarget"].casefold()
    return next((terms[key] for key in terms if key[0] == "term" and key[1].casefold() == target), None)


class HandbookTranslator(LaTeXTranslator):
    """Title page and PDF metadata for each LaTeX document, from the catalog."""

    def __init__(self, document, builder, theme) -> None:
        super().__init__(document, builder, theme)
        env, config = builder.env, builder.config
        docname = document.settings._docname
        included = [q for q in catalog.questions(env) if q.docname in builder.docnames]
        keywords = list(dict.fromkeys(k for q in included for k in q.keywords))
        edition = self.escape(f"Edisi {builder.context['date']}")
        category = next((c for c in catalog.categories(env) if c.docname == docname), None)
        if category is not None:  # a handout
            self.elements["title"] = self.escape(category.title)
            subject = category.description or category.title
            title = rf"\faqhandouttitle{{{self.escape(config.project)}}}{{{self.escape(subject)}}}{{{edition}}}"
            self.elements.update(tableofcontents="", printindex="", makeindex="")
            # openany means nothing to the article class behind "howto" (LaTeX would warn).
            self.elements["classoptions"] = self.elements["classoptions"].replace(",openany", "")
        else:  # the whole handbook
            subject = config.faq_latex_subject
            support = self.escape(config.faq_latex_support)
            title = rf"\faqtitlepage{{{edition}}}{{{self.escape(subject)}}}{{{support}}}"
            # Sphinx names the contents after the root toctree's caption ("Kategori"); keep babel's "Daftar Isi".
            self.elements["contentsname"] = ""
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
    app.connect("env-updated", add_handouts)
    app.add_post_transform(KeywordLine)
    app.add_post_transform(HandoutGlossary)
    app.set_translator("latex", HandbookTranslator)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
