"""The printed handbook: one LaTeX document for the whole book and one handout per category.

- ``env-updated``: a handout (``howto`` class) is added to ``latex_documents`` for every
  category in the catalog, so ``make pdf`` builds them all, a new category gets its handout
  without editing conf.py, and a category left out of the build (``exclude_patterns``) gets
  none (``faq_latex_handouts = False`` turns them off).
- ``KeywordLine`` (LaTeX only): each question's keyword line (faq_catalog's ``keyword_line``)
  printed under its title.
- ``HandoutGlossary`` (LaTeX only): a handout ends with the glossary entries its questions
  refer to (the terms faq_glossary links, or an explicit ``{term}``).
- ``ChosenQuestions`` (LaTeX only): fills the handout of chosen questions (below).
- ``HandbookTranslator``: per document, the title page (handbook) or title block (handout)
  and the PDF metadata (title, author, subject, keywords, language), taken from the catalog.

Two settings, given on the command line by ``make buku-saku`` and ``make handout``, change what
one build makes:

- ``faq_latex_paper = "a5"``: the pocket edition ("buku saku"), the same documents on A5 pages
  with a 10 pt body, printed two-sided (``tanya-jawab-…-saku.pdf``).
- ``faq_latex_questions = "<slug> <slug> …"``: instead, one handout of the chosen questions in
  the given order (``tanya-jawab-pilihan.pdf``) with the glossary entries they use; an unknown
  slug is an error (in Indonesian) and the build writes nothing.

The page styling lives in ``docs/_latex/tanyajawab.sty``.
"""

from __future__ import annotations

import difflib
from copy import deepcopy

import faq_catalog as catalog
from docutils import nodes
from sphinx import addnodes
from sphinx.errors import ConfigError
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.writers.latex import LaTeXTranslator

KEYWORDS_LABEL = catalog.KEYWORDS_LABEL + " "
# faq_latex_paper: "a4" (the handbook and handouts) or "a5" (the pocket edition).
PAPERS = {"a4": ("a4paper", "11pt"), "a5": ("a5paper", "10pt")}
POCKET_SUFFIX = "-saku"
CHOSEN_TARGET = "tanya-jawab-pilihan.tex"
CHOSEN_TITLE = "Pertanyaan Pilihan"
logger = logging.getLogger(__name__)


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


def chosen_questions(env) -> tuple[list[catalog.Question], list[str]]:
    """The questions named by ``faq_latex_questions``, in its order, and a message for each name that
    is none: a slug is a question page's file name (``apa-itu-sosialisasi``) or, where two categories
    share one, ``category/slug``."""
    by_slug: dict[str, list[catalog.Question]] = {}
    for question in catalog.questions(env):
        _, category, slug = question.docname.split("/")
        by_slug.setdefault(slug, []).append(question)
        by_slug.setdefault(f"{category}/{slug}", []).append(question)
    chosen, problems = [], []
    for slug in env.config.faq_latex_questions.split():
        found = by_slug.get(slug.removesuffix(".md"), [])
        if len(found) == 1 and found[0] in chosen:
            problems.append(f"pertanyaan '{slug}' disebut lebih dari sekali: sebut setiap pertanyaan sekali saja")
        elif len(found) == 1:
            chosen.append(found[0])
        elif found:
            choices = " atau ".join(q.docname.removeprefix("faq/") for q in found)
            problems.append(f"pertanyaan '{slug}' ada di lebih dari satu kategori: sebut dengan kategorinya, {choices}")
        else:
            close = difflib.get_close_matches(slug, by_slug, n=1)
            hint = f"; mungkin maksud Anda '{close[0]}'?" if close else ""
            problems.append(
                f"tidak ada pertanyaan '{slug}'{hint} (sebut setiap pertanyaan dengan nama berkasnya tanpa .md, "
                'misalnya PERTANYAAN="apa-itu-sosialisasi apa-tujuan-sosialisasi")'
            )
    return chosen, problems


