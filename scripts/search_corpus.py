"""A real-world Indonesian corpus for the search evaluation: GNOME's user help in Indonesian.

Debian's ``gnome-user-docs`` package ships the GNOME desktop help translated by GNOME's
Indonesian translators (about 290 Mallard pages under ``/usr/share/help/id/gnome-help``;
CC BY-SA 3.0). Nobody in this project wrote it, nor its queries: each page's own
description (``<info><desc>``, a human-written sentence such as "Menemukan berkas
berdasarkan tipe dan nama berkas.") is a query whose answer is that page. The description
is left out of the page, so that it is not found verbatim.

The package is used where installed; otherwise ``apt-get download`` fetches it (8 MB) into
the cache folder and ``dpkg-deb`` unpacks it there. Nothing of it is committed.

Queries are split in two halves by a hash of the page name: ``dev`` for tuning the ranking,
``test`` for reporting (never tuned on).
"""

from __future__ import annotations

import hashlib
import random
import re
import shutil
import subprocess
from dataclasses import dataclass
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


def help_dir(cache: Path) -> Path:
    """The Indonesian GNOME help pages: installed, or downloaded and unpacked into cache."""
    installed = Path("/") / HELP
    if installed.is_dir():
        return installed
    unpacked = cache / "gnome-user-docs"
    if not (unpacked / HELP).is_dir():
        cache.mkdir(parents=True, exist_ok=True)
        subprocess.run(["apt-get", "download", PACKAGE], cwd=cache, check=True, capture_output=True)
        deb = next(cache.glob(f"{PACKAGE}_*.deb"))
        subprocess.run(["dpkg-deb", "-x", str(deb), str(unpacked)], check=True)
        deb.unlink()
    return unpacked / HELP


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def parse(path: Path) -> Page | None:
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
            elif text := _text(child):
                blocks.append(text)
        sections.append((heading, "\n\n".join(blocks)))

    walk(root, "")
    sections.sort(key=lambda section: section[0] != "")  # the page's own text first
    return Page(path.stem, _text(title), sections, _text(desc))


def pages(cache: Path) -> list[Page]:
    found = (parse(path) for path in sorted(help_dir(cache).glob("*.page")))
    return [page for page in found if page]


def _rst(text: str) -> str:
    return RST_SPECIAL.sub(r"\\\1", text)


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
    for page in corpus:
        title = _rst(page.title)
        lines = [title, "=" * (len(title) + 4), ""]
        for heading, text in page.sections:
            if heading:
                heading = _rst(heading)
                lines += [heading, "-" * (len(heading) + 4), ""]
            lines += [_rst(text), ""]
        (target / f"{page.name}.rst").write_text("\n".join(lines), encoding="utf-8")


def split(name: str) -> str:
    return "dev" if hashlib.sha1(name.encode()).digest()[0] % 2 == 0 else "test"


def queries(corpus: list[Page]) -> list[tuple[str, str, str]]:
    """(class, query, expected page): each page's description, when no other page shares it."""
    counts: dict[str, int] = {}
    for page in corpus:
        counts[page.description] = counts.get(page.description, 0) + 1
    return [(split(page.name), page.description, page.name) for page in corpus if counts[page.description] == 1]


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
