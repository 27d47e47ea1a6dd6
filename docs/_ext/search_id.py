"""Indonesian full-text search: a Sphinx search language for ``language = "id"``.

Sphinx has no Indonesian search language and falls back to English stemming. This
module registers one with

* a stopword list of Indonesian function words;
* a stemmer that strips particles, possessives, suffixes and prefixes, checking a root
  dictionary (``search_id_roots.txt``) after each step so that roots which merely look
  affixed (``masalah``, ``kelompok``, ``penting``) are kept whole;
* nasal folding: meN-/peN- assimilate the first consonant of the root (``tanggulang`` ->
  ``menanggulangi``, ``pantau`` -> ``memantau``), which cannot be undone without knowing
  the root. Instead every root is written in its assimilated form (t- -> n-, p- -> m-,
  k- and vowels -> ng-, s- -> ny-), so both spellings meet on one index term;
* spelling variants (``propinsi`` -> ``provinsi``) and informal reduplication
  (``kegiatan2``); hyphenated reduplication (``masalah-masalah``) is split into words
  by Sphinx itself;
* besides its stem, a derived word is indexed as written (``=perencanaan``), so a page
  using the query's very word wins a tie against pages with other forms of it.

The same algorithm runs in the browser (``search_id.js``). ``search_rank.js`` replaces
Sphinx's result ranking (BM25 weighting with title and keyword boosts, question pages
above listing pages, typo correction, acronyms and synonyms); this module gives it what
it needs: the listing pages, in the search index (``listings``), and the synonym groups,
in the script (the acronyms of ``istilah.yml`` with their expansions, and ``sinonim.yml``).
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import yaml
from sphinx.search import SearchLanguage
from sphinx.util import logging

logger = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
ROOTS_FILE = HERE / "search_id_roots.txt"
JS_FILE = HERE / "search_id.js"
RANK_FILE = HERE / "search_rank.js"

# Function words that carry no topic: pronouns, prepositions, conjunctions, particles,
# question words, auxiliaries and determiners.
STOPWORDS = frozenset(
    """
    ada adalah agar akan aku anda antara apa apabila apakah atau atas bagaimana bagi bahkan bahwa
    baik banyak begitu belum beberapa berapa bila bukan dalam dan dapat dari daripada dengan di dia
    harus hal hanya hingga ia ialah ini itu jadi jika juga kalau kami kamu kapan karena ke kemudian
    kenapa ketika kita lagi lain lalu maka mana masih melalui mengapa mereka misalnya namun oleh
    pada para per perlu pula pun saat saja sama sampai sangat saya se sebagai sebelum sedang sedangkan
    sehingga sejak selain semua seperti serta setelah setiap siapa suatu sudah supaya tanpa telah
    tentang terhadap tetapi tidak untuk walaupun yaitu yakni yang
    """.split()  # noqa: SIM905 (a word list reads better as text)
)

# Older or non-standard spellings -> the KBBI spelling used in the handbook.
VARIANTS = {
    "propinsi": "provinsi",
    "kwalitas": "kualitas",
    "aktifitas": "aktivitas",
    "kreatifitas": "kreativitas",
    "praktek": "praktik",
    "resiko": "risiko",
    "sistim": "sistem",
    "nasehat": "nasihat",
    "jaman": "zaman",
    "ijin": "izin",
    "analisa": "analisis",
    "obyek": "objek",
    "subyek": "subjek",
    "kadaluarsa": "kedaluwarsa",
    "kordinator": "koordinator",
    "koordinir": "koordinasi",
    "monitoring": "monitor",
    "supervisor": "supervisi",
}

VOWELS = frozenset("aeiou")
PARTICLES = ("lah", "kah", "pun")
POSSESSIVES = ("nya", "ku", "mu")
DERIVATIONAL = ("an", "kan", "i")  # forms are tried most stripped first: -kan before -an
# The assimilated (nasal) form of a root's first consonant after meN-/peN-.
NASAL = {"k": "ng", "t": "n", "p": "m", "s": "ny"}
# Prefix of the index terms that record a word exactly as written (when its stem differs),
# so that a page using the query's very word ranks above pages with other forms of it.
EXACT = "="
INFORMAL_REDUPLICATION = re.compile(r"[a-z]{3,}2")
# Words of the handbook missing from the dictionary that the rules would cut wrongly.
EXTRA_ROOTS = frozenset({"relawan", "pemerintah", "diseminasi"})


@functools.cache
def roots() -> frozenset[str]:
    """The root dictionary: one lowercase word a line, ``#`` starts a comment."""
    lines = ROOTS_FILE.read_text(encoding="utf-8").splitlines()
    return EXTRA_ROOTS | {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def syllables(word: str) -> int:
    return sum(1 for char in word if char in VOWELS)


def fold(root: str) -> str:
    """A root in the form meN-/peN- would give it: tanggulang -> nanggulang, upaya -> ngupaya."""
    if root[0] in VOWELS:
        return "ng" + root
    if len(root) > 1 and root[0] in NASAL and root[1] in VOWELS:
        return NASAL[root[0]] + root[1:]
    return root


def suffix_forms(word: str) -> list[tuple[str, bool]]:
    """(form, sure) for the word and its suffix-stripped forms, from least to most stripped.

    -kan and -an are both tried. -i after s is unsure (``organisasi`` keeps it): that form
    is used only if it leads to a root.
    """
    forms = [(word, True)]
    for group in (PARTICLES, POSSESSIVES):
        current = forms[-1][0]
        for suffix in group:
            if current.endswith(suffix) and syllables(current[: -len(suffix)]) >= 2:
                forms.append((current[: -len(suffix)], True))
                break
    base = forms[-1][0]
    for suffix in DERIVATIONAL:
        rest = base[: -len(suffix)]
        if base.endswith(suffix) and syllables(rest) >= 2:
            forms.append((rest, not (suffix == "i" and rest.endswith("s"))))
    return forms


def prefix_options(word: str) -> list[tuple[str, bool]]:
    """Ways to strip one prefix: (rest, final). A final rest is already in folded (nasal) form."""
    head, rest = word[:2], word[2:]
    if head in ("me", "pe"):
        if rest.startswith("ng"):
            after = rest[2:]
            return [("ng" + after, True)] if after[:1] in VOWELS else [(after, False)]
        if rest.startswith("ny") and rest[2:3] in VOWELS:
            return [(rest, True)]
        if rest[:1] in ("m", "n"):
            after = rest[1:]
            if after[:1] in VOWELS:
                return [(rest, True)]
            if after[:1] and after[0] in ("bfvp" if rest[0] == "m" else "cdjstz"):
                options = [(word[6:], False)] if word.startswith(("memper", "pemper")) else []
                return options + [(after, False)]
            return []
        if head == "pe" and rest[:1] == "r":
            return [(rest[1:], False), (rest, False)]
        if rest[:1] in ("l", "r", "w", "y"):
            if word.startswith("pelajar"):
                return [(word[3:], False)]
            return [(rest, False)]
        return []
    if head in ("be", "te"):
        if rest[:1] == "r":
            return [(rest[1:], False), (rest, False)]
        if head == "be" and word.startswith("belajar"):
            return [(word[3:], False)]
        if head == "be" and rest[1:3] == "er" and rest[:1] not in VOWELS:
            return [(rest, False)]
        return []
    if head in ("di", "ke", "se"):
        return [(rest, False)]
    return []


class Stemmer:
    """Dictionary-checked affix stripping with nasal folding (see the module docstring)."""

    def __init__(self, root_words: frozenset[str]):
        self.roots = root_words

    def stem(self, word: str) -> str:
        word = word.lower()
        if INFORMAL_REDUPLICATION.fullmatch(word):
            word = word[:-1]
        word = VARIANTS.get(word, word)
        if word in STOPWORDS or not word.isalpha() or len(word) < 4:
            return word
        result = self._root(word)
        result = VARIANTS.get(result, result)
        return word if result in STOPWORDS else result

    def _root(self, word: str) -> str:
        forms = suffix_forms(word)
        for form, _ in forms:
            if form in self.roots:
                return fold(form)
        fallback = None
        for form, sure in reversed(forms):
            found, stripped = self._strip_prefixes(form)
            if found:
                return stripped
            if sure:
                fallback = fallback or stripped
        return fallback

    def _strip_prefixes(self, word: str, depth: int = 0) -> tuple[bool, str]:
        """(reached a root, folded result), trying every way to strip up to three prefixes."""
        if word in self.roots:
            return True, fold(word)
        options = [(rest, final) for rest, final in prefix_options(word) if syllables(rest) >= 2]
        if depth == 3 or not options:
            return False, fold(word)
        fallback = None
        for rest, final in options:
            if final:
                # The nasal form: a root if any unassimilated spelling of it is one.
                unfolded = {rest, rest[2:] if rest.startswith("ng") else rest[1:]}
                unfolded |= {c + rest[len(n) :] for c, n in NASAL.items() if rest.startswith(n)}
                if unfolded & self.roots:
                    return True, rest
                found, stripped = False, rest
            else:
                found, stripped = self._strip_prefixes(rest, depth + 1)
            if found:
                return True, stripped
            fallback = fallback or stripped
        return False, fallback


def js_code(synonyms: list[list[str]] = ()) -> str:
    """The browser half: the stemmer (search_id.js) and the ranking (search_rank.js), with the data filled in."""
    data = {
        "__ROOTS__": json.dumps(" ".join(sorted(roots()))),
        "__VARIANTS__": json.dumps(VARIANTS, sort_keys=True),
        "__SYNONYMS__": json.dumps(list(synonyms), ensure_ascii=False),
    }
    code = JS_FILE.read_text(encoding="utf-8") + "\n" + RANK_FILE.read_text(encoding="utf-8")
    for placeholder, value in data.items():
        code = code.replace(f'"{placeholder}"', value)
    return code


class SearchIndonesian(SearchLanguage):
    lang = "id"
    language_name = "Indonesian"
    stopwords = STOPWORDS

    def __init__(self, options: dict[str, str]) -> None:
        super().__init__(options)
        self.stemmer = Stemmer(roots())
        # Sphinx memoises stems per page only; the pages share one vocabulary, so stem each
        # word once per build (at 1,000 questions this saves a fifth of the build).
        self._stems: dict[str, str] = {}

    @property
    def js_stemmer_code(self) -> str:
        return js_code(_synonyms)

    def split(self, input: str) -> list[str]:
        words = []
        for word in super().split(input):
            words.append(word)
            lower = word.lower()
            if lower not in self.stopwords and self.stem(lower) != lower:
                words.append(EXACT + lower)
        return words

    def stem(self, word: str) -> str:
        if word.startswith(EXACT):
            return word.lower()
        if word not in self._stems:
            self._stems[word] = self.stemmer.stem(word)
        return self._stems[word]

    def word_filter(self, word: str) -> bool:
        return not word.isdigit() and word.lower() not in self.stopwords


def synonym_groups(app) -> list[list[str]]:
    """Groups of words or phrases that find each other's pages: acronyms with their expansions
    (from the glossary, when ``faq_glossary`` is loaded) and the groups of the synonym file."""
    groups = []
    if "faq_glossary" in app.extensions:
        import faq_glossary

        terms, _ = faq_glossary.load(app.env)
        groups += [[term.name, term.expansion] for term in terms if term.expansion]
    path = Path(app.srcdir) / app.config.search_synonyms_file
    if not path.is_file():
        return groups
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1 if mark else 0}"
        logger.warning("%s bukan YAML yang sah: %s", path.name, error, location=where)
        return groups
    for number, group in enumerate(data if isinstance(data, list) else [data], start=1):
        if not (isinstance(group, list) and len(group) > 1 and all(isinstance(w, str) and w.strip() for w in group)):
            logger.warning(
                "kelompok sinonim ke-%d harus berupa daftar dua kata atau lebih, misalnya [pantau, monitor]",
                number,
                location=str(path),
            )
            continue
        groups.append([word.strip() for word in group])
    return groups