def choose_documents(app, env) -> None:
    """With chosen questions, the build makes their handout and nothing else (after reading: ``env-updated``).

    The handout starts from the first question's page; ``ChosenQuestions`` fills it. A name that
    is no question is an error and the build writes no handout."""
    if not app.config.faq_latex_questions.strip() or app.builder.format != "latex":
        return
    chosen, problems = chosen_questions(env)
    for problem in problems:
        logger.error(problem, type="faq", subtype="handout")
    target = pocket_name(CHOSEN_TARGET, app.config)
    entry = (chosen[0].docname if chosen else "", target, CHOSEN_TITLE, app.config.author, "howto", True)
    app.config.latex_documents = [] if problems else [entry]


def add_handouts(app, env) -> None:
    """One handout per category of the catalog; its title is replaced by the catalog's at write time.

    After reading (``env-updated``), before the LaTeX builder reads ``latex_documents``; other
    builders keep conf.py's list (the environment stores the configuration it was built with).
    """
    config = app.config
    if not config.faq_latex_handouts or app.builder.format != "latex" or config.faq_latex_questions.strip():
        return
    known = {entry[0] for entry in config.latex_documents}
    for docname in sorted(category.docname for category in catalog.categories(env)):
        slug = docname.split("/")[1]
        if docname not in known:
            # toctree_only: the questions become the handout's sections; the category's
            # description goes into the title block instead of its page's introduction.
            config.latex_documents.append((docname, handout_target(slug, config), slug, config.author, "howto", True))


def is_chosen_handout(document, config) -> bool:
    return bool(config.faq_latex_questions.strip()) and catalog.is_question(document.get("docname", ""))


class ChosenQuestions(SphinxPostTransform):
    """Fill the handout of chosen questions: each question's page, in the order given.

    The handout starts from the first question's page as ``toctree_only`` (which has no toctree),
    so its body is empty until here. Before HandoutGlossary (4), which collects their terms."""

    builders = ("latex",)
    default_priority = 3

    def run(self, **kwargs) -> None:
        if not is_chosen_handout(self.document, self.config):
            return
        for question in chosen_questions(self.env)[0]:
            page = self.env.get_doctree(question.docname)
            self.document[0] += addnodes.start_of_file("", *page.children, docname=question.docname)


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
            # The keywords' index entries go inside the line: between paragraphs, their \index
            # marks would allow a page break under the title and leave it alone at a page's foot.
            for entries in [child for child in section.children if isinstance(child, addnodes.index)]:
                section.remove(entries)
                line += entries
            section.insert(1, nodes.container("", line, classes=["faq-keywords"]))


class HandoutGlossary(SphinxPostTransform):
    """Append to a handout the glossary entries its pages refer to (the terms faq_glossary links)."""

    builders = ("latex",)
    # Before faq_glossary turns printed term links into plain text (5) and before
    # ReferencesResolver (10): the term references are still pending here.
    default_priority = 4

    def run(self, **kwargs) -> None:
        if not catalog.is_category(self.document.get("docname", "")) and not is_chosen_handout(
            self.document, self.config
        ):
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
        chosen = is_chosen_handout(document, config)
        if chosen:
            included = chosen_questions(env)[0]
        else:
            included = [q for q in catalog.questions(env) if q.docname in builder.docnames]
        keywords = list(dict.fromkeys(k for q in included for k in q.keywords))
        edition = self.escape(f"Edisi {builder.context['date']}")
        held = {q.category for q in included} | builder.docnames
        contents = self.escape(
            "Kategori: " + join_words([c.title for c in catalog.categories(env) if c.docname in held])
        )
        category = next((c for c in catalog.categories(env) if c.docname == docname), None)
        if category is not None or chosen:  # a handout
            if category is not None:
                self.elements["title"] = self.escape(category.title)
                subject = category.description or category.title
            else:
                subject = f"{len(included)} pertanyaan pilihan"
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
    app.add_config_value("faq_latex_questions", "", "env", types=[str])
    app.connect("config-inited", set_paper)
    app.connect("env-updated", add_handouts)
    app.connect("env-updated", choose_documents)
    app.add_post_transform(ChosenQuestions)
    app.add_post_transform(KeywordLine)
    app.add_post_transform(HandoutGlossary)
    app.set_translator("latex", HandbookTranslator)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
