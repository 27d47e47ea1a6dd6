"""Search-engine and sharing metadata on every HTML page, and the site's robots.txt.

* ``<meta name="description">``: on a question page the catalog's description (the
  first sentence of its answer, or its summary where the answer starts with a table or
  the like); on a category its front-matter ``description``; on any other page its first
  paragraph's first sentence; on generated pages (search, index, 404) the home page's.
* On question pages, ``<meta name="keywords">`` from the front-matter keywords and a
  schema.org ``FAQPage`` as JSON-LD: the question's title and the catalog's answer text.
* OpenGraph tags for link previews (title, description, canonical URL, site, locale).
  Written here rather than by sphinxext-opengraph, whose import pulls in matplotlib for
  social cards: a fixed 0.6 s on every build, a third of an incremental one.
* ``robots.txt`` allowing everything and naming the sitemap under ``html_baseurl``.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import faq_catalog as catalog
from docutils import nodes
from sphinx.environment.collectors import EnvironmentCollector


def description_of(doctree: nodes.document, metadata: dict) -> str:
    """The description of a page that is not a question (a question's is in the catalog)."""
    if metadata.get("description"):
        return catalog.first_sentence(str(metadata["description"]))
    paragraph = next(iter(doctree.findall(nodes.paragraph)), None)
    return catalog.first_sentence(" ".join(paragraph.astext().split())) if paragraph is not None else ""


def faq_page(title: str, answer: str) -> dict:
    """schema.org FAQPage with one question and its accepted answer."""
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {"@type": "Question", "name": title, "acceptedAnswer": {"@type": "Answer", "text": answer}},
        ],
    }


def json_ld(data: dict) -> str:
    # "<" escaped so that no text can close the script element; still the same JSON.
    text = json.dumps(data, ensure_ascii=False, indent=1).replace("<", "\\u003c")
    return f'<script type="application/ld+json">\n{text}\n</script>'


def meta_tag(name: str, content: str, attribute: str = "name") -> str:
    return f'<meta {attribute}="{name}" content="{html.escape(content)}">'


def opengraph(title: str, description: str, url: str, site: str) -> list[str]:
    values = {
        "og:title": title,
        "og:type": "website",
        "og:url": url,
        "og:site_name": site,
        "og:description": description,
        "og:locale": "id_ID",
    }
    return [meta_tag(name, value, "property") for name, value in values.items() if value]


class DescriptionCollector(EnvironmentCollector):
    """Keep ``env.faq_descriptions`` (docname -> description) of the pages that are no question, parallel-safe."""

    def clear_doc(self, app, env, docname: str) -> None:
        _descriptions(env).pop(docname, None)

    def merge_other(self, app, env, docnames, other) -> None:
        theirs = _descriptions(other)
        _descriptions(env).update({d: theirs[d] for d in docnames if d in theirs})

    def process_doc(self, app, doctree: nodes.document) -> None:
        docname = app.env.current_document.docname
        if not catalog.is_question(docname):
            _descriptions(app.env)[docname] = description_of(doctree, app.env.metadata[docname])


def _descriptions(env) -> dict[str, str]:
    if not hasattr(env, "faq_descriptions"):
        env.faq_descriptions = {}
    return env.faq_descriptions


def page_description(env, docname: str) -> str:
    """A page's own description: its question's in the catalog, or the one collected above ("" if none)."""
    question = catalog.question(env, docname)
    return question.description if question is not None else _descriptions(env).get(docname, "")


def add_page_metadata(app, pagename: str, templatename: str, context: dict, doctree) -> None:
    if app.builder.name == "epub":  # e-readers ignore these, and a script would make epubcheck ask for a manifest flag
        return
    question = catalog.question(app.env, pagename)
    description = page_description(app.env, pagename) or page_description(app.env, app.config.root_doc)
    tags = [meta_tag("description", description)] if description else []
    title = html.unescape(re.sub(r"<[^>]+>", "", context.get("title", "")))
    tags += opengraph(title, description, context.get("pageurl") or "", app.config.html_title)
    if question is not None:
        if question.keywords:
            tags.append(meta_tag("keywords", ", ".join(question.keywords)))
        tags.append(json_ld(faq_page(question.title, question.answer)))
    context["metatags"] = context.get("metatags", "") + "\n".join(tags) + "\n"


def write_robots_txt(app, exception) -> None:
    if exception is not None or app.builder.format != "html" or app.builder.name == "epub":
        return
    sitemap = app.config.html_baseurl.rstrip("/") + "/sitemap.xml"
    lines = ["User-agent: *", "Allow: /", *([f"Sitemap: {sitemap}"] if app.config.html_baseurl else [])]
    Path(app.outdir, "robots.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def setup(app):
    app.setup_extension("faq_catalog")
    app.add_env_collector(DescriptionCollector)
    app.connect("html-page-context", add_page_metadata)
    app.connect("build-finished", write_robots_txt)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 2}
