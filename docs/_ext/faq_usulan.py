"""Readers report problems: a quiet "Ada yang kurang tepat? Usulkan perbaikan" link on each question page.

The link opens the repository's issue form ``.github/ISSUE_TEMPLATE/usulan-perbaikan.yml``
("Usulan perbaikan jawaban") with the issue's title, the question and the page's address
filled in, through GitHub's issue-form URL parameters (``template``, ``title`` and one
parameter per field id). The repository is the theme's ``source_repository`` (also the
target of "Sunting halaman ini"). ``_templates/page.html`` shows the link under the answer;
the print stylesheet hides it, and the PDF and ePub never get it.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

import faq_catalog as catalog

FORM = "usulan-perbaikan.yml"
# Field ids of the form, filled from the page.
QUESTION_FIELD = "pertanyaan"
ADDRESS_FIELD = "alamat"


def issue_url(repository: str, title: str, address: str) -> str:
    """The issue form's URL with the title and the page's question and address filled in."""
    query = {"template": FORM, "title": f"Usulan perbaikan: {title}", QUESTION_FIELD: title, ADDRESS_FIELD: address}
    return f"{repository.rstrip('/')}/issues/new?{urlencode(query, quote_via=quote)}"


def add_link(app, pagename: str, templatename: str, context: dict, doctree) -> None:
    question = catalog.question(app.env, pagename)
    repository = app.config.html_theme_options.get("source_repository")
    if question is None or not repository or app.builder.name == "epub":
        return
    address = context.get("pageurl") or app.builder.get_target_uri(pagename)
    context["faq_usulan"] = issue_url(repository, question.title, address)


def setup(app):
    app.setup_extension("faq_catalog")
    app.connect("html-page-context", add_link)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
