"""The project's own scripts and stylesheets, minified in the HTML output.

Our sources stay readable, with their comments; the reader downloads them without comments
and indentation. After a build (``build-finished``) this minifies, in ``_static/``:

* ``language_data.js``: the search's stemmer and ranking (``search_id.js``, ``search_rank.js``),
  once ``search_id`` has filled in its roots;
* the ``.js`` and ``.css`` files of the project's own static folders (``html_static_path``:
  ``faq-offline.js``, ``faq-lists.css`` and the like).

Theme and Sphinx files are left as their packages ship them. rJSmin and rCSSmin only remove
comments and white space (no renaming, no rewriting), so the code runs as written. It runs
before ``faq_offline`` lists the files with their hashes. Pages load our files with Sphinx's
``?v=`` checksum of the source, which still changes whenever a source does.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin
from sphinx.util import logging

logger = logging.getLogger(__name__)

MINIFY = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}
# Written by Sphinx from its template and our search code (search_id.py).
SEARCH_SCRIPT = "language_data.js"


def own_files(app) -> list[Path]:
    """The output files to minify: the search script and our static folders' scripts and styles."""
    static = Path(app.outdir) / "_static"
    names = {SEARCH_SCRIPT}
    for folder in app.config.html_static_path:
        source = Path(app.confdir, folder)
        if source.is_dir():
            names |= {p.relative_to(source).as_posix() for p in source.rglob("*") if p.suffix in MINIFY}
    return [static / name for name in sorted(names) if (static / name).is_file()]


def minify(path: Path) -> int:
    """Minify one file in place (unchanged if already minified); the bytes saved."""
    text = path.read_text(encoding="utf-8")
    small = MINIFY[path.suffix](text).strip() + "\n"
    if small != text:
        path.write_text(small, encoding="utf-8")
    return len(text.encode()) - len(small.encode())


def _minify_output(app, exception) -> None:
    if exception or app.builder.format != "html" or not app.config.faq_minify:
        return
    files = own_files(app)
    saved = sum(minify(path) for path in files)
    logger.info(f"minify: {len(files)} files, {saved / 1024:.1f} KB less")


def setup(app):
    # Off to read the shipped files as written (``-D faq_minify=0``).
    app.add_config_value("faq_minify", True, "html", types=[bool])
    # After search_id fills in its roots (400), before faq_offline hashes the files (900).
    app.connect("build-finished", _minify_output, priority=450)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
