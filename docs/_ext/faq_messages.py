"""Every build message a contributor can meet, in Indonesian, with its file and line.

The project's own checks (faq_schema) already speak Indonesian. Sphinx's, MyST's and
docutils' messages do not:

* Sphinx marks some of its warnings for translation (``__()``), but looks them up in
  its "console" catalog, chosen by the system locale rather than by ``language``. This
  extension puts the project's catalog (``locales/id/LC_MESSAGES/sphinx.po``) in front
  of it, so those messages come out in Indonesian on any machine: see ``TRANSLATED``.
* The others (MyST's, docutils', Sphinx's unmarked ones) keep their English text, which
  is what one searches the web for, and a logging filter appends an Indonesian
  explanation and what to do: see ``HINTS``.

Every Indonesian message has the form ``<what is wrong> — <what to do>``, so that the
pull-request summary (scripts/ringkasan_pr.py) can show the two apart. A warning about
a whole page, which Sphinx gives without a line, is placed on the page's line 1.
"""

from __future__ import annotations

import gettext
import logging
import re
from pathlib import Path

from sphinx.locale import get_translator, translators
from sphinx.util.logging import NAMESPACE, WarningStreamHandler

SEPARATOR = " — "

# Sphinx's translatable warnings that a contributor can cause; their Indonesian text is in sphinx.po.
TRANSLATED = [
    "undefined label: %r",
    "Failed to create a cross reference. A title or caption not found: %r",
    "duplicate label %s, other instance in %s",
    "image file not readable: %s",
    "download file not readable: %s",
    "document isn't included in any toctree",
    "toctree contains reference to nonexisting document %r",
    "toctree glob pattern %r didn't match any documents",
]

# (English message, as a pattern; what it means; what to do), for the messages nobody translates.
HINTS: list[tuple[re.Pattern[str], str, str]] = [
    (re.compile(p), meaning, action)
    for p, meaning, action in [
        (
            r"cross-reference target not found",
            "tautan ini menuju halaman atau bagian yang tidak ada",
            "Periksa nama berkasnya (misalnya apa-itu-kbk.md, dari folder halaman ini) atau nama bagian setelah '#'.",
        ),
        (
            r"^undefined label",
            "label yang dirujuk tidak ada",
            "Periksa ejaannya, atau pasang labelnya dengan baris (nama-label)= tepat di atas judul yang dirujuk.",
        ),
        (
            r"^unknown document",
            "rujukan {doc} menuju berkas yang tidak ada",
            "Periksa nama berkasnya (tanpa .md), dari folder halaman ini.",
        ),
        (
            r"^term not in glossary",
            "istilah ini tidak ada di Daftar Istilah",
            "Tambahkan istilahnya ke docs/istilah.yml, atau tulis sebagai teks biasa (istilah ditautkan otomatis).",
        ),
        (
            r"^Unknown directive type",
            "nama direktif dalam {…} tidak dikenal",
            "Periksa ejaannya, misalnya {note} untuk catatan, {warning} untuk peringatan, {image} untuk gambar.",
        ),
        (
            r"^Unknown interpreted text role",
            "nama peran dalam {…} tidak dikenal",
            "Periksa ejaannya, misalnya {ref}`label` atau {doc}`nama-berkas`; untuk teks biasa, hapus {…}.",
        ),
        (
            r"Unknown option key",
            "opsi direktif ini tidak dikenal (salah ketik?)",
            "Periksa ejaannya: pakai salah satu opsi dalam daftar 'allowed' di pesan ini.",
        ),
        (
            r"^Malformed YAML",
            "front matter (bagian di antara dua baris '---') bukan YAML yang sah",
            "Periksa titik dua, kurung siku [ ] dan tanda kutip; pesan [faq.schema] berkas ini menyebut barisnya.",
        ),
        (
            r"^Non-consecutive header level increase",
            "tingkat judul melompat, misalnya dari # langsung ke ###",
            "Pakai tingkat berikutnya: ## di bawah #, ### di bawah ##.",
        ),
        (
            r"^Duplicate explicit target name",
            "nama label ini dipakai dua kali di halaman yang sama",
            "Ganti salah satu label (baris (nama-label)=) dengan nama lain.",
        ),
        (
            r"^Unknown target name",
            "rujukan ini (misalnya catatan kaki [^1]) menuju sasaran yang tidak ditulis",
            "Tambahkan definisinya, misalnya baris '[^1]: Isi catatan kaki.', atau hapus rujukannya.",
        ),
        (
            r"^Duplicate footnote definition",
            "catatan kaki dengan nama ini ditulis dua kali",
            "Hapus salah satunya atau beri nama lain, misalnya [^2].",
        ),
        (
            r"^Footnote \[.*\] is not referenced",
            "catatan kaki ini tidak dirujuk dari teks",
            "Tambahkan rujukannya (misalnya [^1] di kalimatnya) atau hapus catatan kakinya.",
        ),
        (
            r"^Directive \"include\": file not found|^Problems with \"include\" directive",
            "berkas yang disertakan dengan {include} tidak ada",
            "Periksa nama dan letak berkasnya (harus di dalam docs/).",
        ),
    ]
]


def hint(message: str) -> str | None:
    """The Indonesian explanation of an English message, as appended to it; None if there is none."""
    for pattern, meaning, action in HINTS:
        if pattern.search(message):
            return f"{SEPARATOR}Artinya: {meaning}{SEPARATOR}{action}"
    return None


class IndonesianHints(logging.Filter):
    """Appends the Indonesian explanation to known English warnings; gives page-wide warnings a line."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "faq_hint", False):
            return True  # already seen (a warning can pass through the handler again after a parallel read)
        record.faq_hint = True
        message = str(record.msg)
        extra = hint(message)
        if extra is not None:
            record.msg = message + (extra.replace("%", "%%") if record.args else extra)
        location = getattr(record, "location", None)
        if isinstance(location, str) and ":" not in location:
            record.location = (location, 1)  # a docname: the page as a whole
        return True


def load_catalog(app) -> None:
    """Put the project's catalog in front of Sphinx's console catalog, for the messages in TRANSLATED."""
    try:
        ours = gettext.translation("sphinx", localedir=str(Path(app.srcdir, "locales")), languages=["id"])
    except OSError:
        return  # a project without the catalog (a test project): messages stay as Sphinx writes them
    ours.add_fallback(get_translator("sphinx", "console"))
    translators["console", "sphinx"] = ours


def install(app) -> None:
    load_catalog(app)
    for handler in logging.getLogger(NAMESPACE).handlers:
        if isinstance(handler, WarningStreamHandler) and not any(
            isinstance(f, IndonesianHints) for f in handler.filters
        ):
            # First, before Sphinx adds the location and the "[type]" tag (and before -W without
            # --keep-going raises), so that the explanation reads right after the English message.
            handler.filters.insert(0, IndonesianHints())


def setup(app):
    install(app)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
