"""Sphinx configuration for the PNPM Mandiri Perkotaan FAQ handbook."""

import os
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import urlparse

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS / "_ext"))

# -- Project ------------------------------------------------------------------

project = "Tanya Jawab PNPM Mandiri Perkotaan"
author = "PNPM Mandiri Perkotaan"
# SOURCE_DATE_EPOCH makes the edition date (and so the PDF) reproducible.
_epoch = os.environ.get("SOURCE_DATE_EPOCH")
edition = (datetime.fromtimestamp(int(_epoch), tz=UTC).date() if _epoch else date.today()).isoformat()
copyright = f"{edition[:4]}, {author}"
release = version = edition

# -- General ------------------------------------------------------------------

extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinx_sitemap",  # sitemap.xml
    "notfound.extension",  # a 404 page whose links work at any depth
    "sphinx_last_updated_by_git",  # "last updated" of each page from its last commit
    # The project's own, in docs/_ext/ (one module per feature):
    "faq_catalog",  # questions, categories and keywords, collected from the pages
    "faq_lists",  # search box, category cards, question lists, keyword page (generated)
    "faq_outline",  # nested ordered lists lettered a., b., as in the source
    "faq_glossary",  # Daftar Istilah from istilah.yml; terms in answers link to it
    "faq_html",  # meta description/keywords, OpenGraph, FAQPage JSON-LD, robots.txt
    "faq_latex",  # PDF: title page, metadata, keywords, one handout per category
    "faq_downloads",  # the home page's "Unduh" links to the PDF, ePub and zipped HTML
    "faq_schema",  # question-page rules and safe content, as warnings naming file and line
    "faq_messages",  # Sphinx's and MyST's messages in Indonesian, with what to do
    "faq_usulan",  # "Usulkan perbaikan" link on question pages, to the repository's issue form
    "search_id",  # Indonesian search: stemmer, stopwords, ranking, search-page messages
    "faq_sidebar",  # Furo sidebar built once per build: linear, small pages at any size
    "faq_page_weight",  # sphinx-design CSS/JS only on pages that use its components
    "faq_minify",  # our own scripts and stylesheets minified in the output
    "faq_offline",  # service worker (offline after one visit), web app manifest and icons
    "faq_spelling",  # make spelling: derived forms accepted, the word list checked line by line
]
language = "id"
root_doc = "index"
exclude_patterns = ["_build", "_templates", ".venv"]
templates_path = ["_templates"]
# Translations of the theme's interface strings (sphinx.po; compiled to .mo at build time).
locale_dirs = ["locales"]
# Contributor mistakes must fail the build, never silently publish: every
# reference is checked (`-n` in the Makefile) and these warnings stay on.
nitpicky = True

# -- MyST ---------------------------------------------------------------------

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3  # sub-headings get anchors ("#tujuan-umum") that links can point to

# -- HTML ---------------------------------------------------------------------

html_theme = "furo"
html_title = project
html_static_path = ["_static", "_ext/static"]  # _ext/static: our extensions' stylesheets
html_last_updated_fmt = "%d %B %Y"
html_favicon = "_static/favicon.svg"
# The print sheet is not render-blocking on screens.
html_css_files = [("faq-print.css", {"media": "print"})]
REPOSITORY = "https://github.com/pnpm-mandiri-perkotaan/tanya-jawab"  # "Edit this page" links here
html_theme_options = {"source_repository": REPOSITORY, "source_branch": "main", "source_directory": "docs/"}
# "Last updated" comes from git; a shallow clone or a copy without git omits it instead of failing.
suppress_warnings = ["git"]
git_untracked_show_sourcelink = True  # keep "Edit this page" on pages not yet committed

# -- Search engines and sharing -----------------------------------------------

