"""Import one category of the old programme website's FAQ: `make impor SUMBER=<file> KATEGORI="<name>"`.

Reads a text export (UTF-8, Windows-1252 or Latin-1) or a saved .html page of the FAQ, drops the
site's chrome, and writes docs/faq/<category-slug>/index.md plus one page per question, with the
structure the first category was given by hand (ordered lists, sub-headings, nested lists).

The editor stays in control of every changed word: the only corrections are the approved ones of
koreksi.yml (each application is recorded there and reported with file and line); line-break
hyphens are joined only when hunspell-id knows the joined word and not the hyphenated one (also
reported); other doubtful words are listed as suspects with suggestions, never changed. Every page
is marked `draf: true`, which the strict build refuses until the editor has reviewed it.

    python scripts/impor.py tests/data/faq-sumber.txt --kategori "Sosialisasi" [--dry-run]

Bad input writes nothing and exits with status 2 and an Indonesian message.
"""

from __future__ import annotations

import argparse
import re
import sys
import textwrap
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import koreksi
import yaml
from bs4 import BeautifulSoup, Comment, Declaration, Doctype, ProcessingInstruction
from new_question import ROOT, Stop, create_category, question_name, slug

sys.path.insert(0, str(ROOT / "docs" / "_ext"))
from faq_glossary import _parse as parse_glossary  # noqa: E402  (needs the path above)
from faq_schema import SUMMARY_MAX, h1_lines, question_key  # noqa: E402
from faq_spelling import roots  # noqa: E402
from search_id import INVISIBLE  # noqa: E402

WIDTH = 110  # wrap answers like the hand-made pages
DICTIONARY = "id_ID"  # hunspell-id, through pyenchant (as make spelling)

# -- The old site's chrome ----------------------------------------------------------

HEADER = [
    r"Program Penanggulangan Kemiskinan di Perkotaan",
    r"PNPM[- ]Perkotaan",
    r"F ?A ?Q",
    r"[,.;:|\s]*",
    r"Selamat datang di website .*",
    r"Kata kunci\s+Kategori",
]
ADDRESS = r"Jl\. .*"  # the site's address, under its name in the footer (an answer may end with one too)
FOOTER = [
    r"PNPM Mandiri Perkotaan:",
    ADDRESS,
    r"Total pengunjung .*",
    r"pengunjung online.*",
    r"Didukung oleh:.*",
]
HEADER_LINE = re.compile("|".join(f"(?:{p})" for p in HEADER))
FOOTER_LINE = re.compile("|".join(f"(?:{p})" for p in FOOTER) + r"|\s*")

# Characters of a saved page or of text copied from a PDF that are no text of their own: the
# invisible ones (soft hyphens, zero-width spaces) are dropped, ligatures (ﬁ) spelled out.
CLEAN = dict.fromkeys(map(ord, INVISIBLE)) | {
    ord(ligature): unicodedata.normalize("NFKC", ligature) for ligature in "\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06"
}

# -- Structure of an answer -----------------------------------------------------------

QUESTION = re.compile(r"\S.*\?")
# 1.) or 1. (at most 9 digits, as a Markdown list number: a longer one stays text)
ITEM = re.compile(r"([0-9]{1,9})\.\)\s*(\S.*)|([0-9]{1,9})\.\s+(\S.*)")
SUBHEADING = re.compile(r"[A-Z]\.\s+(\S.*)")  # A. Tujuan Umum
SUBITEM = re.compile(r"([a-z])\.\s+(\S.*)")  # a. Kelompok Strategis

# -- Words -----------------------------------------------------------------------------

