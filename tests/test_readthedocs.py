"""The build as Read the Docs runs it, replayed on a clean copy of the sources.

Read the Docs sets its environment variables, runs Sphinx from the configuration's folder with
``-T -W --keep-going`` (``fail_on_warning``) into ``$READTHEDOCS_OUTPUT/<format>``, then runs
``latexmk`` over every ``.tex`` file of the LaTeX output under one job name, and publishes exactly
one PDF per version. The checks are what a reader of that version meets: one PDF, download links
under ``/_/downloads/``, canonical URLs and a 404 page whose links carry the version's prefix.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from support import copy_docs, require

SLUG = "tanya-jawab-pnpm-mandiri-perkotaan"
CANONICAL = f"https://{SLUG}.readthedocs.io/id/latest/"
pytestmark = pytest.mark.slow  # LaTeX and builds in a subprocess


@pytest.fixture(scope="module")
def rtd(tmp_path_factory) -> Path:
    """$READTHEDOCS_OUTPUT after the html and latex steps and latexmk, as on Read the Docs."""
    require("latexmk", "latexmk")
    work = tmp_path_factory.mktemp("rtd")
    docs = copy_docs(work / "checkout" / "docs")
    output = work / "output"
    env = {
        **os.environ,
        "READTHEDOCS": "True",
        "READTHEDOCS_PROJECT": SLUG,
        "READTHEDOCS_VERSION": "latest",
        "READTHEDOCS_VERSION_TYPE": "branch",
        "READTHEDOCS_LANGUAGE": "id",
        "READTHEDOCS_OUTPUT": str(output),
        "READTHEDOCS_CANONICAL_URL": CANONICAL,
    }
    for builder, folder in (("html", "html"), ("latex", "pdf")):
        command = [sys.executable, "-m", "sphinx", "-T", "-W", "--keep-going", "-b", builder]
        command += ["-d", "_build/doctrees", "-D", "language=id", ".", str(output / folder)]
        result = subprocess.run(command, cwd=docs, env=env, capture_output=True, text=True, check=False)
        assert result.returncode == 0, f"{builder} step failed:\n{result.stdout}\n{result.stderr}"
    latexmk = ["latexmk", "-r", "latexmkrc", "-pdf", "-f", "-dvi-", "-ps-", f"-jobname={SLUG}"]
    latexmk.append("-interaction=nonstopmode")
    result = subprocess.run(latexmk, cwd=output / "pdf", env=env, capture_output=True, text=True, check=False)
    assert (output / "pdf" / f"{SLUG}.pdf").is_file(), f"latexmk made no PDF:\n{result.stdout[-3000:]}"
    return output


def page(rtd: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((rtd / "html" / name).read_text(encoding="utf-8"), "html.parser")


def test_one_latex_document_and_one_pdf(rtd):
    """latexmk runs over every .tex file under one job name: a second document would clash."""
    assert [p.name for p in (rtd / "pdf").glob("*.tex")] == [f"{SLUG}.tex"]
    assert [p.name for p in (rtd / "pdf").glob("*.pdf")] == [f"{SLUG}.pdf"]


def test_download_links_point_at_the_versions_files(rtd):
    links = {a["href"] for a in page(rtd, "index.html").select(".faq-downloads a")}
    assert links == {f"/_/downloads/id/latest/{fmt}/" for fmt in ("pdf", "epub", "htmlzip")}


@pytest.mark.parametrize("name", ["index.html", "faq/sosialisasi/apa-itu-sosialisasi.html", "tentang.html"])
def test_canonical_urls_are_the_versions(rtd, name):
    canonical = page(rtd, name).select_one("link[rel=canonical]")["href"]
    assert canonical == CANONICAL + name
    sitemap = (rtd / "html" / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{CANONICAL}{name}</loc>" in sitemap


def test_404_links_carry_the_version_prefix(rtd):
    soup = page(rtd, "404.html")
    hrefs = [a["href"] for a in soup.select("a[href]") if not a["href"].startswith(("#", "http", "mailto:"))]
    assert hrefs, "the 404 page has no internal links"
    assert all(href.startswith("/id/latest/") for href in hrefs), hrefs
    assert all(s["src"].startswith("/id/latest/") for s in soup.select("script[src]"))