# Read the Docs sets the canonical URL of the version being built; elsewhere the default version's.
html_baseurl = os.environ.get(
    "READTHEDOCS_CANONICAL_URL", "https://tanya-jawab-pnpm-mandiri-perkotaan.readthedocs.io/id/latest/"
)
sitemap_url_scheme = "{link}"  # html_baseurl already holds the language and version
sitemap_excludes = ["search.html", "genindex.html", "404.html"]  # not content
sitemap_locales = [None]  # one language; locales/ holds interface strings, not translations
# Local builds are served from their root; on Read the Docs, under the canonical URL's path.
notfound_urls_prefix = urlparse(os.environ.get("READTHEDOCS_CANONICAL_URL", "/")).path
notfound_context = {
    "title": "Halaman tidak ditemukan",
    "body": "<h1>Halaman tidak ditemukan</h1><p>Maaf, halaman yang Anda cari tidak ada atau sudah dipindahkan. "
    f'Mulai lagi dari <a href="{notfound_urls_prefix}index.html">beranda</a> atau gunakan kotak pencarian.</p>',
}

# -- LaTeX / PDF --------------------------------------------------------------

latex_engine = "pdflatex"  # TeX Gyre Type 1 fonts, all embedded; xelatex would need OpenType fonts CI lacks
# Only the root toctree's pages print (chapters): the home page's web parts never reach the PDF.
# faq_latex adds one handout per category (_build/latex/tanya-jawab-<category>.pdf), except on
# Read the Docs, whose PDF step takes exactly one LaTeX document per version.
faq_latex_handouts = not os.environ.get("READTHEDOCS")
latex_documents = [
    (root_doc, "tanya-jawab-pnpm-mandiri-perkotaan.tex", project, author, "manual", True),
]
latex_additional_files = ["_latex/tanyajawab.sty"]
latex_elements = {
    "papersize": "a4paper",
    "pointsize": "11pt",
    "extraclassoptions": "openany",  # chapters start on the next page, never after a blank one
    "fncychap": "",  # tanyajawab.sty sets the chapter openings (fncychap's leave a large empty block)
    "passoptionstopackages": r"\PassOptionsToPackage{pdflang=id}{hyperref}",  # the PDF's /Lang
    "preamble": r"\usepackage{tanyajawab}",
}
latex_show_urls = "footnote"
today_fmt = "%d %B %Y"  # the edition date on the title page: "29 November 2026"
faq_latex_subject = (
    "Program Nasional Pemberdayaan Masyarakat Mandiri Perkotaan, sebelumnya Program Penanggulangan "
    "Kemiskinan di Perkotaan (P2KP)"
)
faq_latex_support = "Didukung oleh World Bank & Islamic Development Bank"

# -- ePub and downloads ----------------------------------------------------------

epub_basename = "tanya-jawab-pnpm-mandiri-perkotaan"
epub_title = project
epub_author = epub_publisher = epub_contributor = author
epub_copyright = copyright  # fills dc:rights (epubcheck rejects it empty)
epub_description = faq_latex_subject
# A stable identifier across editions (stock: "unknown"). toc.ncx repeats epub_uid where
# epubcheck expects the identifier, so both are the same XML name.
epub_uid = epub_identifier = epub_basename
# Read the Docs serves each version's PDF, ePub and zipped HTML under this prefix.
if os.environ.get("READTHEDOCS"):
    faq_downloads = f"/_/downloads/{os.environ['READTHEDOCS_LANGUAGE']}/{os.environ['READTHEDOCS_VERSION']}/"
# The pocket edition and its booklets (`make buku-saku`) join "Unduh" when the site is built with
# them: `FAQ_BUKU_SAKU=_build/buku-saku make html` (README, "Printing for training").
faq_downloads_print = os.environ.get("FAQ_BUKU_SAKU", "")

# -- Spelling (make spelling) -------------------------------------------------

# sphinxcontrib-spelling's builder loads by entry point for `-b spelling` only,
# so other builds (and Read the Docs) need neither pyenchant nor hunspell-id.
spelling_lang = "id_ID"  # Debian's hunspell-id, through pyenchant
spelling_word_list_filename = "spelling_wordlist.txt"  # names, acronyms, program terms
spelling_warning = True  # each misspelling is a warning at file:line, so -W fails
spelling_show_suggestions = True
# Accept standard derived forms the dictionary lacks (prosedurnya, terintegrasi).
spelling_filters = ["faq_spelling.AffixFilter"]
# Checks that need git or guess from Python module names make results unpredictable.
spelling_ignore_contributor_names = False
spelling_ignore_importable_modules = False