WORD = re.compile(r"\w+(?:-\w+)*")
HYPHENATED = re.compile(r"(?<![\w-])([^\W\d_]+)-([^\W\d_]+)(?![\w-])")
# Punctuation PUEBI writes otherwise: (pattern, what to write instead).
PUNCTUATION = [
    # (?<!\w): a match starts where a word does, not again inside a very long word.
    (re.compile(r"(?<!\w)\w+ +[:;,!?](?=\s|$)"), "tanpa spasi sebelum tanda baca"),
    (re.compile(r"(?<!\w)\w+/ +\w+"), "tanpa spasi setelah '/'"),
    (re.compile(r"\b(?:dll|dsb|dst)\b(?!\.)"), "singkatan diakhiri titik"),
]
# Forms the dictionary may accept but KBBI/PUEBI do not (lower case; the approved form as suggestion).
NON_STANDARD = {
    "propinsi": "provinsi",
    "sekedar": "sekadar",
    "menyebar luaskan": "menyebarluaskan",
    "terus menerus": "terus-menerus",
    "dimana": "di mana",
    "disini": "di sini",
    "disana": "di sana",
    "diantara": "di antara",
    "kerjasama": "kerja sama",
    "aktifitas": "aktivitas",
    "kwalitas": "kualitas",
    "praktek": "praktik",
    "resiko": "risiko",
    "ijin": "izin",
    "merubah": "mengubah",
    "himbauan": "imbauan",
    "jaman": "zaman",
    "obyek": "objek",
    "sistim": "sistem",
    "analisa": "analisis",
    "multi jalur": "multijalur",
}
STOPWORDS = set(
    re.findall(
        r"\w+",
        """yang dan di ke dari untuk dengan pada dalam atau ini itu adalah sebagai oleh akan dapat bisa juga tidak
        bukan harus para serta secara antara bagi karena hingga setiap sebuah melalui terhadap tersebut yaitu lain
        baik maupun namun sedangkan diharapkan dilakukan memiliki menjadi terdiri misalnya selanjutnya apa siapa
        bagaimana mengapa kapan berapa sendiri sekaligus demikian pula sama berlaku perlu diperlukan merupakan
        sebab akhirnya berbagai segenap masing tingkatan""",
    )
)


@dataclass
class Line:
    number: int  # in the export (or the text of the saved page)
    text: str


@dataclass
class Change:
    line: int  # export line
    before: str
    after: str
    page_line: int = 0  # filled once the page is rendered


@dataclass
class Page:
    title: str
    line: int
    answer: list[Line]
    name: str = ""
    text: str = ""
    origins: list[int | None] = field(default_factory=list)  # export line of each line of `text`
    corrections: list[tuple[Change, dict]] = field(default_factory=list)
    repairs: list[Change] = field(default_factory=list)  # export damage undone: hyphens, ' ?'
    suspects: list[tuple[int, str, list[str]]] = field(default_factory=list)  # (page line, word, suggestions)
    glued: bool = False  # the question follows an answer line with no blank line between: perhaps part of it


# -- Reading ------------------------------------------------------------------------------


def decode(data: bytes, name: str) -> tuple[str, str]:
    """The text and the encoding it was read with; empty or binary files stop the import."""
    if not data.strip():
        raise Stop(f"Berkas sumber kosong: {name}. Simpan ulang ekspor FAQ dari situs lama.")
    for bom, encoding, label in ((b"\xef\xbb\xbf", "utf-8-sig", "UTF-8"), (b"\xff\xfe", "utf-16", "UTF-16"),
                                 (b"\xfe\xff", "utf-16", "UTF-16")):  # fmt: skip
        if data.startswith(bom):
            return data.decode(encoding), label
    binary = Stop(
        f"Berkas sumber bukan teks (berisi byte biner, misalnya dari PDF, Word atau gambar): {name}. "
        "Gunakan ekspor teks (.txt) atau halaman web yang disimpan (.html)."
    )
    if b"\x00" in data:
        raise binary
    text, label = first_decoding(data, name)
    if sum(1 for char in text if ord(char) < 32 and char not in "\t\n\r\f") > len(text) / 100:
        raise binary
    return text, label


def first_decoding(data: bytes, name: str) -> tuple[str, str]:
    """Old Indonesian sites often served Windows-1252 (curly quotes in 0x91-0x94); Latin-1 decodes any byte.
    A UTF-8 file with a few stray bytes (a line pasted from elsewhere) stops at the first of them: read
    as Windows-1252, all its other letters would come out garbled."""
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as error:
        text = data.decode("utf-8", errors="replace")
        if sum(ord(char) > 127 for char in text) > 2 * text.count("\ufffd"):
            line = data[: error.start].count(b"\n") + 1
            raise Stop(
                f"Berkas sumber {name} berisi teks UTF-8, tetapi baris {line} memuat byte 0x{data[error.start]:02X} "
                "yang bukan UTF-8 (biasanya tanda kutip atau tanda pisah dari berkas lain). Ketik ulang tanda itu "
                "di baris tersebut, lalu simpan berkas sebagai UTF-8."
            ) from None
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:  # five bytes Windows-1252 leaves undefined
        return data.decode("latin-1"), "Latin-1"


