"""Real-world Indonesian corpora for the search evaluation, from Debian packages nobody here wrote.

GNOME's user help in Indonesian: Debian's ``gnome-user-docs`` package ships the GNOME desktop help translated by GNOME's
Indonesian translators (about 290 Mallard pages under ``/usr/share/help/id/gnome-help``;
CC BY-SA 3.0). Nobody in this project wrote it, nor its queries: each page's own
description (``<info><desc>``, a human-written sentence such as "Menemukan berkas
berdasarkan tipe dan nama berkas.") is a query whose answer is that page. The description
is left out of the page, so that it is not found verbatim.

The package is used where installed; otherwise ``apt-get download`` fetches it (8 MB) into
the cache folder and ``dpkg-deb`` unpacks it there. Nothing of it is committed.

GNOME's applications have Indonesian help of their own (gedit, Evince, Evolution, Seahorse
and 33 more, each in its Debian package): a third corpus, the pages of them all as one site
(about 480 translated pages, their names prefixed with their application's), queried by their
descriptions as GNOME's user help is. A page still in English, or with a description most of
whose words hunspell-id does not know, is left out.

LibreOffice's help in Indonesian (Debian's ``libreoffice-help-id``, MPL-2.0): the how-to
guides of every module, those translated into Indonesian (about 330 pages). Their queries
are the help's own index entries (``<bookmark_value>``, written by LibreOffice's authors and
translators: "mengenali URL secara otomatis"): for each page, one entry that names no other
page and that is Indonesian (most of its words known to hunspell-id), chosen by a hash of
its text; the page's other such entries are more queries, reported apart for the held-out
half (about 500: worded as the entries of a long page are, often in other words than its
text). The entries are not part of the page's text.

The pages keep the help's links between them as references, the way the help shows them:
links in the text (an empty Mallard link shows the title of the page it leads to), the
lists GNOME's help draws on each page (a guide's topics, a topic's guides, "see also"
links, never with their descriptions) and LibreOffice's related topics.

Queries are split in two halves by a hash of the page name: ``dev`` for tuning the ranking,
``test`` for reporting (never tuned on).
"""

from __future__ import annotations

import hashlib
import random
import re
import shutil
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

PACKAGE = "gnome-user-docs"
HELP = Path("usr/share/help/id/gnome-help")
MALLARD = "{http://projectmallard.org/1.0/}"
RST_SPECIAL = re.compile(r"([\\`*_|\[\]<>:])")


@dataclass
class Page:
    name: str
    title: str
    sections: list[tuple[str, str]]  # (heading, text); the first heading is empty
    description: str
    # More queries of the page, reported apart (LibreOffice's other index entries).
    more: tuple[str, ...] = ()


def package_dir(cache: Path, package: str, folder: Path) -> Path:
    """A folder of a Debian package: installed, or downloaded and unpacked into cache."""
    installed = Path("/") / folder
    if installed.is_dir():
        return installed
    unpacked = cache / package
    if not (unpacked / folder).is_dir():
        cache.mkdir(parents=True, exist_ok=True)
        subprocess.run(["apt-get", "download", package], cwd=cache, check=True, capture_output=True)
        deb = next(cache.glob(f"{package}_*.deb"))
        subprocess.run(["dpkg-deb", "-x", str(deb), str(unpacked)], check=True)
        deb.unlink()
    return unpacked / folder


def help_dir(cache: Path) -> Path:
    """The Indonesian GNOME help pages."""
    return package_dir(cache, PACKAGE, HELP)


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


# A link kept in a page's text, written as the help shows it: LINK_START target LINK_MID text
# LINK_END (write_project makes it a reference when the target is a page of the corpus).
LINK_START, LINK_MID, LINK_END = "\x01", "\x02", "\x03"
LINK = re.compile(f"{LINK_START}([^{LINK_MID}]*){LINK_MID}([^{LINK_END}]*){LINK_END}")


