"""Fixtures: one strict build of the website per session, served on loopback, and Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import CHROMIUM, CHROMIUM_ARGS, DOCS, require, serve, sphinx_build

pytest_plugins = ["sphinx.testing.fixtures"]


@pytest.fixture(scope="session")
def html_dir(tmp_path_factory) -> Path:
    """The website, built once with the strict options."""
    out = tmp_path_factory.mktemp("html")
    result = sphinx_build(DOCS, out, "html", "-d", str(out / ".doctrees"))
    assert result.returncode == 0, f"strict html build failed:\n{result.stdout}"
    return out


@pytest.fixture(scope="session")
def site_url(html_dir):
    """The built website served on a free loopback port."""
    with serve(html_dir) as url:
        yield url


# -- Chromium through pytest-playwright -------------------------------------------


@pytest.fixture(scope="session")
def browser_type_launch_args():
    """Launch Debian's Chromium: Playwright cannot download its own browser here."""
    require(CHROMIUM, "chromium")
    return {"executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def base_url(site_url):
    """Relative `page.goto()` URLs resolve against the local site."""
    return site_url


def pytest_collection_modifyitems(items) -> None:
    """Tests that drive Chromium or read the handbook built in a subprocess are "slow": `make mutation`
    runs only the others (it cannot see which of our functions a subprocess calls)."""
    for item in items:
        if {"page", "browser", "browser_type", "html_dir", "site_url"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
