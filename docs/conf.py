"""Sphinx configuration for the PNPM Mandiri Perkotaan FAQ handbook."""

import os
import sys
from datetime import date, datetime, timezone
from pathlib import Path

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS / "_ext"))

# -- Project ------------------------------------------------------------------

project = "Tanya Jawab PNPM Mandiri Perkotaan"
author = "PNPM Mandiri Perkotaan"
# SOURCE_DATE_EPOCH makes the edition date (and so the PDF) reproducible.
_epoch = os.environ.get("SOURCE_DATE_EPOCH")
edition = (datetime.fromtimestamp(int(_epoch), tz=timezone.utc).date() if _epoch else date.today()).isoformat()
copyright = f"{edition[:4]}, {author}"
release = version = edition

# -- General ------------------------------------------------------------------

extensions = [
    "myst_parser",
    "sphinx_design",
    # The project's own, in docs/_ext/ (one module per feature):
    "faq_catalog",  # questions, categories and keywords, collected from the pages
    "faq_sidebar",  # Furo sidebar built once per build: linear, small pages at any size
    "faq_page_weight",  # sphinx-design CSS/JS only on pages that use its components
    "faq_stem_cache",  # search stemmer memoised per build, not per page (build profile)
]
language = "id"
root_doc = "index"
exclude_patterns = ["_build", "_templates", ".venv"]
templates_path = ["_templates"]
# Contributor mistakes must fail the build, never silently publish: every
# reference is checked (`-n` in the Makefile) and these warnings stay on.
nitpicky = True

# -- MyST ---------------------------------------------------------------------

myst_enable_extensions = ["colon_fence", "deflist"]
# Question pages carry `keywords` and `summary` in YAML front matter.
myst_heading_anchors = 3

# -- HTML ---------------------------------------------------------------------

html_theme = "furo"
html_title = project
html_static_path = ["_static"]
html_last_updated_fmt = "%d %B %Y"

# -- LaTeX / PDF --------------------------------------------------------------

latex_engine = "pdflatex"
latex_elements = {
    "papersize": "a4paper",
    "pointsize": "11pt",
}
latex_documents = [
    (root_doc, "tanya-jawab-pnpm-mandiri-perkotaan.tex", project, author, "manual"),
]

# -- ePub ---------------------------------------------------------------------

epub_title = project
epub_author = author
epub_publisher = author
epub_copyright = copyright