def link(target: str, text: str) -> str:
    return f"{LINK_START}{target}{LINK_MID}{text}{LINK_END}"


def plain(text: str) -> str:
    """A page's text as read, its links reduced to their text."""
    return LINK.sub(r"\2", text)


def _link_title(root) -> str:
    """What links to a Mallard page show: its title for links, else its title."""
    info = root.find(f"{MALLARD}info")
    titles = [t for t in info.findall(f"{MALLARD}title") if t.get("type") == "link"] if info is not None else []
    title = titles[0] if titles else root.find(f"{MALLARD}title")
    return _text(title) if title is not None else ""


def _mallard_text(element, titles: dict[str, str]) -> str:
    """An element's text with its links (any element with an xref) kept; a link without text
    shows the title of the page it links to, as the help does."""

    def walk(node) -> str:
        inner = (node.text or "") + "".join(walk(child) + (child.tail or "") for child in node)
        target = node.get("xref", "").split("#")[0]
        if target and target in titles:
            return link(target, " ".join(inner.split()) or titles[target])
        return inner

    return " ".join(walk(element).split())


def _info_links(root, kind: str) -> list[str]:
    info = root.find(f"{MALLARD}info")
    found = info.findall(f"{MALLARD}link") if info is not None else []
    return [x.get("xref", "").split("#")[0] for x in found if x.get("type") == kind and x.get("xref")]


def parse(path: Path, titles: dict[str, str] | None = None, lists: dict[str, list[str]] | None = None) -> Page | None:
    """A Mallard page. titles (page -> what links to it show) keeps its links; lists (page ->
    the pages its link lists name: a guide's topics, the pages it should be seen with, the
    guides it belongs to) adds those lists, as the help renders them."""
    titles = titles or {}
    root = ElementTree.parse(path).getroot()
    info = root.find(f"{MALLARD}info")
    desc = info.find(f"{MALLARD}desc") if info is not None else None
    title = root.find(f"{MALLARD}title")
    if desc is None or title is None or not _text(desc) or not _text(title):
        return None
    sections = []

    def walk(element, heading: str) -> None:
        blocks = []
        for child in element:
            tag = child.tag.removeprefix(MALLARD)
            if tag in ("info", "title"):
                continue
            if tag == "section":
                sub = child.find(f"{MALLARD}title")
                walk(child, _text(sub) if sub is not None else "")
            elif text := _mallard_text(child, titles):
                blocks.append(text)
        sections.append((heading, "\n\n".join(blocks)))

    walk(root, "")
    sections.sort(key=lambda section: section[0] != "")  # the page's own text first
    listed = [link(target, titles[target]) for target in (lists or {}).get(path.stem, []) if target in titles]
    if listed:
        heading, text = sections[0]
        sections[0] = (heading, "\n\n".join(filter(None, [text, *listed])))
    return Page(path.stem, _text(title), sections, _text(desc))


def pages(cache: Path) -> list[Page]:
    return mallard_pages(help_dir(cache))


def mallard_pages(folder: Path) -> list[Page]:
    """The pages of one Mallard help, as the help shows them."""
    paths = sorted(folder.glob("*.page"))
    roots = {path.stem: ElementTree.parse(path).getroot() for path in paths}
    titles = {name: _link_title(root) for name, root in roots.items()}
    # The link lists Mallard draws on each page: each guide, topic and "see also" link shows on
    # both of its pages (a guide lists its topics, a topic names its guides).
    lists: dict[str, list[str]] = {name: [] for name in roots}
    for name, root in roots.items():
        for kind in ("guide", "topic", "seealso"):
            for other in _info_links(root, kind):
                lists[name].append(other)
                lists.setdefault(other, []).append(name)
    lists = {name: list(dict.fromkeys(t for t in targets if t != name)) for name, targets in lists.items()}
    found = (parse(path, titles, lists) for path in paths)
    return [page for page in found if page]


