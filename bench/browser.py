"""Measures in headless Chromium: search load and query times, first-visit page weight."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from common import serve

# Sphinx search, timed in the page: parse the query and rank the results (Search._parseQuery +
# Search._performSearch, what Search.query does before it renders). Rendering is excluded: it
# fetches each hit's page for its excerpt, a network cost that is not the search engine's.
SPHINX_QUERIES = """async (queries) => {
  const times = [];
  for (const q of queries) {
    const t = performance.now();
    const parsed = Search._parseQuery(q);
    Search._performSearch(...parsed);
    times.push(performance.now() - t);
  }
  return times;
}"""
PAGEFIND_QUERIES = """async (queries) => {
  const t0 = performance.now();
  const pagefind = await import("./pagefind/pagefind.js");
  await pagefind.init();
  const load = performance.now() - t0;
  const times = [];
  for (const q of queries) {
    const t = performance.now();
    await pagefind.search(q);
    times.push(performance.now() - t);
  }
  return {load, times};
}"""


def percentiles(times: list[float]) -> dict:
    ordered = sorted(times)
    return {"p50": statistics.median(ordered), "p95": ordered[max(0, round(0.95 * len(ordered)) - 1)]}


def first_visit(browser, url: str, ready: str | None = None) -> tuple[int, float]:
    """Bytes of every response a first visit (empty cache) fetches, and ms until `ready` holds."""
    context = browser.new_context()
    page = context.new_page()
    fetched = []
    page.on("requestfinished", lambda request: fetched.append(request))
    start = time.perf_counter()
    page.goto(url, wait_until="load")
    if ready:
        page.wait_for_function(ready)
    elapsed = (time.perf_counter() - start) * 1000
    page.wait_for_load_state("networkidle")
    total = sum(request.sizes()["responseBodySize"] for request in fetched)
    context.close()
    return total, elapsed


def browse(browser, html: Path, question: str, queries: list[str], with_pagefind: bool) -> dict:
    with serve(html) as url:
        search_bytes, load_ms = first_visit(browser, f"{url}/search.html", "() => Search._index !== null")
        page_bytes, _ = first_visit(browser, f"{url}/{question}")
        context = browser.new_context()
        page = context.new_page()
        page.goto(f"{url}/search.html")
        page.wait_for_function("() => Search._index !== null")
        result = {
            "search_load_ms": load_ms,
            "search_page_bytes": search_bytes,
            "page_bytes": page_bytes,
            "query": percentiles(page.evaluate(SPHINX_QUERIES, queries)),
        }
        if with_pagefind:
            page.goto(f"{url}/index.html")
            found = page.evaluate(PAGEFIND_QUERIES, queries)
            result["pagefind"] = {"load_ms": found["load"]} | percentiles(found["times"])
        context.close()
        return result
