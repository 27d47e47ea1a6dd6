"""Synthetic handbooks for the benchmark: pages in the real schema, text recombined from the handbook.

A word-bigram chain over the sentences of ``docs/faq/`` writes new sentences, with the programme's
acronyms mixed in; ``projects()`` lays out our project (the real ``docs/`` minus its questions) and a
stock one over the same generated pages.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import yaml
from common import DOCS, STOCK_CONF, sentences

CATEGORIES = 20
STOCK_INDEX = "# Stock\n\n```{toctree}\n:caption: Kategori\n:glob:\n:maxdepth: 2\n\nfaq/*/index\n```\n"
# Acronyms of the programme (the glossary's terms), mixed into generated sentences.
ACRONYMS = ["P2KP", "PNPM", "BKM", "KSM", "KBP", "KBK", "KMW", "KMP", "Korkot", "RT", "RW", "LKM", "PJM"]
QUESTION_WORDS = [
    "Apa itu",
    "Apa tujuan",
    "Siapa sasaran",
    "Siapa pelaku",
    "Bagaimana",
    "Mengapa",
    "Kapan",
    "Di mana",
    "Apa manfaat",
    "Apa peran",
]


class Corpus:
    """The handbook's own sentences, keywords and words, recombined by a word-bigram chain."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.sentences, self.keywords = [], set()
        for path in sorted((DOCS / "faq").glob("*/*.md")):
            text = path.read_text(encoding="utf-8")
            meta, body = {}, text
            if text.startswith("---\n"):
                front, body = text[4:].split("\n---\n", 1)
                meta = yaml.safe_load(front) or {}
            self.keywords.update(str(k) for k in meta.get("keywords", []))
            prose = "\n".join(line.lstrip("#-*0123456789.) ") for line in body.splitlines() if "```" not in line)
            self.sentences += [s for s in sentences(prose) if len(s.split()) > 3 and s.endswith(".")]
        self.next: dict[str, list[str]] = {}
        for sentence in self.sentences:
            words = sentence.rstrip(".").split()
            for a, b in zip(["^", *words], [*words, "$"], strict=True):
                self.next.setdefault(a, []).append(b)
        self.words = sorted(
            {
                w.strip(",.:;()").lower()
                for s in self.sentences
                for w in s.split()
                if re.fullmatch(r"[a-z]{5,}", w.strip(",.:;()").lower())
            }
        )
        self.keywords = sorted(self.keywords | set(self.words[:60]))

    def sentence(self, low: int = 8, high: int = 24) -> str:
        words, word = [], "^"
        while len(words) < high:
            word = self.rng.choice(self.next[word])
            if word == "$":
                if len(words) >= low:
                    break
                word = "^"
                continue
            words.append(word)
            if self.rng.random() < 0.03:
                words.append(self.rng.choice(ACRONYMS))
        text = " ".join(words).rstrip(",;:")
        return text[0].upper() + text[1:] + "."

    def phrase(self, n: int) -> str:
        return " ".join(self.rng.choice(self.words) for _ in range(n))


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def question_page(corpus: Corpus, title: str) -> str:
    rng = corpus.rng
    keywords = rng.sample(corpus.keywords, rng.randint(3, 5)) + rng.sample(ACRONYMS, 1)
    parts = [
        "---",
        f"keywords: [{', '.join(keywords)}]",
        f"summary: {corpus.sentence(6, 14)}",
        "---",
        "",
        f"# {title}",
        "",
    ]
    for _ in range(rng.randint(2, 4)):
        parts += [" ".join(corpus.sentence() for _ in range(rng.randint(2, 4))), ""]
        if rng.random() < 0.4:
            marker = rng.choice(["-", "1."])
            parts += [f"{marker} {corpus.sentence(4, 12)}" for _ in range(rng.randint(3, 5))] + [""]
    return "\n".join(parts)


def generate(faq: Path, size: int, seed: int = 7) -> list[Path]:
    """Write `size` question pages in CATEGORIES folders under `faq`; return the question files."""
    corpus = Corpus(random.Random(seed))
    rng = corpus.rng
    names = rng.sample([w for w in corpus.words if len(w) >= 7], CATEGORIES)
    titles, pages = set(), []
    for c, name in enumerate(names):
        folder = faq / f"{c + 1:02d}-{name}"
        folder.mkdir(parents=True)
        slugs = []
        for _ in range(size // CATEGORIES + (c < size % CATEGORIES)):
            title = ""
            while not title or title.casefold() in titles:
                title = f"{rng.choice(QUESTION_WORDS)} {corpus.phrase(rng.randint(2, 4))} {rng.choice(ACRONYMS)}?"
            titles.add(title.casefold())
            slug = slugify(title)[:60].strip("-") + f"-{len(titles)}"
            (folder / f"{slug}.md").write_text(question_page(corpus, title), encoding="utf-8")
            slugs.append(slug)
            pages.append(folder / f"{slug}.md")
        (folder / "index.md").write_text(
            f"---\ndescription: {corpus.sentence(6, 12)}\n---\n\n# {name.capitalize()}\n\n{corpus.sentence()}\n\n"
            "```{toctree}\n:maxdepth: 1\n\n" + "".join(f"{s}\n" for s in slugs) + "```\n",
            encoding="utf-8",
        )
    return pages


def projects(work: Path, size: int) -> tuple[Path, Path, list[Path]]:
    """Our project (the real docs/ minus its faq/) and a stock one, over the same generated pages."""
    ours = Path(shutil.copytree(DOCS, work / "ours", ignore=shutil.ignore_patterns("faq", "_build", "__pycache__")))
    (ours / "_static").mkdir(exist_ok=True)
    pages = generate(ours / "faq", size)
    stock = work / "stock"
    shutil.copytree(ours / "faq", stock / "faq")
    (stock / "conf.py").write_text(STOCK_CONF, encoding="utf-8")
    (stock / "index.md").write_text(STOCK_INDEX, encoding="utf-8")
    return ours, stock, pages


def edit_one(src: Path, page: Path) -> None:
    path = src / page
    path.write_text(
        path.read_text(encoding="utf-8") + "\nJawaban ini diperbarui oleh pengelola program.\n", encoding="utf-8"
    )


def add_one(src: Path, page: Path) -> None:
    folder = src / page.parent
    (folder / "pertanyaan-tambahan.md").write_text(
        "---\nkeywords: [tambahan, BKM]\nsummary: Pertanyaan yang baru ditambahkan.\n---\n\n"
        "# Apa isi pertanyaan tambahan BKM?\n\nIni jawaban pertanyaan tambahan untuk BKM.\n",
        encoding="utf-8",
    )
    index = folder / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8").replace("\n```\n", "\npertanyaan-tambahan\n```\n"), encoding="utf-8"
    )


def queries_for(pages: list[Path], count: int = 50) -> list[str]:
    """Queries a reader might type: words of titles and keywords, one to three words each."""
    rng = random.Random(11)
    words = []
    for page in rng.sample(pages, min(len(pages), count)):
        text = page.read_text(encoding="utf-8")
        title = re.search(r"^# (.+)\?$", text, re.MULTILINE).group(1)
        keywords = re.search(r"^keywords: \[(.+)\]$", text, re.MULTILINE).group(1).split(", ")
        words.append(title.split()[2:] + keywords)
    return [" ".join(rng.sample(w, min(len(w), rng.randint(1, 3)))).lower() for w in (words * count)[:count]]