# Function words, to tell a translated page from one left in English.
INDONESIAN = frozenset("yang dan di untuk anda ini dengan pada dari dalam atau akan dapat tidak ke".split())  # noqa: SIM905
ENGLISH = frozenset("the and to of is in for you this with on from or can be not a".split())  # noqa: SIM905


def indonesian(words: list[str]) -> bool:
    """Whether lowercase words read as Indonesian rather than English."""
    return sum(w in INDONESIAN for w in words) > 3 * sum(w in ENGLISH for w in words)


def letters(text: str) -> list[str]:
    """A text's words, lowercase, numbers left out."""
    return [w.lower() for w in re.findall(r"[^\W\d_]+", text)]


def mostly_known(texts: Iterable[str]) -> Callable[[str], bool]:
    """Whether most words of a text (one of texts) are known to hunspell-id: one spelling
    check of all their words (hunspell -l lists the unknown)."""
    words = {w for text in texts for w in letters(text)}
    result = subprocess.run(
        ["hunspell", "-d", "id_ID", "-l", "-i", "utf-8"],
        input="\n".join(sorted(words)) + "\n",
        capture_output=True,
        text=True,
        check=True,
    )
    known = words - set(result.stdout.split())
    return lambda text: 2 * sum(w in known for w in letters(text)) > len(letters(text))


# -- GNOME's applications' help ------------------------------------------------------------

# Each application's Indonesian help (folder under usr/share/help/id) -> its Debian package.
APPS = {
    "accerciser": "accerciser", "atril": "atril-common", "baobab": "baobab", "brasero": "brasero-common",
    "cheese": "cheese-common", "eog": "eog", "epiphany": "epiphany-browser-data", "evince": "evince-common",
    "evolution": "evolution-common", "file-roller": "file-roller", "gedit": "gedit-common",
    "gnome-boxes": "gnome-boxes", "gnome-calculator": "gnome-calculator", "gnome-clocks": "gnome-clocks",
    "gnome-dictionary": "gnome-dictionary", "gnome-logs": "gnome-logs", "gnome-mahjongg": "gnome-mahjongg",
    "gnome-music": "gnome-music", "gnome-photos": "gnome-photos", "gnome-sudoku": "gnome-sudoku",
    "gnome-system-monitor": "gnome-system-monitor", "gnome-terminal": "gnome-terminal-data",
    "gnome-tetravex": "gnome-tetravex", "gnote": "gnote", "gthumb": "gthumb-data", "hitori": "hitori",
    "lightsoff": "lightsoff", "orca": "orca", "polari": "polari", "quadrapassel": "quadrapassel",
    "seahorse": "seahorse", "shotwell": "shotwell-common", "simple-scan": "simple-scan",
    "swell-foop": "swell-foop", "system-admin-guide": "gnome-user-docs", "totem": "totem-common",
    "vinagre": "vinagre",
}  # fmt: skip


def app_pages(cache: Path) -> list[Page]:
    """Every application's help as one site, each page named after its application
    (gedit-index). A page left in English (untranslated strings stay English), or whose
    description is not Indonesian (most of its words unknown to hunspell-id), is left out."""
    found = []
    for app, package in APPS.items():
        for page in mallard_pages(package_dir(cache, package, Path("usr/share/help/id") / app)):
            prefix = f"{app}-"  # the links lead to the pages of the same help
            page.sections = [(h, LINK.sub(lambda m, p=prefix: link(p + m[1], m[2]), t)) for h, t in page.sections]
            page.name = prefix + page.name
            found.append(page)
    described = mostly_known(page.description for page in found)

    def translated(page: Page) -> bool:
        text = [w.lower() for _, t in page.sections for w in re.findall(r"\w+", plain(t))]
        return indonesian(text) and described(page.description)

    return [page for page in found if translated(page)]


# -- LibreOffice's help -------------------------------------------------------------------