# The current build's synonym groups, read when it starts writing (language_data.js is
# written before the pages).
_synonyms: list[list[str]] = []


def read_synonyms(app, builder) -> None:
    _synonyms[:] = synonym_groups(app)


def add_listings(app, pagename, templatename, context, doctree) -> None:
    """Once per build, when the search indexer exists: the index names the pages that are
    not questions (home, categories, keyword page), which rank below the questions."""
    indexer = getattr(app.builder, "indexer", None)
    if indexer is None or not isinstance(indexer.lang, SearchIndonesian) or hasattr(indexer, "_id_listings"):
        return
    indexer._id_listings = True
    freeze = indexer.freeze

    def freeze_with_listings():
        frozen = freeze()
        if "faq_catalog" in app.extensions:
            import faq_catalog

            questions = {q.docname for q in faq_catalog.questions(app.env)}
            if questions:
                frozen["listings"] = [i for i, name in enumerate(frozen["docnames"]) if name not in questions]
        return frozen

    indexer.freeze = freeze_with_listings


# Read the Docs Addons open their own server-side search (which knows no Indonesian) on the
# "/" key and from their flyout, by dispatching this event on the document. Caught first, on
# the window, it moves the focus to this site's search box instead, or opens the search page
# when no box is visible (phones, where the box sits in the closed navigation drawer).
READTHEDOCS_SEARCH = """\
window.addEventListener("readthedocs-search-show", (event) => {
  event.stopImmediatePropagation();
  const shown = (input) => {
    const box = input.getBoundingClientRect();
    return box.width > 0 && box.right > 0 && box.left < window.innerWidth;
  };
  const box = [...document.querySelectorAll("input[name=q]")].find(shown);
  if (box) box.focus();
  else window.location.href = (document.documentElement.dataset.content_root || "") + "search.html";
}, true);"""


def setup(app):
    app.add_search_language(SearchIndonesian)
    app.add_js_file(None, body=READTHEDOCS_SEARCH)
    # Groups of synonyms for the search, one list a group: [pantau, monitor].
    app.add_config_value("search_synonyms_file", "sinonim.yml", "html", types=[str])
    app.connect("write-started", read_synonyms)
    app.connect("html-page-context", add_listings)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
