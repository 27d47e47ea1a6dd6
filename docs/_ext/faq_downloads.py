"""The home page's download links ("Unduh"): the PDF, ePub and zipped HTML that Read the Docs serves.

``faq_downloads`` (conf.py) is the URL prefix of the version's downloads on Read the Docs
(``/_/downloads/<language>/<version>/``), set from its environment variables. Without it (a
build elsewhere) the ``{unduhan}`` directive says where the files are instead of printing
links that would lead nowhere.

``faq_downloads_print`` (conf.py, from the ``FAQ_BUKU_SAKU`` environment variable) names the
folder that ``make buku-saku`` fills: when set, the list also offers each pocket edition and its
print-ready booklet, copied into the site (``_downloads/``) like any ``{download}`` file. An
empty folder is an error, so a site never links to files it lacks.
"""

from __future__ import annotations

import os
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)

# (format path on Read the Docs, link text, what it is for)
FORMATS = [
    ("pdf/", "PDF", "buku lengkap untuk dicetak (A4)"),
    ("epub/", "ePub", "untuk aplikasi pembaca buku elektronik"),
    ("htmlzip/", "HTML (zip)", "seluruh situs untuk dibaca tanpa internet"),
]
INTRO = "Untuk dicetak atau dibaca tanpa internet:"
OFFLINE = "Berkas PDF, ePub, dan HTML (zip) buku ini tersedia untuk diunduh di situs daringnya."
PRINT_INTRO = (
    "Buku saku (A5) dan buklet siap cetak (A4, bolak-balik, balik pada sisi pendek, lalu dilipat dan dijepret):"
)
HANDBOOK_STEM = "tanya-jawab-pnpm-mandiri-perkotaan"


class Downloads(SphinxDirective):
    """A list of download links, or one sentence when the build has no downloads."""

    def run(self) -> list[nodes.Node]:
        prefix = self.config.faq_downloads
        result = [nodes.paragraph(text=OFFLINE)]
        if prefix:
            items = nodes.bullet_list(classes=["faq-downloads"])
            for path, label, purpose in FORMATS:
                link = nodes.reference(label, label, refuri=prefix + path)
                items += nodes.list_item("", nodes.paragraph("", "", link, nodes.Text(f": {purpose}")))
            result = [nodes.paragraph(text=INTRO), items]
        if self.config.faq_downloads_print:
            result += self.print_downloads(Path(self.config.faq_downloads_print).resolve())
        return result

    def print_downloads(self, folder: Path) -> list[nodes.Node]:
        """One item per pocket edition (the handbook's first): its A5 PDF and its booklet."""
        pockets = sorted(folder.glob("*-saku.pdf"), key=lambda pdf: (not pdf.name.startswith(HANDBOOK_STEM), pdf.name))
        if not pockets:
            logger.warning(
                "faq_downloads_print: tidak ada buku saku (*-saku.pdf) di %s; jalankan dahulu 'make buku-saku'",
                folder,
                location=self.get_location(),
            )
            return []
        here = Path(self.env.doc2path(self.env.docname)).parent
        items = nodes.bullet_list(classes=["faq-downloads"])
        for pocket in pockets:
            stem = pocket.stem.removesuffix("-saku")
            name = "Seluruh buku" if stem == HANDBOOK_STEM else f"Kategori {stem.removeprefix('tanya-jawab-')}"
            paragraph = nodes.paragraph("", f"{name}: ")
            for pdf, label in ((pocket, "buku saku"), (pocket.with_name(f"{pocket.stem}-cetak.pdf"), "buklet cetak")):
                if pdf.is_file():
                    if label != "buku saku":
                        paragraph += nodes.Text(", ")
                    target = os.path.relpath(pdf, here)
                    paragraph += addnodes.download_reference(
                        "", "", nodes.Text(label), reftarget=target, refdoc=self.env.docname, refexplicit=True
                    )
            items += nodes.list_item("", paragraph)
        return [nodes.paragraph(text=PRINT_INTRO), items]


def forget_print_dependencies(app, doctree) -> None:
    """The pocket PDFs are build outputs a maintainer chose, not page content: keep them out of the
    page's dependencies (faq_schema allows a page to read files under docs/ only). Every HTML
    build copies them afresh anyway."""
    folder = app.config.faq_downloads_print
    dependencies = app.env.dependencies.get(app.env.docname)
    if not folder or not dependencies:
        return
    folder = Path(folder).resolve()
    for dependency in list(dependencies):
        if (app.env.srcdir / dependency).resolve().is_relative_to(folder):
            dependencies.discard(dependency)


def setup(app):
    app.add_config_value("faq_downloads", "", "env", types=[str])
    app.add_config_value("faq_downloads_print", "", "env", types=[str])
    app.add_directive("unduhan", Downloads)
    app.connect("doctree-read", forget_print_dependencies, priority=900)  # after Sphinx's download collector
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
