"""Every extension of ours declares itself safe for parallel reading and writing, so that `sphinx-build -j N`
really runs in parallel (Sphinx falls back to one process, with a warning, for any extension that does not)."""

from __future__ import annotations

import pytest
from support import DOCS, write

# The modules Sphinx loads as extensions (faq_spelling is a word filter the spelling builder imports).
OURS = sorted(path.stem for path in (DOCS / "_ext").glob("*.py") if "\ndef setup(" in path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("extension", OURS)
def test_extension_allows_parallel_builds(make_app, tmp_path, extension):
    write(tmp_path, "conf.py", f'extensions = ["myst_parser", "{extension}"]\nlanguage = "id"\n')
    write(tmp_path, "index.md", "# Beranda\n")
    app = make_app("html", srcdir=tmp_path, parallel=2)
    assert app.is_parallel_allowed("read") and app.is_parallel_allowed("write")
    assert app.warning.getvalue() == ""