def html_to_text(html: str) -> str:
    """The text of a saved FAQ page, one line per line of the site's text export."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["head", "script", "style", "noscript", "template"]):
        tag.decompose()
    for node in soup.find_all(
        string=lambda node: isinstance(node, (Comment, Declaration, Doctype, ProcessingInstruction))
    ):
        node.extract()  # <!-- ... -->, <!DOCTYPE html>: markup, not text
    for string in soup.find_all(string=True):
        string.replace_with(re.sub(r"\s+", " ", str(string)))
    questions: dict[int, bool] = {}  # per block holding a <br>: is its text one question?
    for br in soup.find_all("br"):
        # A break inside a question ("Siapa<br>pengelola dana?") is a space: the question is one line.
        block = br.find_parent(["p", "div", "li", "dt", "dd", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6"])
        if id(block) not in questions:
            text = " ".join(block.get_text(" ").split()) if block else ""
            questions[id(block)] = bool(QUESTION.fullmatch(text)) and text.count("?") == 1
        br.replace_with(" " if questions[id(block)] else "\n")
    for ordered in soup.find_all("ol"):
        # The number a browser starts at ("3", " +3", "3abc"; no number: 1). Markdown has no negative list
        # numbers: those stay text (ITEM).
        start = re.match(r"\s*([-+]?[0-9]{1,9})(?![0-9])", ordered.get("start", ""))
        # A list inside an item is lettered, as the site's text export writes sub-items (SUBITEM), so
        # that it stays under its item. Numbers past z (or below a) take the nearest letter: the
        # items stay in their list, and the number the page then shows is reported (renumbered).
        nested = ordered.find_parent("li") is not None
        for number, item in enumerate(
            ordered.find_all("li", recursive=False), start=int(start.group(1)) if start else 1
        ):
            item.insert(0, f"{chr(ord('a') + min(max(number, 1), 26) - 1) if nested else number}. ")
    # Line breaks around blocks, inside them: inserting beside a tag looks its place up among all its
    # siblings, which is slow on a page of thousands of paragraphs.
    for tag in soup.find_all(["li", "tr", "dt", "dd"]):
        tag.insert(0, "\n")
        tag.append("\n")
    for tag in soup.find_all(["td", "th"]):
        tag.append(" ")  # cells of a row are words apart
    for tag in soup.find_all(["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "section"]):
        tag.insert(0, "\n\n")
        tag.append("\n\n")
    lines = [line.strip() for line in soup.get_text().split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"


def read_export(path: Path) -> tuple[list[Line], str]:
    if not path.is_file():
        raise Stop(f'Berkas sumber tidak ditemukan: {path}. Contoh: make impor SUMBER=ekspor.txt KATEGORI="Pendanaan"')
    text, encoding = decode(path.read_bytes(), path.name)
    kind = "teks"
    if path.suffix.lower() in {".html", ".htm"} or re.match(r"\s*<(!doctype|html)", text, re.I):
        text, kind = html_to_text(text), "halaman web (baris = baris teksnya)"
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    cleaned = sum(text.count(chr(char)) for char in CLEAN)
    if cleaned:
        text = text.translate(CLEAN)
        kind += f"; {cleaned} karakter tak terlihat atau ligatur dibersihkan"
    return [Line(number, line.rstrip()) for number, line in enumerate(text.split("\n"), start=1)], f"{encoding}, {kind}"


def split_questions(lines: list[Line], name: str) -> tuple[list[Page], list[Line]]:
    """The questions with their answer lines, and the chrome lines dropped."""
    first = next((i for i, line in enumerate(lines) if QUESTION.fullmatch(line.text.strip())), None)
    if first is None:
        raise Stop(f"Tidak ada pertanyaan di {name}: pertanyaan adalah baris yang diakhiri tanda tanya '?'.")
    end = len(lines)
    while end > first + 1 and FOOTER_LINE.fullmatch(lines[end - 1].text.strip()):
        end -= 1
    # An address belongs to the footer only below the footer's first other line.
    while end < len(lines) and re.fullmatch(f"{ADDRESS}|\\s*", lines[end].text.strip()):
        end += 1
    dropped = [line for line in lines[:first] + lines[end:] if line.text.strip()]
    pages: list[Page] = []
    for line in lines[first:end]:
        if QUESTION.fullmatch(line.text.strip()):
            glued = bool(pages and pages[-1].answer and pages[-1].answer[-1].text.strip())
            pages.append(Page(" ".join(line.text.split()), line.number, [], glued=glued))
        else:
            pages[-1].answer.append(line)
    return pages, dropped


# -- Words: corrections, hyphens, suspects -----------------------------------------------------


def whole(text: str, core: str = "") -> re.Pattern:
    """`text` (or the pattern `core` standing for it) as whole words: no letter or digit glued to either end."""
    before = "(?<!\\w)" if text[0].isalnum() else ""
    after = "(?!\\w)" if text[-1].isalnum() else ""
    return re.compile(before + (core or re.escape(text)) + after)


def correct(page: Page, entries: list[dict]) -> None:
    """Apply the approved corrections, in the table's order, to the title and every answer line."""
    for entry in entries:
        pattern = whole(entry["sebelum"])
        for line in [Line(page.line, page.title), *page.answer]:
            text, count = pattern.subn(entry["sesudah"].replace("\\", "\\\\"), line.text)
            if count:
                for _ in range(count):
                    page.corrections.append((Change(line.number, entry["sebelum"], entry["sesudah"]), entry))
                if line.number == page.line:
                    page.title = text
                else:
                    line.text = text


