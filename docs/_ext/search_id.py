"""Indonesian full-text search: a Sphinx search language for ``language = "id"``.

Sphinx has no Indonesian search language and falls back to English stemming. This
module registers one with

* a stopword list of Indonesian function words, which are never indexed; a stopword can
  still be the root of indexed words (``bagi`` of ``pembagian``, ``ada`` of ``keadaan``);
* a stemmer that strips particles, possessives, suffixes and prefixes (including pe-
  before a plain consonant, ``petinju``, and menge- before one syllable, ``mengebom``),
  checking a root dictionary (``search_id_roots.txt``) after each step so that roots
  which merely look affixed (``masalah``, ``kelompok``, ``penting``) are kept whole; the
  dictionary leaves out the entries that its own affix rules derive by a prefix
  (``pelantar``, ``selagi``), so these are stripped like any other derived word. Among
  the analyses that reach a root, the grammar's preferences decide: the prefix first in
  di-/me-/pe-/ter-...-i (``petani``: ``tani``), one prefix before two (``dikenali``:
  ``kenal``), and no -kan after ke-, se-, peN- (``penegakan``: ``tegak``, not ``tega``);
  where a word can be read two ways, each reaching a root (ber-, ter-, per- or be-, te-,
  pe- before r; -an after a root in -k or -kan after that root without k), the reading
  hunspell gives where the rules' differs (``search_id_readings.txt``: ``perawat``,
  ``terasa``, ``perpajakan``);
* loanword suffixes: a root ending in -isasi, -isme, -itas, -wan, -wati or -is is reduced
  to the root before it (``nasionalisme`` -> ``nasional``, ``wartawan`` -> ``warta``), and so
  is a word the dictionary lacks ending in -isasi, -isme or -itas (``finalisasi``);
* compounds written as one word once affixed (``ditindaklanjuti``) are indexed both whole
  and as their two words, and the two words written apart give the compound as well, a
  stopword among them too (``bekerja sama``); besides the dictionary's compounds, a few
  that it lacks and that are often written joined (``kerjasama``, ``peranserta``);
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
The browser receives only the roots that the index's terms need (``roots_for``), so the
search page grows with the handbook's vocabulary, not with the dictionary.

Infixes (-el-, -em-, -er-, -in-: ``telapak``/``tapak``) and partial reduplication
(``rerata``/``rata``) are no longer productive: no rule undoes them, since a rule over the
dictionary pairs more unrelated words (``semaya``/``saya``, ``kemarau``/``karau``,
``tetangga``/``tangga``) than related ones. The lexicalised words of the grammars' lists are
a table (``IRREGULAR``), which their affixed forms reach too (``kinerjanya``, ``dedaunan``).
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

import yaml
from sphinx.search import SearchLanguage

HERE = Path(__file__).resolve().parent
ROOTS_FILE = HERE / "search_id_roots.txt"
SHADOWS_FILE = HERE / "search_id_shadows.txt"
READINGS_FILE = HERE / "search_id_readings.txt"
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
    "sekedar": "sekadar",
    "silahkan": "silakan",
    "hutang": "utang",
    "jadual": "jadwal",
    "kwitansi": "kuitansi",
    "efektifitas": "efektivitas",
    "produktifitas": "produktivitas",
    "standarisasi": "standardisasi",
    "himbauan": "imbauan",
    "tehnis": "teknis",
    "karir": "karier",
    "antri": "antre",
    "merubah": "mengubah",
    "dirubah": "diubah",
    "trampil": "terampil",
    "tehnik": "teknik",
    "detil": "detail",
    "nafas": "napas",
    "ijasah": "ijazah",
    "hakekat": "hakikat",
    "azas": "asas",
    "faham": "paham",
    "fikir": "pikir",
    "konkrit": "konkret",
    "ekstrim": "ekstrem",
    "frekwensi": "frekuensi",
    "kwantitas": "kuantitas",
    "kwartal": "kuartal",
    "pebruari": "februari",
    "nopember": "november",
    "rembug": "rembuk",
    "baharu": "baru",
}

VOWELS = frozenset("aeiou")
PARTICLES = ("lah", "kah", "tah", "pun")
POSSESSIVES = ("nya", "ku", "mu")
DERIVATIONAL = ("an", "kan", "i")  # forms are tried most stripped first: -kan before -an
# Suffixes borrowed with their words (nasionalisme, legalisasi, wartawan): a root ending in
# one is reduced to the root before it, when that is a root too. Longest first.
LOANWORD = ("isasi", "isme", "itas", "wati", "wan", "is")
LATINATE = LOANWORD[:3]  # reduced in words the dictionary lacks as well (finalisasi)
# Loanword endings that alternate with another in a related word (transparansi and
# transparan, partisipatif and partisipasi): a word of four syllables or more with the
# first ending is reduced to the root with the second. Shorter words keep theirs (instansi
# is no instan, negatif no negasi). Not -ivitas: aktivitas is a kegiatan, not being aktif.
ALTERNATIONS = (("abilitas", "abel"), ("ensi", "en"), ("ansi", "an"), ("atif", "asi"))
# The assimilated (nasal) form of a root's first consonant after meN-/peN-.
NASAL = {"k": "ng", "t": "n", "p": "m", "s": "ny"}
# Words whose affix no rule can undo, each with the root KBBI lists it under:
# * bel-/pel- occur before ajar only (Nazief-Adriani), where the dictionary reads be- + lajar;
# * the infixes -el-, -em-, -er-, -in- and the partial reduplication (dwipurwa) of a root's
#   first syllable are no longer productive: a rule over the dictionary pairs more unrelated
#   words (kelapa/kapa, seminar/sinar, tetangga/tangga) than related ones. These are the
#   lexicalised words of the grammars' lists (telapak, gemuruh, kinerja; lelaki, rerata).
IRREGULAR = {
    "belajar": "ajar", "pelajar": "ajar",
    # -el-
    "telapak": "tapak", "telunjuk": "tunjuk", "geletar": "getar", "gelegar": "gegar",
    # -em-
    "gemetar": "getar", "gemuruh": "guruh", "gemilang": "gilang", "gemerlap": "gerlap",
    "kemilau": "kilau", "gemertak": "gertak", "kemuning": "kuning", "temali": "tali",
    # -er-
    "gerigi": "gigi", "seruling": "suling",
    # -in-
    "kinerja": "kerja", "kinasih": "kasih", "sinambung": "sambung",
    # dwipurwa
    "lelaki": "laki", "leluhur": "luhur", "lelembut": "lembut", "rerata": "rata", "tetua": "tua",
    "tetamu": "tamu", "dedaunan": "daun", "rerumput": "rumput", "bebatu": "batu",
    "reranting": "ranting", "jejari": "jari", "tetikus": "tikus",
    # derived words that the dictionary lists as words of their own: mengkaji (beside mengaji),
    # and imperatives in -kan (sahkan: disahkan met neither sah nor mengesahkan)
    "mengkaji": "kaji", "sahkan": "sah", "biarkan": "biar", "bicarakan": "bicara", "camkan": "cam",
    "bentangkan": "bentang", "canangkan": "canang", "belikan": "beli", "bawakan": "bawa",
    # imperatives in -kan of a root that also exists with a final k, which the -an reading
    # takes (berik, katak): the words where hunspell reads -kan, not -an (gerakan is gerak + -an)
    "berikan": "beri", "katakan": "kata", "bacakan": "baca", "bedakan": "beda",
    # menge-/penge- before a common root of one syllable, where the dictionary also has ke- and
    # that root (kesah, kecek): hunspell's analysis of these words, and the administrative sense
    "mengesah": "sah", "pengesah": "sah", "mengecek": "cek", "pengecek": "cek", "mengetes": "tes",
    "pengetes": "tes", "mengeset": "set", "pengeset": "set", "mengelap": "lap", "mengepel": "pel",
}  # fmt: skip
# Confixes with -i whose prefix is stripped first (the precedence rule of Enhanced Confix
# Stripping, as in Sastrawi): petani is pe- + tani, not the root petan + -i. (Its be-...-an
# rule splits as many words wrongly as it mends: berian is no be- + rian.)
PRECEDENCE = re.compile(r"(?:di|me|pe|ter).+i")
# Prefixes that never take -kan (Nazief-Adriani's disallowed confixes ke-...-kan, se-...-kan;
# pe-/peN- make nouns, with -an): penegakan is tegak + -an, not tega + -kan. per- takes -kan
# (perhatikan). Their other disallowed pairs (di-...-an) lose more words than they mend.
KANLESS = ("ke", "se", "pe")
# Prefixes a word stacks at most: three (di-per-se-), four in a fraction (ke-se-per-se-puluh).
MAX_PREFIXES = 4
# Prefixes that meN-/peN- may precede, their first consonant assimilated (memerhatikan, mengetahui).
ASSIMILATED = ("per", "se", "ter", "ke")
# Prefix of the index terms that record a word exactly as written (when its stem differs),
# so that a page using the query's very word ranks above pages with other forms of it.
EXACT = "="
ROOTS_PLACEHOLDER = '"__ROOTS__"'
INFORMAL_REDUPLICATION = re.compile(r"[a-z]{3,}2")
# Characters that text copied from a PDF or a web page may carry inside a word: the soft
# hyphen, zero-width spaces and joiners, the word joiner, the byte-order mark.
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
# Words of the programme missing from the dictionary: the rules would cut the first three
# wrongly, and akuntabilitas reaches akuntabel only if it is a root (ALTERNATIONS).
EXTRA_ROOTS = frozenset({"relawan", "pemerintah", "diseminasi", "akuntabel"})
# Compounds that KBBI writes as two words, often written joined (kerjasama, peranserta,
# tatacara) or joined once affixed (kegotongroyongan), which the dictionary does not list as
# compounds: joined or apart, they meet (SearchIndonesian.split).
EXTRA_COMPOUNDS = (
    "daftar ulang", "gotong royong", "kerja sama", "orang tua", "peran serta", "salah paham",
    "tata cara", "tata kelola", "terima kasih", "turut serta", "uji coba",
)  # fmt: skip


def normalise(text: str) -> str:
    """Text as its words are indexed and searched: compatibility forms folded (NFKC: the
    ligature in ``eﬁsien``, full-width letters) and invisible characters dropped, so that
    ``kemis\u00adkinan`` is one word."""
    return unicodedata.normalize("NFKC", text).translate(dict.fromkeys(map(ord, INVISIBLE)))


@functools.cache
def _dictionary() -> tuple[frozenset[str], dict[str, tuple[str, str]]]:
    """The root dictionary (one word a line, ``#`` starts a comment) and its compounds.

    A line of two words is a compound the language writes as one word once affixed
    (``tindak lanjut``: ``ditindaklanjuti``); its joined form is a root too. EXTRA_COMPOUNDS
    are read as such lines.
    """
    words, compound = set(EXTRA_ROOTS), {}
    for line in [*ROOTS_FILE.read_text(encoding="utf-8").splitlines(), *EXTRA_COMPOUNDS]:
        if line.strip() and not line.startswith("#"):
            parts = line.split()
            words.add("".join(parts))
            if len(parts) == 2:
                compound["".join(parts)] = (parts[0], parts[1])
    return frozenset(words), compound


@functools.cache
def irregular() -> dict[str, str]:
    """Word -> root: IRREGULAR, and the words that the rules could read two ways with the
    root hunspell gives them (search_id_readings.txt, see scripts/search_roots.py): perawat
    is pe- + rawat, not per- + awat; perpajakan per- + pajak + -an, not per- + paja + -kan."""
    table = dict(IRREGULAR)
    for line in READINGS_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, root = line.split()
            table[word] = root
    return table


def roots() -> frozenset[str]:
    return _dictionary()[0]


def compounds() -> dict[str, tuple[str, str]]:
    """Joined compound -> its two words: ``tindaklanjut`` -> (``tindak``, ``lanjut``)."""
    return _dictionary()[1]


def syllables(word: str) -> int:
    return sum(1 for char in word if char in VOWELS)


def fold(root: str) -> str:
    """A root in the form meN-/peN- would give it: tanggulang -> nanggulang, upaya -> ngupaya.
    A root of one syllable takes menge-/penge- (mengecat): it keeps its form."""
    if syllables(root) < 2:
        return root
    if root[0] in VOWELS:
        return "ng" + root
    if len(root) > 1 and root[0] in NASAL and root[1] in VOWELS:
        return NASAL[root[0]] + root[1:]
    return root


def inflected_forms(word: str, root_words: frozenset[str] = frozenset()) -> list[str]:
    """The word, then without its particle, then without its possessive (bukunyalah, bukunya, buku).
    A particle or possessive may leave a root of one syllable (``teksnya``)."""
    forms = [word]
    for group in (PARTICLES, POSSESSIVES):
        for suffix in group:
            rest = forms[-1][: -len(suffix)]
            if forms[-1].endswith(suffix) and (syllables(rest) >= 2 or rest in root_words):
                forms.append(rest)
                break
    return forms


def suffix_forms(inflected: list[str]) -> list[tuple[str, bool]]:
    """(form, sure) for a word's inflected forms (inflected_forms) and its suffix-stripped
    forms, from least to most stripped.

    -kan and -an are both tried. -i after s is unsure (``organisasi`` keeps it): that form
    is used only if it leads to a root. A derivational suffix may not leave a root of one
    syllable (``teman`` is no ``tem`` + -an).
    """
    forms = [(form, True) for form in inflected]
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
                return [(after, False)]  # memper-/pemper-: per- is the next prefix stripped
            if rest[0] == "m" and after[:1] in ("l", "r"):  # pemrograman: p- assimilated before r
                return [("p" + after, False)]
            return []
        if head == "pe" and rest[:1] == "r":
            return [(rest[1:], False), (rest, False)]
        if rest[:1] in ("l", "r", "w", "y"):
            return [(rest, False)]
        # pe- before a plain consonant (petinju, pekerja): the root follows unchanged.
        return [(rest, False)] if head == "pe" and rest[:1] not in VOWELS else []
    if head in ("be", "te"):
        if rest[:1] == "r":
            return [(rest[1:], False), (rest, False)]
        if rest[1:3] == "er" and rest[:1] not in VOWELS:  # bekerja, tepercaya
            return [(rest, False)]
        return []
    if head in ("di", "ke", "se"):
        return [(rest, False)]
    if word.startswith(("kau", "ku")):  # the proclitics of "engkau" and "aku": kauinjak, kubaca
        return [(word[3 if word.startswith("kau") else 2 :], False)]
    return []


def monosyllable(word: str) -> str | None:
    """The root of one syllable after menge-/penge- (mengebom, pengecekan), if the word is so."""
    rest = word[5:]
    return rest if word.startswith(("menge", "penge")) and len(rest) > 1 and syllables(rest) == 1 else None


class Stemmer:
    """Dictionary-checked affix stripping with nasal folding (see the module docstring)."""

    def __init__(self, root_words: frozenset[str]):
        self.roots = root_words

    def stem(self, word: str) -> str:
        """The index term of a word. Stopwords are stemmed too (``ada`` -> ``ngada``, as in
        ``keadaan``): the index leaves them out before stemming (SearchIndonesian.split)."""
        word = word.lower()
        if INFORMAL_REDUPLICATION.fullmatch(word):
            word = word[:-1]
        word = VARIANTS.get(word, word)
        if not word.isalpha() or len(word) < 4 or syllables(word) < 2:
            return self.term(word) if word in self.roots else word
        return self._root(word)

    def base(self, root: str) -> str:
        """The root before a loanword suffix (nasionalisme -> nasional), the root of an
        alternating ending (transparansi -> transparan), or the root itself."""
        if root not in EXTRA_ROOTS:
            return self.loanword_base(root, LOANWORD) or self.alternate(root) or root
        return root

    def loanword_base(self, word: str, suffixes: Iterable[str]) -> str | None:
        """The root before the first of these suffixes that the word ends with, or None."""
        for suffix in suffixes:
            base = word[: -len(suffix)]
            if word.endswith(suffix) and syllables(base) >= 2 and base in self.roots:
                return base
        return None

    def alternate(self, word: str) -> str | None:
        """The root that a word's alternating loanword ending leads to (ALTERNATIONS), or None."""
        if syllables(word) >= 4:
            for suffix, ending in ALTERNATIONS:
                stem = word[: -len(suffix)]
                if word.endswith(suffix) and syllables(stem) >= 1 and stem + ending in self.roots:
                    return stem + ending
        return None

    def root_of(self, word: str) -> str | None:
        """The root that a word is, or that it is with a Latinate suffix (finalisasi: final) or an
        irregular prefix (belajar: ajar), or None.
        (-wan, -wati and -is are left to the dictionary's words: berawan is ber- + awan.)"""
        if word in (table := irregular()):
            return table[word]
        word = VARIANTS.get(word, word)  # an older spelling of a root, also inside a word (perijinan)
        if word in self.roots:
            return word
        return self.loanword_base(word, LATINATE) or self.alternate(word)

    def term(self, root: str) -> str:
        """The index term of a root."""
        return fold(self.base(root))

    def _root(self, word: str) -> str:
        inflected = inflected_forms(word, self.roots)
        # ketidak-...-an (ketidakberdayaan, ketidakpastian): the root of the negated word, unless
        # the dictionary has the negation as a compound (tidak senonoh).
        base, negated = inflected[-1], inflected[-1][7:-2]
        if (
            base.startswith("ketidak")
            and base.endswith("an")
            and syllables(negated) >= 2
            and "tidak" + negated not in self.roots
        ):
            return self._root(negated)
        if PRECEDENCE.fullmatch(base):  # petani: tani, before the root petan is met
            found, stripped = self._strip_prefixes(base, limit=1)
            if found:
                return stripped
        forms = suffix_forms(inflected)
        for form, _ in forms:
            if root := self.root_of(form):
                return self.term(root)
        reverse = forms[::-1]  # most stripped first
        order = reverse[:]
        # A root is looked for without -i only after the form with it (menilai: nilai, not nila).
        if order[0][0] + "i" in (written := [form for form, _ in order]):
            order.insert(written.index(order[0][0] + "i") + 1, order[0])
            del order[0]
        # What looks like a particle or possessive may end the root (bersekolah: sekolah, not
        # seko; bermasalah): the forms that keep it are looked into first, after one prefix
        # (terpentingkah: penting + -kah, not ter- + pen- + tingkah).
        for form in inflected[:-1]:
            found, stripped = self._strip_prefixes(form, limit=1)
            if found:
                return stripped
        stems = {}
        # An analysis with one prefix comes before those with more (dikenali: kenal + -i, not
        # di- + ke- + nali), and one pairing a prefix with -kan, which it never takes (KANLESS),
        # after the others: kebijakan is ke- + bijak + -an, not ke- + bija + -kan.
        for limit in (1, MAX_PREFIXES):
            for form, _ in order:
                found, stems[form] = self._strip_prefixes(form, limit=limit, kan=base == form + "kan")
                if found:
                    return stems[form]
        if (unkanned := base[:-3]) in stems and base.endswith("kan"):
            found, stems[unkanned] = self._strip_prefixes(unkanned)
            if found:
                return stems[unkanned]
        # Then the rarer analyses, which any of the above wins over (ditelan: telan, not tel).
        for form, _ in order:
            found, stripped = self._strip_prefixes(form, second=True)
            if found:
                return stripped
        # No root: the most stripped form that is surely affixed.
        return next((stems[form] for form, sure in reverse if sure and stems[form]), None)

    def _strip_prefixes(
        self, word: str, depth: int = 0, second: bool = False, limit: int = MAX_PREFIXES, kan: bool = False
    ) -> tuple[bool, str]:
        """(reached a root, folded result), trying every way to strip up to limit prefixes. The
        second pass also tries a root of one syllable after a prefix (dicat, berlas, sejam; after
        meN-/peN- too, where menge-/penge- is the rule: penggolf), and the prefixes whose first
        consonant meN-/peN- assimilated (ASSIMILATED: memerhatikan, mengetahui). A word that lost
        -kan finds no root behind a prefix that never takes it (KANLESS)."""
        if root := self.root_of(word):
            return True, self.term(root)
        if kan and word.startswith(KANLESS) and not word.startswith("per"):
            return False, fold(word)
        plain = second and word[0] != "k"  # a root of one syllable: not after ke- or ku- (kunang)
        # di- and the proclitics come first, never after another prefix (mendiani: dian).
        inner = depth and word.startswith(("di", "ku", "kau"))
        options = [
            (rest, final)
            for rest, final in ([] if inner else prefix_options(word))
            if syllables(rest) >= 2 or (plain and rest in self.roots)
        ]
        if depth == limit or not options:
            short = monosyllable(word)
            return (True, short) if short else (False, fold(word))
        fallback = None
        for rest, final in options:
            if final:
                # The nasal form: a root if any unassimilated spelling of it is one.
                unfolded = [rest] + ([rest[2:]] if rest.startswith("ng") else [])
                unfolded += [c + rest[len(n) :] for c, n in NASAL.items() if rest.startswith(n)]
                for spelling in unfolded:
                    if root := self.root_of(spelling):
                        return True, self.term(root)
                found, stripped = False, rest
                if second and (prefixed := next((w for w in unfolded[1:] if w.startswith(ASSIMILATED)), None)):
                    found, deeper = self._strip_prefixes(prefixed, depth + 1, second, limit)
                    stripped = deeper if found else rest
            else:
                found, stripped = self._strip_prefixes(rest, depth + 1, second, limit)
            if found:
                return True, stripped
            fallback = fallback or stripped
        short = monosyllable(word)
        return (True, short) if short else (False, fallback)


def js_code(
    root_words: Iterable[str] | None = None, *, pending: bool = False, synonyms: Iterable[list[str]] = ()
) -> str:
    """The browser half: the stemmer (search_id.js) and the ranking (search_rank.js), with the data filled in.

    The roots are the whole dictionary unless given; with ``pending``, their placeholder
    stays, for ship_roots to fill in once the index is known.
    """
    data = {
        "__VARIANTS__": json.dumps(VARIANTS, sort_keys=True),
        "__IRREGULAR__": json.dumps(irregular(), sort_keys=True),
        "__EXTRA_ROOTS__": json.dumps(" ".join(sorted(EXTRA_ROOTS))),
        "__NASAL__": json.dumps(NASAL),
        "__SUFFIX_GROUPS__": json.dumps([PARTICLES, POSSESSIVES]),
        "__DERIVATIONAL__": json.dumps(DERIVATIONAL),
        "__LOANWORD__": json.dumps(LOANWORD),
        "__LATINATE__": json.dumps(LATINATE),
        "__ALTERNATIONS__": json.dumps(ALTERNATIONS),
        "__PRECEDENCE__": json.dumps(PRECEDENCE.pattern),
        "__KANLESS__": json.dumps(KANLESS),
        "__MAX_PREFIXES__": json.dumps(MAX_PREFIXES),
        "__ASSIMILATED__": json.dumps(ASSIMILATED),
        "__INVISIBLE__": json.dumps(INVISIBLE),
        "__SYNONYMS__": json.dumps(list(synonyms), ensure_ascii=False),
    }
    if not pending:
        data["__ROOTS__"] = json.dumps(" ".join(sorted(roots() if root_words is None else root_words)))
    code = JS_FILE.read_text(encoding="utf-8") + "\n" + RANK_FILE.read_text(encoding="utf-8")
    for placeholder, value in data.items():
        code = code.replace(f'"{placeholder}"', value)
    return code


def roots_for(terms: Iterable[str], stemmer: Stemmer) -> set[str]:
    """The roots the browser's stemmer needs to give every query word that can match one of
    these index terms the stem the index gave it: the roots whose term is one of them, the
    roots they reduce to, and the roots that shadow them (shadows_of). The stemmer stops at
    the first root it meets; the other roots are never its answer for such a word."""
    terms = set(terms)
    terms |= {spelling for spelling, variant in VARIANTS.items() if variant in terms}
    needed = set()
    for term in terms:
        # The roots that fold to the term, and the longer roots that reduce to those.
        unfolded = [term] + ([term[2:], "k" + term[2:]] if term.startswith("ng") else [])
        unfolded += [c + term[len(n) :] for c, n in NASAL.items() if term.startswith(n)]
        for base in unfolded:
            if base in stemmer.roots and fold(base) == term:
                needed.add(base)
                longer = {base + suffix for suffix in LOANWORD}
                longer |= {base[: -len(end)] + suffix for suffix, end in ALTERNATIONS if base.endswith(end)}
                longer &= stemmer.roots
                needed |= {root for root in longer if stemmer.base(root) == base}
    for term in terms & shadows().keys():
        needed |= shadows()[term]
    return needed


@functools.cache
def shadows() -> dict[str, frozenset[str]]:
    """term -> the roots that keep words from it (search_id_shadows.txt, see shadows_of)."""
    table = {}
    for line in SHADOWS_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            term, *root_words = line.split()
            table[term] = frozenset(root_words)
    return table


class _Recording(set):
    """A root set that remembers which of the words looked up in it were roots."""

    def __init__(self, words) -> None:
        super().__init__(words)
        self.hits: list[str] = []

    def __contains__(self, word) -> bool:
        found = super().__contains__(word)
        if found:
            self.hits.append(word)
        return found


def shadows_of(stemmer: Stemmer) -> dict[str, set[str]]:
    """For each root, the terms its words would get if it were no root: ``kawasan`` would
    be stripped to ``awas``'s term, ``carikan`` to ``cari``'s; and if the root met then
    were no root either, and so on. A browser that knows ``awas`` must know ``kawasan``
    too, or it would stem ``kawasan`` unlike the index.
    (Slow: scripts/search_roots.py writes the table to search_id_shadows.txt.)"""
    table: dict[str, set[str]] = {}
    without = Stemmer(_Recording(stemmer.roots))
    for root in sorted(stemmer.roots):
        for form in [root + suffix for suffix in ("", "an", "kan", "i")] + ["me" + fold(root)]:
            known, removed = stemmer.stem(form), [root]
            without.roots.discard(root)
            for _ in range(3):
                without.roots.hits.clear()
                if (term := without.stem(form)) != known:
                    table.setdefault(term, set()).update(removed)
                if not without.roots.hits:
                    break
                removed.append(without.roots.hits[0])
                without.roots.discard(removed[-1])
            without.roots.update(removed)
    return table


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
        return js_code(pending=True, synonyms=_synonyms)

    def split(self, input: str) -> list[str]:
        """The words to index: stopwords left out (their stems, such as ``bagi`` of
        ``pembagian``, are index terms of the derived words only), each derived word also as
        written, and compounds both joined and as their two words (``ditindaklanjuti`` and
        ``tindak lanjut`` both give ``tindaklanjut``, ``tindak`` and ``lanjut``), a stopword
        among them too (``bekerja sama`` gives ``kerjasama``)."""
        words: list[str] = []
        previous = ""
        for word in super().split(normalise(input)):
            lower = word.lower()
            stemmed = self.stem(lower)
            if joined := self._joined.get((previous, stemmed)):
                words.append(joined)
            previous = stemmed
            if lower in self.stopwords:
                continue
            words.append(word)
            if stemmed != lower:
                words.append(EXACT + lower)
            words.extend(part for part in self._parts.get(stemmed, ()) if part not in self.stopwords)
        return words

    @functools.cached_property
    def _parts(self) -> dict[str, tuple[str, str]]:
        """The stem of a compound -> its two words."""
        return {self.stem(joined): parts for joined, parts in compounds().items()}

    @functools.cached_property
    def _joined(self) -> dict[tuple[str, str], str]:
        """(stem, stem) of a compound's two words -> the compound."""
        return {(self.stem(a), self.stem(b)): a + b for a, b in compounds().values()}

    def stem(self, word: str) -> str:
        if word.startswith(EXACT):
            return word.lower()
        if word not in self._stems:
            self._stems[word] = self.stemmer.stem(word)
        return self._stems[word]

    def word_filter(self, word: str) -> bool:
        # Stopwords never reach the index (split drops them); a stem that happens to be one
        # (``bagi``) is the term of the words derived from it. Numbers are indexed, unlike in
        # Sphinx: a regulation's number or a year names what a reader looks for.
        return True


def ship_roots(app, exception) -> None:
    """Fill the roots into language_data.js once the index is complete (it is written
    before the pages are indexed): only those that the index's terms need (roots_for)."""
    indexer = getattr(app.builder, "indexer", None)
    if exception or indexer is None or not isinstance(indexer.lang, SearchIndonesian):
        return
    path = Path(app.builder.outdir, "_static", "language_data.js")
    code = path.read_text(encoding="utf-8") if path.exists() else ""
    if ROOTS_PLACEHOLDER not in code:
        return
    lang = indexer.lang
    terms = set(indexer._mapping) | set(indexer._title_mapping)
    for entries in indexer._index_entries.values():
        terms |= {lang.stem(w.lower()) for name, _, _ in entries for w in lang.split(name)}
    shipped = json.dumps(" ".join(sorted(roots_for(terms, lang.stemmer))))
    path.write_text(code.replace(ROOTS_PLACEHOLDER, shipped), encoding="utf-8")


SYNONYM_EXAMPLE = "Contoh: satu kelompok per baris, - [pantau, monitor]"


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
    import faq_schema as schema  # here: faq_schema imports this module

    try:
        node = schema.compose(schema.read_utf8(path), f"Berkas {path.name}")
    except schema.Refused as error:
        schema.warn(str(error), path, error.line + 1)
        return groups
    if node is not None and not isinstance(node, yaml.SequenceNode):
        schema.warn(f"Berkas {path.name} harus berupa daftar kelompok sinonim. {SYNONYM_EXAMPLE}", path, 1)
        return groups
    for number, group in enumerate(node.value if node is not None else [], start=1):
        line = group.start_mark.line + 1
        members = group.value if isinstance(group, yaml.SequenceNode) else [group]
        texts = [schema.text_of(path, "sinonim", member, line) for member in members]
        if None in texts:
            continue  # a yes/no, a number or a date: reported
        words: dict[str, str] = {}
        for text in texts:
            word = " ".join(normalise(text).split())
            if not word:
                continue  # empty, a list or a mapping: the group is reported below if it is short of words
            if len(word) < 2 or set(word.lower().split()) <= STOPWORDS:
                schema.warn(
                    f"'{schema.shorten(word)}' di kelompok sinonim ke-{number} adalah kata umum yang tidak pernah "
                    "dicari (seperti 'dan', 'yang') atau satu huruf, yang ada di banyak halaman. Hapus dari "
                    "kelompoknya.",
                    path,
                    line,
                )
            elif word.lower() in words:
                schema.warn(
                    f"'{schema.shorten(word)}' ditulis dua kali di kelompok sinonim ke-{number}. Hapus salah satunya.",
                    path,
                    line,
                )
            else:
                words[word.lower()] = word
        if not isinstance(group, yaml.SequenceNode) or len(words) < 2:
            schema.warn(
                f"Kelompok sinonim ke-{number} harus berupa daftar dua kata atau frasa atau lebih, dalam kurung siku. "
                f"{SYNONYM_EXAMPLE}",
                path,
                line,
            )
            continue
        groups.append(list(words.values()))
    return groups


# The current build's synonym groups, read when it starts writing (language_data.js is
# written before the pages).
_synonyms: list[list[str]] = []


def read_synonyms(app, builder) -> None:
    _synonyms[:] = synonym_groups(app)


def add_listings(app, pagename, templatename, context, doctree) -> None:
    """Once per build, when the search indexer exists: the index names the pages that are
    not questions (home, categories, keyword page), which rank below the questions, and
    gives each page's description, shown under its result instead of an excerpt fetched
    from the page (one request less per result, and nothing drawn late)."""
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
        if "faq_html" in app.extensions:
            import faq_html

            frozen["descriptions"] = [faq_html.page_description(app.env, name) for name in frozen["docnames"]]
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


@functools.cache
def stemmer_version() -> int:
    """A number that changes with the stemmer's code and data. Sphinx rebuilds every page when
    an extension's env_version changes, and drops the old search index: an incremental build
    would keep the terms that the previous stemmer gave the pages it does not write again."""
    digest = hashlib.sha1(Path(__file__).read_bytes() + ROOTS_FILE.read_bytes() + READINGS_FILE.read_bytes())
    return int(digest.hexdigest()[:8], 16)


def setup(app):
    app.add_search_language(SearchIndonesian)
    app.add_js_file(None, body=READTHEDOCS_SEARCH)
    # Groups of synonyms for the search, one list a group: [pantau, monitor].
    app.add_config_value("search_synonyms_file", "sinonim.yml", "html", types=[str])
    app.connect("write-started", read_synonyms)
    app.connect("html-page-context", add_listings)
    # Before other build-finished handlers, which may measure or cache the page's scripts.
    app.connect("build-finished", ship_roots, priority=400)
    return {
        "version": "1.0",
        "env_version": stemmer_version(),
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
