"""Regenerate docs/_ext/search_id_roots.txt, the search stemmer's root dictionary.

The roots are the plain lowercase entries of the hunspell-id dictionary (Debian package
hunspell-id; its word list is licensed MPL-2.0 / LGPL-3), whose entries are root words
with affix flags. Roots of one syllable are left out: the stemmer never strips an affix
that would leave less than two syllables, so it never asks about them.

Usage: python scripts/search_roots.py [path/to/id_ID.dic]
"""

import re
import sys
from pathlib import Path

DIC = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/hunspell/id_ID.dic")
OUT = Path(__file__).resolve().parent.parent / "docs" / "_ext" / "search_id_roots.txt"

lines = DIC.read_text(encoding="utf-8", errors="replace").splitlines()[1:]
words = sorted(
    {
        w
        for w in (line.split("/", 1)[0].strip() for line in lines)
        if re.fullmatch(r"[a-z]+", w) and len(re.findall("[aeiou]", w)) >= 2
    }
)
header = "# Root words for the Indonesian search stemmer, from hunspell-id (MPL-2.0 / LGPL-3).\n"
OUT.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
print(f"{len(words)} roots -> {OUT}")