LO_PACKAGE = "libreoffice-help-id"
LO_HELP = Path("usr/share/libreoffice/help/id/text")
BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "th", "pre"}
GUIDE_LINK = re.compile(r"id/text/(\w+)/guide/(\w+)\.html(?:#.*)?")


class _HelpPage(HTMLParser):
    """A LibreOffice help page: its index entries and its blocks of text (tag, text), from
    the display area to the end of its related topics (links to other pages); the blocks
    before those are the page's own. Links to the how-to guides are kept (see link)."""

    def __init__(self) -> None:
        super().__init__()
        self.inside = self.done = False
        self.keywords: list[str] = []
        self.blocks: list[tuple[str, str]] = []
        self.own: int | None = None  # how many blocks are the page's own
        self._block: tuple[str, list[str]] | None = None
        self._link = False

    def handle_starttag(self, tag, attrs) -> None:
        attrs = dict(attrs)
        self.inside = self.inside or attrs.get("id") == "DisplayArea"
        if not self.inside or self.done:
            return
        if attrs.get("id") == "SearchFrame":
            self.done = True
        elif attrs.get("class") == "relatedtopics" and self.own is None:
            self.own = len(self.blocks)
        elif tag == "meta" and attrs.get("itemprop") == "keywords" and self.own is None:
            self.keywords.append(attrs.get("content") or "")
        elif tag in BLOCKS and self._block is None:
            self._block = (tag, [])
        elif tag == "a" and self._block and (target := re.fullmatch(GUIDE_LINK, attrs.get("href") or "")):
            self._block[1].append(LINK_START + "-".join(target.groups()) + LINK_MID)
            self._link = True

    def handle_endtag(self, tag) -> None:
        if self._link and tag in ("a", self._block[0]):
            self._block[1].append(LINK_END)
            self._link = False
        if self._block and tag == self._block[0]:
            if text := " ".join("".join(self._block[1]).split()):
                self.blocks.append((tag, text))
            self._block = None

    def handle_data(self, data) -> None:
        if self._block and not self.done:
            self._block[1].append(data)


def _entry(keyword: str) -> str:
    """An index entry as a query: "URL,mematikan rekognisi URL" -> "URL mematikan rekognisi URL"."""
    return " ".join(keyword.replace(",", " ").replace(";", " ").split())


def libreoffice_pages(cache: Path) -> list[Page]:
    """The translated how-to guides, each with one of its own index entries as its query."""
    found = []
    for path in sorted(package_dir(cache, LO_PACKAGE, LO_HELP).glob("*/guide/*.html")):
        parser = _HelpPage()
        parser.feed(path.read_text(encoding="utf-8"))
        own = parser.blocks[: parser.own]
        words = [w.lower() for _, text in own for w in re.findall(r"\w+", plain(text))]
        headings = [i for i, (tag, _) in enumerate(own) if tag[0] == "h"]
        if not (indonesian(words) and len(words) >= 40 and headings and parser.blocks[0][0] == "h1"):
            continue
        sections, heading, texts = [], "", []
        for tag, text in parser.blocks[1:]:
            if tag[0] == "h":
                sections.append((heading, "\n\n".join(texts)))
                heading, texts = text, []
            else:
                texts.append(text)
        sections.append((heading, "\n\n".join(texts)))
        name = f"{path.parent.parent.name}-{path.stem}"
        entries = [_entry(k) for k in parser.keywords if "lihat juga" not in k.lower()]
        found.append((Page(name, parser.blocks[0][1], sections, ""), [e for e in entries if e]))
    counts: dict[str, int] = {}
    for _, entries in found:
        for entry in set(entries):
            counts[entry.lower()] = counts.get(entry.lower(), 0) + 1
    indonesian_entry = mostly_known(entry for _, entries in found for entry in entries)

    def usable(entry: str) -> bool:
        return counts[entry.lower()] == 1 and indonesian_entry(entry)

    corpus = []
    for page, entries in found:
        if chosen := sorted((e for e in entries if usable(e)), key=lambda e: hashlib.sha1(e.encode()).digest()):
            page.description, page.more = chosen[0], tuple(chosen[1:])
            corpus.append(page)
    return corpus


