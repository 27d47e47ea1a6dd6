"""Stem each word once per build instead of once per page.

Sphinx memoises the search stemmer per page only. The handbook's pages share one
vocabulary, so at 1,000 questions the pure-Python Snowball stemmer ran 130,000 times
and took a fifth of the build (profile in bench/README.md). This wraps the search
language's ``stem`` in a cache for the whole build. The search index does not change:
a stemmer is a pure function of its word.
"""

from __future__ import annotations

import functools


def _cache_stems(app, pagename, templatename, context, doctree) -> None:
    """On the first page written, the indexer exists (only that page was stemmed uncached)."""
    indexer = getattr(app.builder, "indexer", None)
    if indexer is None or hasattr(indexer.lang.stem, "cache_info"):
        return
    indexer.lang.stem = functools.lru_cache(maxsize=None)(indexer.lang.stem)


def setup(app):
    app.connect("html-page-context", _cache_stems)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
