"""The home page's download links ("Unduh"): the PDF, ePub and zipped HTML that Read the Docs serves.

``faq_downloads`` (conf.py) is the URL prefix of the version's downloads on Read the Docs
(``/_/downloads/<language>/<version>/``), set from its environment variables. Without it (a
build elsewhere) the ``{unduhan}`` directive says where the files are instead of printing
links that would lead nowhere.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

# (format path on Read the Docs, link text, what it is for)
FORMATS = [
    ("pdf/", "PDF", "buku lengkap untuk dicetak (A4)"),
    ("epub/", "ePub", "untuk aplikasi pembaca buku elektronik"),
    ("htmlzip/", "HTML (zip)", "seluruh situs untuk dibaca tanpa internet"),
]
INTRO = "Untuk dicetak atau dibaca tanpa internet:"
OFFLINE = "Berkas PDF, ePub, dan HTML (zip) buku ini tersedia untuk diunduh di situs daringnya."


class Downloads(SphinxDirective):
    """A list of download links, or one sentence when the build has no downloads."""

    def run(self) -> list[nodes.Node]:
        prefix = self.config.faq_downloads
        if not prefix:
            return [nodes.paragraph(text=OFFLINE)]
        items = nodes.bullet_list(classes=["faq-downloads"])
        for path, label, purpose in FORMATS:
            link = nodes.reference(label, label, refuri=prefix + path)
            items += nodes.list_item("", nodes.paragraph("", "", link, nodes.Text(f": {purpose}")))
        return [nodes.paragraph(text=INTRO), items]


def setup(app):
    app.add_config_value("faq_downloads", "", "env", types=[str])
    app.add_directive("unduhan", Downloads)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
