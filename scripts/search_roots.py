"""Regenerate docs/_ext/search_id_roots.txt, the search stemmer's root dictionary.

The roots are the plain lowercase entries of the hunspell-id dictionary (Debian package
hunspell-id; its word list is licensed MPL-2.0 / LGPL-3), whose entries are root words
with affix flags. Roots of one syllable are kept when they have three letters or more: the
stemmer strips a particle or a possessive down to one (``teksnya``, ``jamnya``), no other
affix.

An entry that the dictionary's own affix rules also derive from another entry by a prefix
(``pelantar`` is pe- + ``lantar``, ``senyawa`` se- + ``nyawa``: ``hunspell -s`` gives both
analyses) is left out, so that the stemmer strips it down to that entry's root; roots of one
syllable excepted, which take no prefix but menge-/penge- (``setan`` is no se- + ``tan``), and
entries that the stemmer would then cut elsewhere (``sekali``, which would become ``sekal`` + -i).
So is an entry that only occurs affixed and is ke- or per- + another entry (``ketahu``, the
bound form of ``tahu`` in ``mengetahui``).

Compounds that the dictionary writes as one word because they only occur affixed (flag
A2, "needs an affix": ``tindaklanjut`` in ``ditindaklanjuti``) are written as their two
words (``tindak lanjut``) when both are roots, so that the stemmer can index the parts.

It writes docs/_ext/search_id_readings.txt: where the rules could read a word two ways, each
reaching a root (``berasa``: ber- + ``asa``, or be- + ``rasa``; ``perpajakan``: per- + ``pajak``
+ -an, or per- + ``paja`` + -kan), the word and hunspell's root when hunspell reads it only the
way the rules do not (see ``readings``).

It also writes docs/_ext/search_id_shadows.txt: for each index term, the roots whose words
the stemmer would reduce to that term if they were no roots (``kawasan`` shadows ``awas``).
The search page ships a root only when the index needs it, with the roots shadowing it.
Run it again after changing the stemmer's rules (the parity test fails when it is stale).

Usage: python scripts/search_roots.py [path/to/id_ID.dic]   (needs hunspell and hunspell-id)
"""

import re
import subprocess
import sys
from pathlib import Path

DIC = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/hunspell/id_ID.dic")
EXT = Path(__file__).resolve().parent.parent / "docs" / "_ext"
OUT = EXT / "search_id_roots.txt"

entries = [line.strip().partition("/")[::2] for line in DIC.read_text(encoding="latin-1").splitlines()[1:]]
vowels = {w: len(re.findall("[aeiou]", w)) for w, _ in entries}
words = {w for w, _ in entries if re.fullmatch(r"[a-z]+", w) and (vowels[w] >= 2 or (vowels[w] == 1 and len(w) >= 3))}


def analyses(listed: list[str]) -> list[tuple[str, str]]:
    """(word, root) for each analysis that ``hunspell -s`` gives of these words."""
    output = subprocess.run(
        ["hunspell", "-d", DIC.with_suffix("").as_posix(), "-s", "-i", "utf-8"],
        input="\n".join(listed) + "\n",
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [(word, root) for word, _, root in (line.partition(" ") for line in output.splitlines())]


def prefixed_entries() -> dict[str, set[str]]:
    """Entry -> the entries of two syllables or more that hunspell also analyses it as, with a prefix."""
    found = {}
    for word, root in analyses(sorted(words)):
        # A prefix before the root, whose first consonant it may have assimilated (pemerintah).
        if root in words and root != word and vowels[root] >= 2 and word.endswith(root[1:]) and len(word) > len(root):
            found.setdefault(word, set()).add(root)
    return found


def readings(roots: set[str]) -> dict[str, str]:
    """Word -> root, for words that a prefix or a suffix lets the rules read two ways, each
    way reaching a root, where hunspell gives the one the rules do not take and not the other:
    * ber-, ter- or per- + a root starting with a vowel, or be-, te- or pe- + the root with r
      (perawat: pe- + rawat, not per- + awat);
    * ke-, pe-, per- or se- + a root in -k + -an, or + the root without k + -kan
      (perpajakan: per- + pajak + -an, not per- + paja + -kan)."""
    # (word, the reading hunspell may give, the rules' reading)
    with_r = [
        (prefix + root, "r" + root, root)
        for prefix in ("ber", "ter", "per")
        for root in sorted(roots)
        if root[0] in "aeiou" and "r" + root in roots and vowels[root] >= 2
    ]
    with_an = [
        (prefix + root + "an", root, root[:-1])
        for prefix in ("ke", "pe", "per", "se")
        for root in sorted(roots)
        # Not where prefix + root is a root as well (keduduk): berkedudukan would reach it, not
        # the reading of kedudukan, splitting the family.
        if root.endswith("k") and root[:-1] in roots and vowels[root] >= 2 and prefix + root not in roots
    ]
    candidates = with_r + with_an
    read = {}
    for word, root in analyses([word for word, _, _ in candidates]):
        read.setdefault(word, set()).add(root)
    return {word: root for word, root, other in candidates if root in read.get(word, ()) and other not in read[word]}


needs_affix = {w for w, flags in entries if "A2" in re.findall("..", flags)}
# An entry that occurs only affixed and is a prefix + an entry itself (ketahu: ke- + tahu, in
# mengetahui and pengetahuan) is that entry's bound form, no root of its own.
for word in needs_affix:
    for prefix in ("ke", "per"):
        rest = word.removeprefix(prefix)
        if rest != word and rest in words and vowels[rest] >= 2:
            words.discard(word)

sys.path.insert(0, str(EXT))
import search_id  # noqa: E402 (path above)

word_roots = readings(words)
header = "# Word, then its root: hunspell's reading where the rules read it two ways (scripts/search_roots.py).\n"
lines = [f"{word} {root}" for word, root in sorted(word_roots.items())]
search_id.READINGS_FILE.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
print(f"{len(word_roots)} readings -> {search_id.READINGS_FILE}")
search_id.irregular.cache_clear()

# Left out only where the stemmer then reaches one of those roots: sekali stays, which would become sekal + -i.
derived = prefixed_entries()
while True:
    stem = search_id.Stemmer(frozenset(words - derived.keys()) | search_id.EXTRA_ROOTS).stem
    if not (kept := {word for word, roots in derived.items() if stem(word) not in map(stem, roots)}):
        break
    derived = {word: roots for word, roots in derived.items() if word not in kept}
words -= derived.keys()


def split_compound(word: str) -> str:
    """'tindak lanjut' for tindaklanjut, or the word itself when it is no two roots."""
    for cut in range(3, len(word) - 2):
        if word[:cut] in words and word[cut:] in words:
            return f"{word[:cut]} {word[cut:]}"
    return word


lines = sorted(split_compound(w) if w in needs_affix else w for w in words)
header = "# Root words for the Indonesian search stemmer, from hunspell-id (MPL-2.0 / LGPL-3).\n"
OUT.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
print(f"{len(lines)} roots ({sum(' ' in line for line in lines)} compounds) -> {OUT}")

table = search_id.shadows_of(search_id.Stemmer(search_id.roots()))
header = "# Index term, then the roots that shadow it (scripts/search_roots.py).\n"
lines = [" ".join([term, *sorted(shadow)]) for term, shadow in sorted(table.items())]
search_id.SHADOWS_FILE.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
print(f"{sum(map(len, table.values()))} shadowing roots of {len(table)} terms -> {search_id.SHADOWS_FILE}")