def join_hyphens(page: Page, dictionary) -> None:
    """kemis-kinan -> kemiskinan, when only the joined form is a word (hunspell-id accepts any hyphenated pair
    of words, so mata-hari stays and is reported as a suspect)."""

    def join(match: re.Match, line: Line) -> str:
        hyphenated, joined = match.group(0), match.group(1) + match.group(2)
        if known(joined, dictionary) and not known(hyphenated, dictionary):
            page.repairs.append(Change(line.number, hyphenated, joined))
            return joined
        return hyphenated

    for line in page.answer:
        line.text = HYPHENATED.sub(lambda match, line=line: join(match, line), line.text)


def known(word: str, dictionary) -> bool:
    if word.isdigit() or dictionary.check(word) or dictionary.check(word.lower()):
        return True
    if any(char.isdigit() or char == "_" for char in word):
        return False  # P2KP: known only if the word list has it
    if "-" in word:
        return all(part and known(part, dictionary) for part in word.split("-"))
    return any(dictionary.check(root) for root in roots(word))  # prosedurnya, terintegrasi: as make spelling


def find_suspects(page: Page, dictionary) -> None:
    """Words neither hunspell-id nor the word list knows, and known non-standard forms: reported, not changed."""
    lines = page.text.split("\n")
    body = next(i for i, line in enumerate(lines) if line.startswith("# "))  # skip the front matter
    for number, line in enumerate(lines[body:], start=body + 1):
        seen, covered = set(), set()
        for form, standard in NON_STANDARD.items():
            for match in re.finditer(whole(form).pattern, line, re.IGNORECASE):
                covered.update(range(*match.span()))
                if match.group(0) not in seen:
                    seen.add(match.group(0))
                    page.suspects.append((number, match.group(0), [standard]))
        for pattern, hint in PUNCTUATION:
            page.suspects += [(number, match.group(0), [hint]) for match in pattern.finditer(line)]
        for match in HYPHENATED.finditer(line):  # left as it is, but a line break may have split it (mata-hari)
            first, second = match.group(1).lower(), match.group(2).lower()
            reduplicated = first.endswith(second) or second.endswith(first)
            if not reduplicated and known(first + second, dictionary):
                seen.add(match.group(0))
                page.suspects.append((number, match.group(0), [match.group(1) + match.group(2)]))
        for match in WORD.finditer(line):
            word = match.group(0)
            if word not in seen and match.start() not in covered and not known(word, dictionary):
                seen.add(word)
                page.suspects.append((number, word, dictionary.suggest(word)[:3]))


def locate(page: Page, change: Change, seen: Counter) -> None:
    """The line of the written page holding this change (the n-th on its export line, for repeated ones)."""
    numbers = [n for n, origin in enumerate(page.origins, start=1) if origin == change.line]
    if not numbers:
        return
    chunk = "\n".join(page.text.split("\n")[numbers[0] - 1 : numbers[-1]])
    spread = r"\s+".join(re.escape(escape(part)) for part in change.after.split())  # may be wrapped
    matches = list(whole(change.after, spread).finditer(chunk))
    index = seen[change.line, change.after]
    seen[change.line, change.after] += 1
    position = matches[min(index, len(matches) - 1)].start() if matches else 0
    change.page_line = numbers[0] + chunk[:position].count("\n")


