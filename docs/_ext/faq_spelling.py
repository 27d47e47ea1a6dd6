"""Spelling support for Indonesian (`make spelling`).

Debian's hunspell-id lists root words and common derivations, but not every word with
a clitic (``-nya``, ``-lah``, ``-kah``, ``-pun``, ``-ku``, ``-mu``) or the prefix
``ter-``: ``prosedurnya``, ``tumbuhnya``, ``terintegrasi`` would be reported although
they are standard. ``AffixFilter`` (loaded by sphinxcontrib-spelling, see
``spelling_filters``) accepts such a word when what is left after removing the affixes
is itself in the dictionary, so a misspelt root (``katagorinya``) still fails.

As an extension, the module checks the word list contributors extend
(``spelling_wordlist.txt``) when the spelling builder starts: pyenchant skips a line that
is not UTF-8 and never matches a line holding two words or punctuation, so such a line
would otherwise surface as a misspelling on some page, far from its cause.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import faq_schema as schema

LANGUAGE = "id_ID"
SUFFIXES = ("nya", "lah", "kah", "pun", "ku", "mu")
PREFIXES = ("ter",)
# One word as the spell checker's tokenizer yields it: letters and digits, an apostrophe inside.
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@functools.cache
def dictionary():
    import enchant  # needed by the spelling build only, as is the filter below

    return enchant.Dict(LANGUAGE)


def roots(word: str) -> set[str]:
    """The word without a clitic suffix and/or a prefix (only forms at least 3 letters long)."""
    lower = word.casefold()
    forms = {lower} | {lower[: -len(s)] for s in SUFFIXES if lower.endswith(s)}
    forms |= {form[len(p) :] for form in forms for p in PREFIXES if form.startswith(p)}
    return {form for form in forms if len(form) >= 3 and form != lower}


@functools.cache
def affix_filter() -> type:
    from enchant.tokenize import Filter

    class AffixFilter(Filter):
        """Skip words that are a dictionary word plus Indonesian affixes."""

        def _skip(self, word: str) -> bool:
            return any(dictionary().check(root) for root in roots(word))

    return AffixFilter


def __getattr__(name: str):
    # The filter subclasses pyenchant's class: built when the spelling builder asks for it, so
    # that the other builds (and Read the Docs) load this module without pyenchant.
    if name == "AffixFilter":
        return affix_filter()
    raise AttributeError(name)


def word_list_problems(path: Path) -> list[tuple[str, int]]:
    """Each mistake of the word list as (message in Indonesian, line)."""
    try:
        text = schema.read_utf8(path)
    except schema.Refused as error:
        return [(str(error), error.line + 1)]
    problems, seen = [], {}
    for number, line in enumerate(text.splitlines(), 1):
        word = line.strip()
        if not word:
            continue
        if not WORD.fullmatch(word):
            problems.append(
                (
                    f"'{schema.shorten(word)}' bukan satu kata: pemeriksa ejaan tidak pernah mencocokkannya. "
                    "Tulis satu kata per baris, tanpa spasi atau tanda baca.",
                    number,
                )
            )
        elif word in seen:
            problems.append((f"Kata '{word}' sudah ada di baris {seen[word]}. Hapus baris ini.", number))
        else:
            seen[word] = number
    return problems


def check_word_list(app) -> None:
    if app.builder.name != "spelling":
        return
    for name in app.builder.get_configured_wordlist_filenames():
        path = Path(name)
        for message, line in word_list_problems(path):
            schema.warn(message, path, line)


def setup(app):
    app.connect("builder-inited", check_word_list)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
