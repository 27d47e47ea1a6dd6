"""The search's per-query work (docs/_ext/search_rank.js) does not grow with the index: what does
not depend on the query is computed once, when the index arrives, and no word is stemmed twice.
Run in Node over the handbook's built search page scripts and index."""

from __future__ import annotations

import json
import subprocess

from support import require
from test_search_rank import SEARCHTOOLS

QUERY = "pelaku sosialisasi masyarakat"


def test_a_query_stems_only_its_own_new_words(html_dir):
    node = require("node", "nodejs")
    script = "\n".join(
        [
            "const _ready = () => {};",
            "const window = globalThis;",
            SEARCHTOOLS.read_text(encoding="utf-8"),
            (html_dir / "_static" / "language_data.js").read_text(encoding="utf-8"),
            # Count the stemmer's runs from here on: the index's load, then the queries.
            "let runs = 0;",
            "const stemWord = ID_STEMMER.stemWord;",
            "ID_STEMMER.stemWord = (word) => { runs += 1; return stemWord(word); };",
            (html_dir / "searchindex.js").read_text(encoding="utf-8"),
            "const prepared = Search._index._idRank !== undefined;",
            "const load = runs;",
            f"const first = idRank(Search._index, {json.dumps(QUERY)});",
            "const query = runs - load;",
            f"const again = idRank(Search._index, {json.dumps(QUERY)});",
            "const pages = (r) => r.ranked.map((p) => [p.file, p.score]);",
            "process.stdout.write(JSON.stringify({ prepared, load, query, repeat: runs - load - query,",
            "  pages: pages(first).length, same: JSON.stringify(pages(first)) === JSON.stringify(pages(again)) }));",
        ]
    )
    result = subprocess.run([node, "-"], input=script, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    runs = json.loads(result.stdout)
    # The index's own words (titles, keywords, synonyms) are stemmed as it loads ...
    assert runs["prepared"] and runs["load"] > 50
    # ... so a query stems at most its own words, once, and a repeated query none.
    assert runs["pages"] > 0 and runs["same"]
    assert runs["query"] <= len(QUERY.split())
    assert runs["repeat"] == 0