def _rst(text: str, names: frozenset[str] = frozenset()) -> str:
    """Text as reStructuredText; its links to the pages in names as references (a link's
    text keeps no backquotes or angle brackets, which would end the reference)."""
    parts = LINK.split(text)
    out = [RST_SPECIAL.sub(r"\\\1", part) for part in parts[::3]]
    for i, (target, shown) in enumerate(zip(parts[1::3], parts[2::3], strict=True)):
        shown = _rst(re.sub(r"[`<>]", "", shown).strip())
        reference = f"\\ :doc:`{shown} <{target}>`\\ " if target in names and shown else shown
        out[i] += reference
    return "".join(out)


def write_project(corpus: list[Page], target: Path, conf: str) -> None:
    """One reStructuredText page per help page, and a root page listing them all (not
    index.rst: the help has an index page of its own)."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    (target / "conf.py").write_text(conf + 'root_doc = "daftar"\n', encoding="utf-8")
    (target / "daftar.rst").write_text(
        "Bantuan\n=======\n\n.. toctree::\n   :hidden:\n   :glob:\n\n   *\n", encoding="utf-8"
    )
    names = frozenset(page.name for page in corpus)
    for page in corpus:
        title = _rst(page.title)
        lines = [title, "=" * (len(title) + 4), ""]
        for heading, text in page.sections:
            if heading:
                heading = _rst(heading)
                lines += [heading, "-" * (len(heading) + 4), ""]
            lines += [_rst(text, names), ""]
        (target / f"{page.name}.rst").write_text("\n".join(lines), encoding="utf-8")


def split(name: str) -> str:
    return "dev" if hashlib.sha1(name.encode()).digest()[0] % 2 == 0 else "test"


def queries(corpus: list[Page]) -> list[tuple[str, str, str]]:
    """(class, query, expected page): each page's description, when no other page shares it;
    then the more queries of the test half's pages, as the class "more (test)"."""
    counts: dict[str, int] = {}
    for page in corpus:
        counts[page.description] = counts.get(page.description, 0) + 1
    rows = [(split(page.name), page.description, page.name) for page in corpus if counts[page.description] == 1]
    return rows + [
        ("more (test)", query, page.name) for page in corpus if split(page.name) == "test" for query in page.more
    ]


EDITS = ("delete", "insert", "substitute", "transpose")


def misspell(word: str, rng: random.Random) -> str:
    """One random edit (deletion, insertion, substitution or transposition of letters) inside the word."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    i = rng.randrange(1, len(word) - 1)
    edit = rng.choice(EDITS)
    if edit == "delete":
        return word[:i] + word[i + 1 :]
    if edit == "insert":
        return word[:i] + rng.choice(letters) + word[i:]
    if edit == "substitute":
        return word[:i] + rng.choice(letters.replace(word[i], "")) + word[i + 1 :]
    return word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :] if word[i] != word[i - 1] else word[:i] + word[i + 1 :]


def typo_queries(rows: list[tuple[str, str, str]], known: set[str], seed: int = 11) -> list[tuple[str, str, str]]:
    """Each query with its longest word (five letters or more) misspelt by one random edit,
    reproducibly (fixed seed); an edit that makes another real word is drawn again."""
    rng = random.Random(seed)
    typos = []
    for kind, query, expected in rows:
        words = re.findall(r"\w+", query)
        longest = max(words, key=len)
        if len(longest) < 5:
            continue
        for _ in range(20):
            wrong = misspell(longest.lower(), rng)
            if wrong not in known:
                typos.append((f"typo ({kind})", query.replace(longest, wrong, 1), expected))
                break
    return typos