# -- Structure and Markdown ------------------------------------------------------------------------


@dataclass
class Item:
    text: Line
    number: int  # in the source (c. is 3): a list starts at its first item's number
    paragraphs: list[Line] = field(default_factory=list)  # "... terdiri dari:" followed by its text
    items: list[Item] = field(default_factory=list)  # a. b. nested under it


def blocks(answer: list[Line]) -> list[tuple[str, Line | list[Item]]]:
    """('p', line) | ('h', line) | ('ol', [Item]): the answer's structure, as done by hand for the first category."""
    result: list[tuple] = []
    holder: Item | None = None  # the item whose "... terdiri dari:" text may follow
    for line in answer:
        text = " ".join(line.text.split())
        if not text:
            holder = None
            continue
        item, sub, heading = ITEM.fullmatch(text), SUBITEM.fullmatch(text), SUBHEADING.fullmatch(text)
        if item:
            number = int(item.group(1) or item.group(3))
            holder = Item(Line(line.number, item.group(2) or item.group(4)), number)
            if result and result[-1][0] == "ol" and number != 1:
                result[-1][1].append(holder)
            else:
                result.append(("ol", [holder]))
        elif sub and result and result[-1][0] == "ol":
            holder = Item(Line(line.number, sub.group(2)), ord(sub.group(1)) - ord("a") + 1)
            result[-1][1][-1].items.append(holder)
        elif heading:
            result.append(("h", Line(line.number, heading.group(1))))
            holder = None
        elif holder is not None and (holder.text.text.endswith(":") or holder.paragraphs):
            holder.paragraphs.append(Line(line.number, text))
        else:
            result.append(("p", Line(line.number, text)))
            holder = None
    return result


# What Markdown (MyST) reads as markup at the start of a line: a list, heading, rule, table or
# definition, a quote, a comment (%), a fence (::: ~~~), a target ((name)=).
RISKY_START = re.compile(r"(?:\d+[.)]|[-+*=|#:]+)(?:\s|$)|[>%]|:::|~~~|\(.*\)=")


def escape(text: str) -> str:
    """Characters Markdown would read as markup."""
    return re.sub(r"([\\`*_\[\]<{}])", r"\\\1", text)


def guard(text: str) -> str:
    """A line's text, its start escaped if Markdown would read it as markup (1\\) ..., \\% ...)."""
    if not RISKY_START.match(text):
        return text
    at = re.match(r"\d*", text).end()
    return text[:at] + "\\" + text[at:]


def wrap(text: str, first: str, rest: str) -> list[str]:
    """Wrap at WIDTH; never start a line with something Markdown reads as markup: a continuation line
    joins the line before, a first line is escaped."""
    lines = textwrap.wrap(
        escape(text),
        WIDTH,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )
    merged: list[str] = []
    for line in lines:
        if not merged:
            merged.append(first + guard(line[len(first) :]))
        elif RISKY_START.match(line[len(rest) :]):
            merged[-1] += " " + line[len(rest) :]
        else:
            merged.append(line)
    return merged


Output = list[tuple[str, int | None]]  # Markdown lines, each with the export line it comes from


def markdown(answer: list[Line]) -> Output:
    out: Output = []
    for kind, value in blocks(answer):
        if out:
            out.append(("", None))
        if kind == "p":
            out += [(text, value.number) for text in wrap(value.text, "", "")]
        elif kind == "h":
            out.append((f"## {escape(value.text)}", value.number))
        else:
            ordered(value, "", out)
    return out


def ordered(items: list[Item], indent: str, out: Output) -> None:
    loose = any(item.paragraphs for item in items)  # as the hand-made pages: blank lines between such items
    for number, item in enumerate(items, start=items[0].number):
        marker = f"{number}. "
        inner = indent + " " * len(marker)
        out += [(text, item.text.number) for text in wrap(item.text.text, indent + marker, inner)]
        for paragraph in item.paragraphs:
            out.append(("", None))
            out += [(text, paragraph.number) for text in wrap(paragraph.text, inner, inner)]
        if item.items:
            if item.items[0].number != 1:  # only a list from 1 may interrupt a paragraph (CommonMark)
                out.append(("", None))
            ordered(item.items, inner, out)
        if loose and item is not items[-1]:
            out.append(("", None))


