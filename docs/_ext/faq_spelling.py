"""Spelling support for Indonesian (`make spelling`), loaded by sphinxcontrib-spelling only.

Debian's hunspell-id lists root words and common derivations, but not every word with
a clitic (``-nya``, ``-lah``, ``-kah``, ``-pun``, ``-ku``, ``-mu``) or the prefix
``ter-``: ``prosedurnya``, ``tumbuhnya``, ``terintegrasi`` would be reported although
they are standard. This filter accepts such a word when what is left after removing
the affixes is itself in the dictionary, so a misspelt root (``katagorinya``) still fails.
"""

from __future__ import annotations

import functools

import enchant
from enchant.tokenize import Filter

LANGUAGE = "id_ID"
SUFFIXES = ("nya", "lah", "kah", "pun", "ku", "mu")
PREFIXES = ("ter",)


@functools.cache
def dictionary() -> enchant.Dict:
    return enchant.Dict(LANGUAGE)


def roots(word: str) -> set[str]:
    """The word without a clitic suffix and/or a prefix (only forms at least 3 letters long)."""
    lower = word.casefold()
    forms = {lower} | {lower[: -len(s)] for s in SUFFIXES if lower.endswith(s)}
    forms |= {form[len(p) :] for form in forms for p in PREFIXES if form.startswith(p)}
    return {form for form in forms if len(form) >= 3 and form != lower}


class AffixFilter(Filter):
    """Skip words that are a dictionary word plus Indonesian affixes."""

    def _skip(self, word: str) -> bool:
        return any(dictionary().check(root) for root in roots(word))
