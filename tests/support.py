"""Shared helpers for the test suite: paths, strict builds, tool checks, text normalisation."""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SOURCE = ROOT / "tests" / "data" / "faq-sumber.txt"
EDITORIAL_NOTES = ROOT / "EDITORIAL_NOTES.md"
STRICT = ["-n", "-W", "--keep-going"]
# Tests import the project's extensions directly.
sys.path.insert(0, str(DOCS / "_ext"))
sys.path.insert(0, str(ROOT / "scripts"))
import koreksi  # noqa: E402  (needs the path above)

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def require(tool: str, package: str) -> str:
    """Return the path of `tool`; skip the test if it is missing, but fail in CI."""
    path = shutil.which(tool) or (tool if Path(tool).is_file() else None)
    if path:
        return path
    message = f"{tool} not found: install the Debian package '{package}'"
    if IN_CI:
        pytest.fail(message + " (CI must install every tool)")
    pytest.skip(message)


def sphinx_build(
    srcdir: Path, outdir: Path, builder: str = "html", *extra: str, env: dict | None = None
) -> subprocess.CompletedProcess:
    """Run a strict sphinx-build and return the finished process (output in .stdout)."""
    # --no-color: messages are matched as plain text, whatever the terminal.
    command = [sys.executable, "-m", "sphinx", "--no-color", "-b", builder, *STRICT, *extra, str(srcdir), str(outdir)]
    return subprocess.run(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )


def write(root: Path, name: str, text: str) -> Path:
    """Write a (dedented) file of a small test project, making its folders."""
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


# -- Browser and web server ------------------------------------------------------

# Debian's Chromium (Playwright cannot download its own browser here). Without the
# background-networking flags it keeps trying to reach the internet, which is closed.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        """Keep the output free of one line per request."""


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        """A browser that leaves a page while a file is still sent (a test's next page) is no
        error; anything else is printed as usual."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(directory: Path, handler: type[http.server.BaseHTTPRequestHandler] = QuietHandler) -> Iterator[str]:
    """Serve `directory` on a free loopback port; yields the base URL (no trailing slash)."""
    server = QuietServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


# The baseline that benchmarks and the search evaluation compare against: stock Sphinx with
# the handbook's theme and parsers, none of its own extensions.
STOCK_CONF = """\
project = "Tanya Jawab PNPM Mandiri Perkotaan"
extensions = ["myst_parser", "sphinx_design"]
language = "id"
html_theme = "furo"
myst_enable_extensions = ["colon_fence", "deflist"]
"""


def copy_docs(target: Path) -> Path:
    """Copy the handbook's sources to `target` (for builds that modify them)."""
    return Path(shutil.copytree(DOCS, target, ignore=shutil.ignore_patterns("_build", "__pycache__")))


# -- Source fidelity -----------------------------------------------------------

# Pseudo-structure of the export that became real lists and headings: "1.)", "1.", "A.", "a.".
_MARKER = re.compile(r"^\s*(?:\d+\.\)|\d+\.|[A-Za-z]\.)\s*", re.MULTILINE)


def corrections() -> list[tuple[str, str]]:
    """The (old, new) pairs of the approved corrections table (koreksi.yml), in order."""
    rows = [(entry["sebelum"], entry["sesudah"]) for entry in koreksi.load()]
    assert rows, "no corrections found in koreksi.yml"
    return rows


def corrected_source() -> str:
    """The source text with every recorded correction applied."""
    text = SOURCE.read_text(encoding="utf-8")
    for old, new in corrections():
        assert old in text, f"koreksi.yml: '{old}' does not occur in the source"
        text = text.replace(old, new)
    return text


def source_answers() -> dict[str, str]:
    """Question title -> answer text (structure markers removed), from the corrected source."""
    text = corrected_source()
    body = text.split("Kata kunci Kategori\n", 1)[1].split("\nPNPM Mandiri Perkotaan:\n", 1)[0]
    parts = re.split(r"^(\S[^\n]*\?)\s*$", body, flags=re.M)
    return {
        title.strip(): _MARKER.sub("", answer).strip() for title, answer in zip(parts[1::2], parts[2::2], strict=True)
    }


def sentences(text: str) -> list[str]:
    """Split text into sentences (and colon-separated clauses), one per item."""
    flat = " ".join(text.split())
    return [s for s in re.split(r"(?<=[.!?:])\s+", flat) if s]


def squash(text: str) -> str:
    """Letters and digits only, case-folded: compares texts across HTML, PDF line breaks and hyphenation."""
    return re.sub(r"[\W_]+", "", text.casefold())


def spaced(text: str) -> str:
    """Whitespace runs as one space, nothing else changed: compares case, punctuation and hyphens exactly."""
    return " ".join(text.split())


# Between two characters of a word, PDF text may break the line (LaTeX adding a hyphen) or the page.
_BREAK = r"(?:-?[ \t]*[\n\f]\s*)?"


def across_lines(text: str) -> re.Pattern:
    """`text` as pdftotext may show it: any whitespace where it has a space, a line break (hyphenated or
    not) between any two characters; otherwise as written (case, punctuation)."""
    words = [_BREAK.join(map(re.escape, word)) for word in text.split()]
    return re.compile(r"\s+".join(words))


def search_index_of(path: Path) -> dict:
    """The data of a built searchindex.js (Search.setIndex({...}))."""
    text = path.read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1 : text.rindex(")")])