def renumbered(answer: list[Line]) -> list[tuple[Line, str, str]]:
    """The list items whose number in the export is not the one the page shows, as (item, exported,
    shown): Markdown numbers a list on from its first number, so 1. 2. 5. shows as 1. 2. 3."""

    def letters(n: int) -> str:  # as a browser letters a list (lower-alpha): z., aa., ab.
        return letters((n - 1) // 26) + chr(ord("a") + (n - 1) % 26) if n > 0 else ""

    def walk(items: list[Item], lettered: bool):
        mark = (lambda n: f"{letters(n)}.") if lettered else (lambda n: f"{n}.")
        for place, item in enumerate(items):
            if item.number != items[0].number + place:
                yield item.text, mark(item.number), mark(items[0].number + place)
            yield from walk(item.items, True)

    return [found for kind, value in blocks(answer) if kind == "ol" for found in walk(value, False)]


# -- Proposals: keywords and summary ---------------------------------------------------------


def plain(answer: list[Line]) -> list[str]:
    """The answer's texts without structure markers, headings left out."""
    texts = []
    for kind, value in blocks(answer):
        if kind == "p":
            texts.append(value.text)
        elif kind == "ol":
            for item in value:
                texts += [line.text for line in (item.text, *item.paragraphs)]
                for sub in item.items:
                    texts += [line.text for line in (sub.text, *sub.paragraphs)]
    return texts


def summary(answer: list[Line]) -> str:
    """The answer's first sentence (of its first paragraph or item), shortened to fit."""
    first = (plain(answer) or [line.text for line in answer if line.text.strip()])[0]
    sentence = re.split(r"(?<=[.!?])\s+", " ".join(first.split()), maxsplit=1)[0]
    sentence = sentence[:-1].rstrip() + "." if sentence.endswith(":") else sentence
    if len(sentence) <= SUMMARY_MAX:
        return sentence
    return sentence[: SUMMARY_MAX - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def keywords(title: str, answer: list[Line], glossary: re.Pattern | None, terms: list) -> list[str]:
    text = " ".join(plain(answer))
    found: list[str] = []
    if glossary is not None:
        names = {term.name.casefold(): term.name for term in terms}
        for match in glossary.finditer(title + " " + text):
            name = names.get(match.group(0).casefold(), match.group(0))
            if name not in found:
                found.append(name)
    words = Counter(
        word.lower()
        for word in WORD.findall(title + " " + text)
        if len(word) >= 5 and word.lower() not in STOPWORDS and "-" not in word
    )
    for word, _ in words.most_common():
        if len(found) >= 6:
            break
        if word not in {name.casefold() for name in found}:
            found.append(word)
    return found[:6]


# -- The import -------------------------------------------------------------------------------------


def load_dictionary(root: Path):
    try:
        import enchant

        return enchant.DictWithPWL(DICTIONARY, str(root / "docs" / "spelling_wordlist.txt"))
    except Exception as error:  # enchant missing, or no id_ID dictionary
        raise Stop(
            f"Kamus bahasa Indonesia hunspell-id tidak tersedia ({error}). "
            "Pasang dengan: apt-get install hunspell-id enchant-2"
        ) from None


def existing_questions(faq: Path) -> dict[str, Path]:
    found = {}
    for path in sorted(faq.glob("*/*.md")):
        if path.name != "index.md":
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError as error:
                line = error.object[: error.start].count(b"\n") + 1
                raise Stop(
                    f"{path.relative_to(faq.parent.parent)} bukan teks UTF-8 (byte 0x{error.object[error.start]:02X} "
                    f"di baris {line}): simpan halaman itu sebagai UTF-8, lalu ulangi impor."
                ) from None
            for _, title in h1_lines(text)[:1]:
                found[question_key(title)] = path
    return found


@dataclass
class Plan:
    name: str  # the category's folder name
    folder: Path
    pages: list[Page]
    dropped: list[Line]  # chrome and other text outside the questions
    encoding: str
    corrections: list[dict]  # koreksi.yml, whose entries the pages refer to


def plan(source: Path, category: str, root: Path) -> Plan:
    """Read, check and convert everything; raises Stop before anything is written."""
    name = slug(category)
    if not name:
        raise Stop('Nama kategori kosong. Contoh: make impor SUMBER=ekspor.txt KATEGORI="Pendanaan"')
    folder = root / "docs" / "faq" / name
    if folder.exists():
        raise Stop(
            f"Kategori '{category}' sudah ada (docs/faq/{name}/). Pengimpor tidak pernah menimpa berkas: "
            "pilih nama kategori lain, atau tambahkan pertanyaan satu per satu dengan make new."
        )
    lines, encoding = read_export(source)
    pages, dropped = split_questions(lines, source.name)
    entries = koreksi.load(root / "koreksi.yml")
    dictionary = load_dictionary(root)
    terms, glossary = parse_glossary(root / "docs" / "istilah.yml")
    elsewhere = existing_questions(root / "docs" / "faq")
    problems: list[str] = []
    names: dict[str, Page] = {}
    titles: dict[str, Page] = {}
    for page in pages:
        correct(page, entries)
        spaced = re.search(r"(\S+)\s+\?$", page.title)  # "Apa itu Sosialisasi ?": PUEBI has no space before "?"
        if spaced:
            page.repairs.append(Change(page.line, spaced.group(0), spaced.group(1) + "?"))
            page.title = page.title[: spaced.start()] + spaced.group(1) + "?"
        join_hyphens(page, dictionary)
        where = f"'{page.title}' (baris {page.line})"
        try:
            page.name = question_name(page.title)
        except Stop as error:
            problems.append(f"{error} (baris {page.line})")
            continue
        if not any(line.text.strip() for line in page.answer):
            problems.append(f"Pertanyaan {where} tidak punya jawaban. Lengkapi ekspornya atau hapus pertanyaan itu.")
        key = question_key(page.title)
        if key in elsewhere:
            other = elsewhere[key].relative_to(root)
            problems.append(
                f"Pertanyaan {where} sudah ada di {other}. Hapus dari berkas sumber, atau gabungkan jawabannya ke "
                "halaman itu."
            )
        elif key in titles:
            problems.append(f"Pertanyaan {where} muncul dua kali (juga di baris {titles[key].line}).")
        elif page.name in names:
            problems.append(
                f"Pertanyaan {where} dan baris {names[page.name].line} menghasilkan nama berkas yang sama "
                f"{page.name}.md. Bedakan judul salah satunya di berkas sumber."
            )
        names.setdefault(page.name, page)
        titles.setdefault(key, page)
    if problems:
        raise Stop("\n  ".join(["Impor dibatalkan, tidak ada berkas yang ditulis:", *problems]))
    for page in pages:
        front = yaml.safe_dump(
            {
                "draf": True,
                "keywords": keywords(page.title, page.answer, glossary, terms),
                "summary": summary(page.answer),
            },
            allow_unicode=True,
            sort_keys=False,
            default_flow_style=None,
            width=1000,
        ).split("\n")[:-1]
        body = markdown(page.answer)
        lines = [("---", None), *((line, None) for line in front), ("---", None), ("", None)]
        lines += [(f"# {escape(page.title)}", page.line), ("", None), *body]
        page.text = "\n".join(text for text, _ in lines) + "\n"
        page.origins = [origin for _, origin in lines]
        seen: Counter = Counter()
        for change in [change for change, _ in page.corrections] + page.repairs:
            locate(page, change, seen)
        find_suspects(page, dictionary)
    return Plan(name, folder, pages, dropped, encoding, entries)


def write(category: str, plan: Plan, root: Path) -> None:
    """The category page, its questions in the export's order, and where each correction was applied."""
    create_category(plan.folder, category, f"Tanya jawab tentang {category.lower()}.")
    index = plan.folder / "index.md"
    text = index.read_text(encoding="utf-8").replace("---\n", "---\ndraf: true\n", 1)
    # A written list keeps the export's order; faq_catalog appends pages added later (by file name).
    names = "".join(f"{page.name}\n" for page in plan.pages)
    index.write_text(f"{text.rstrip()}\n\n```{{toctree}}\n---\nhidden: true\nmaxdepth: 1\n---\n{names}```\n", "utf-8")
    recorded = False
    for page in plan.pages:
        path = plan.folder / f"{page.name}.md"
        path.write_text(page.text, encoding="utf-8")
        for _, entry in page.corrections:
            if path.relative_to(root).as_posix() not in entry["diterapkan"]:
                entry["diterapkan"].append(path.relative_to(root).as_posix())
                recorded = True
    if recorded:
        koreksi.dump(plan.corrections, root / "koreksi.yml")
        koreksi.write_notes(plan.corrections, root / "EDITORIAL_NOTES.md")


def report(source: Path, category: str, plan: Plan, dry: bool) -> None:
    out = print
    name, pages, dropped = plan.name, plan.pages, plan.dropped
    out(f"Sumber: {source} ({plan.encoding})")
    chrome = [line for line in dropped if HEADER_LINE.fullmatch(line.text.strip()) or FOOTER_LINE.fullmatch(line.text)]
    if chrome:
        out("Dibuang sebagai bagian situs (kepala, kaki, penghitung pengunjung, sponsor):")
        for line in chrome:
            out(f"  baris {line.number}: {line.text.strip()}")
    for line in dropped:
        if line not in chrome:
            out(f"  PERIKSA baris {line.number}, teks sebelum pertanyaan pertama, juga dibuang: {line.text.strip()}")
    folder = f"docs/faq/{name}"
    out(("Akan ditulis" if dry else "Ditulis") + f" ({len(pages) + 1} berkas):")
    out(f'  {folder}/index.md  (kategori "{category}"; periksa deskripsinya)')
    for page in pages:
        out(f'  {folder}/{page.name}.md  "{page.title}"')
        if page.glued:
            out(
                f"    PERIKSA baris {page.line}: kalimat tanya tepat setelah jawaban, tanpa baris kosong. "
                "Jika itu bagian jawaban sebelumnya, gabungkan lagi halamannya; jika pertanyaan baru, abaikan."
            )
        for line, exported, shown in renumbered(page.answer):
            out(
                f"    PERIKSA baris {line.number}: nomor daftar {exported} tampil sebagai {shown} (daftar "
                "dinomori berurutan dari nomor pertamanya). Jika nomor itu penting, tulis ulang daftarnya."
            )
    corrections = [
        (page, change, entry)
        for page in pages
        for change, entry in sorted(page.corrections, key=lambda pair: pair[0].page_line)
    ]
    out(f"\nKoreksi dari koreksi.yml ({len(corrections)}); periksa setiap tempat, lalu konfirmasi:")
    for page, change, entry in corrections:
        out(f"  {folder}/{page.name}.md:{change.page_line}  {change.before} → {change.after}  ({entry['alasan']})")
    repairs = [(page, change) for page in pages for change in page.repairs]
    out(
        f"\nKerusakan ekspor yang diperbaiki ({len(repairs)}): tanda hubung pemenggalan baris (hunspell-id mengenal "
        "bentuk gabungannya) dan spasi sebelum '?' di judul; periksa:"
    )
    for page, change in repairs:
        out(f"  {folder}/{page.name}.md:{change.page_line}  {change.before} → {change.after}")
    suspects = [(page, *suspect) for page in pages for suspect in page.suspects]
    out(f"\nKata yang perlu diperiksa ({len(suspects)}); tidak diubah. Perbaiki di halaman dan catat di koreksi.yml,")
    out("atau tambahkan ke docs/spelling_wordlist.txt jika kata itu benar:")
    for page, line, word, suggestions in suspects:
        hint = ", ".join(suggestions) if suggestions else "tidak ada saran"
        out(f"  {folder}/{page.name}.md:{line}  {word}  → saran: {hint}")
    out("\nKata kunci (keywords) dan ringkasan (summary) di front matter setiap halaman adalah usulan: periksa.")
    if dry:
        out("\nUji coba (--dry-run): tidak ada berkas yang ditulis.")
    else:
        out("Setiap halaman bertanda 'draf: true'; build ketat gagal sampai tanda itu dihapus setelah diperiksa.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Impor satu kategori FAQ dari ekspor situs lama.")
    parser.add_argument("sumber", type=Path, help="ekspor teks (.txt) atau halaman web tersimpan (.html)")
    parser.add_argument("--kategori", required=True, help='nama kategori, misalnya "Sosialisasi"')
    parser.add_argument("--dry-run", action="store_true", help="tampilkan rencananya saja, tanpa menulis berkas")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    category = " ".join(args.kategori.split())
    try:
        planned = plan(args.sumber, category, args.root)
    except (Stop, ValueError) as error:
        print(f"Gagal: {error}", file=sys.stderr)
        return 2
    if not args.dry_run:
        write(category, planned, args.root)
    report(args.sumber, category, planned, args.dry_run)
    return 0


if __name__ == "__main__":
    sys.exit(main())
