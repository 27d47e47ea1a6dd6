"""Fixtures: one strict build of each output per session, a local web server, Chromium."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest
from support import DOCS, require, sphinx_build

pytest_plugins = ["sphinx.testing.fixtures"]

CHROMIUM = "/usr/bin/chromium"


def _built(tmp_path_factory, builder: str, *extra: str) -> Path:
    out = tmp_path_factory.mktemp(builder)
    result = sphinx_build(DOCS, out, builder, "-d", str(out / ".doctrees"), *extra)
    assert result.returncode == 0, f"strict {builder} build failed:\n{result.stdout}"
    return out


@pytest.fixture(scope="session")
def html_dir(tmp_path_factory) -> Path:
    """The website, built once with the strict options."""
    return _built(tmp_path_factory, "html")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        """Keep test output free of one line per request."""


@pytest.fixture(scope="session")
def site_url(html_dir):
    """The built website served on a free loopback port."""
    handler = functools.partial(QuietHandler, directory=str(html_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


# -- Chromium through pytest-playwright -------------------------------------------


@pytest.fixture(scope="session")
def browser_type_launch_args():
    """Launch Debian's Chromium: Playwright cannot download its own browser here."""
    require(CHROMIUM, "chromium")
    return {
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def base_url(site_url):
    """Relative `page.goto()` URLs resolve against the local site."""
    return site_url
