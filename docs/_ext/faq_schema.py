"""The question-page schema and safe content, checked during every (strict) build.

A question page is ``docs/faq/<kategori>/<nama-berkas>.md`` in a category folder that
has an ``index.md``. It starts with YAML front matter holding ``keywords`` (a non-empty
list of short texts) and ``summary`` (one short sentence), has exactly one H1 that is the
question (ending in ``?``), and an answer under it. A category's ``index.md`` has an H1,
its name, and may have a ``description`` (a sentence). Front matter is plain: each field
once, with a value of the type the field needs, and no YAML anchors or aliases. No page
may carry raw HTML (``<script>``, ``<iframe>``, ``on…=`` handlers, the ``{raw}``
directive…) or read files outside ``docs/`` with ``{include}``/``{literalinclude}``: a
merged pull request must not be able to put script on the site.

Every problem is a warning at ``(docname, line)`` whose message, in Indonesian, says
what to change, so ``-W`` fails the build and the contributor knows where and why.
Per-page checks run while the page is read; checks that need every page (duplicate
questions, category folders, files read from outside ``docs/``) run once at
``env-check-consistency``, from the catalog (faq_catalog).

A question page's front matter and title are checked from what MyST and the catalog
already parsed (``env.metadata``, the page's sections, ``Question.line``); only a page
that does not plainly pass is parsed again here, for the line numbers of its messages.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import faq_catalog as catalog
import search_id
import yaml
from docutils import nodes
from markdown_it import MarkdownIt
from mdit_py_plugins.colon_fence import colon_fence_plugin
from mdit_py_plugins.front_matter import front_matter_plugin
from sphinx.util import logging

logger = logging.getLogger(__name__)

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
SUMMARY_MAX = 200  # characters; the summary is shown as one line under the question
# The handbook's questions have 5 to 7 keywords of at most 25 characters, and the importer proposes 6; the
# longest expansion in the glossary (istilah.yml), a good keyword, has 58 characters. Beyond these limits a
# keyword is a sentence, or the list a page's text: the keyword page and each question's keyword line stay short.
KEYWORDS_MAX = 20
KEYWORD_MAX = 60  # characters
TEXT = "tag:yaml.org,2002:str"  # what YAML reads as text
# What YAML reads a plain value as instead of text (by its tag's last part), named in the message.
READ_AS = {"bool": "ya/tidak (boolean)", "int": "angka", "float": "angka", "timestamp": "tanggal"}
# The scaffold (scripts/new_question.py) writes this where the answer goes.
PLACEHOLDER = "Tulis jawaban di sini."
# Files that run script when opened from the site; SVG only if it holds script.
ACTIVE = {".html", ".htm", ".xhtml", ".js", ".mjs"}
SVG_SCRIPT = re.compile(r"<script|<foreignObject|\bon[a-z]+\s*=|javascript:", re.IGNORECASE)
# MyST writes a hard line break (a line ending in a backslash) as this pair of raw nodes.
HARD_BREAK = {("html", "<br />\n"), ("latex", "\\\\\n")}
EXAMPLE = "Contoh: keywords: [sosialisasi, pemberdayaan] dan summary: Satu kalimat ringkas jawabannya."

_markdown = MarkdownIt("commonmark").use(front_matter_plugin).use(colon_fence_plugin)
_resolver = yaml.resolver.Resolver()


def warn(message: str, docname: str | Path, line: int | None = None) -> None:
    """A warning at a page's line, or at a line of a data file (istilah.yml) given by its path."""
    location = f"{docname}:{line or 1}" if isinstance(docname, Path) else (docname, line)
    logger.warning(message, location=location, type="faq", subtype="schema")


def shorten(text: str, limit: int = 60) -> str:
    """`text` as quoted in a message: cut with an ellipsis when longer than `limit`."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def reads_as_text(value: str) -> bool:
    """True if YAML reads `value`, written plainly, as text (not as null, yes/no, a number or a date)."""
    return _resolver.resolve(yaml.ScalarNode, value, (True, False)) == TEXT


def question_key(title: str) -> str:
    """A question as compared for duplicates: spaces, case and invisible characters (soft hyphen,
    zero-width space) ignored, compatibility forms folded, as the search reads them."""
    return "".join(search_id.normalise(title).split()).casefold()


def front_matter(text: str) -> tuple[str, int] | None:
    """The front matter block and the line its first key is on, or None if the page has none."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None
    for end, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return "\n".join(lines[1:end]), 2
    return "\n".join(lines[1:]), 2


class Refused(ValueError):
    """A contributor's file that cannot be read as it is: the message says why, in Indonesian; `line` counts from 0."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


def read_utf8(path: Path) -> str:
    """A file's text (a BOM is no text); Refused, at the line of its first bad byte, if it is not UTF-8."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise Refused(
            "Berkas ini tidak tersimpan dalam encoding UTF-8 (ada byte tidak sah di baris ini). "
            "Simpan ulang berkas sebagai UTF-8 di editor Anda.",
            data[: error.start].count(b"\n"),
        ) from None


def compose(text: str, subject: str) -> yaml.Node | None:
    """`text` as YAML nodes, which keep each value's line and its tag (what YAML reads a plain value as);
    None if it holds nothing. Refused, with a message that begins with `subject` (what the text is), if it
    is not valid YAML, is nested deeper than the parser can go, or uses anchors or aliases (&name, *name),
    which let a few lines repeat a value thousands of times: no file of the handbook needs them."""
    node = None
    try:
        tokens = yaml.scan(text, Loader=yaml.SafeLoader)
        anchor = next((t for t in tokens if isinstance(t, (yaml.AnchorToken, yaml.AliasToken))), None)
        if anchor is None:
            node = yaml.compose(text, Loader=yaml.SafeLoader)
            yaml.safe_load(text)  # also rejects what only fails on loading (unknown tags, dates like 2021-99-99)
    except RecursionError:
        raise Refused(
            f"{subject} bersarang terlalu dalam: terlalu banyak kurung [ ] atau {{ }} di dalam kurung. Tulis setiap "
            "daftar dalam satu pasang kurung, tanpa kurung di dalamnya.",
            0,
        ) from None
    except (yaml.YAMLError, ValueError) as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None) or _unloadable(node)
        position = getattr(error, "position", None)  # a character YAML cannot read has a position, no mark
        problem = getattr(error, "problem", None) or getattr(error, "reason", None) or str(error)
        raise Refused(
            f"{subject} bukan YAML yang sah: {problem}. Periksa titik dua setelah nama kolom, tanda kurung siku [ ] "
            "dan tanda kutip.",
            mark.line if mark else text.count("\n", 0, position) if position is not None else 0,
        ) from None
    if anchor is not None:
        sign = "&" if isinstance(anchor, yaml.AnchorToken) else "*"
        raise Refused(
            f"{subject} tidak boleh memakai anchor atau alias YAML ({sign}{shorten(anchor.value)}). Tulis setiap "
            "nilai apa adanya; jika tanda & atau * itu bagian dari teks, tulis nilainya dalam tanda kutip.",
            anchor.start_mark.line,
        )
    return node


def _unloadable(node: yaml.Node | None) -> yaml.Mark | None:
    """Where the first value is that YAML parses but cannot load (a date like 2021-99-99), whose error has none."""
    constructor = yaml.constructor.SafeConstructor()
    pending = [node] if node is not None else []
    for current in pending:  # grows as it goes: every node of the tree
        if isinstance(current, yaml.ScalarNode):
            try:
                constructor.construct_object(current)
            except ValueError:
                return current.start_mark
        else:
            pending += [child for item in current.value for child in (item if isinstance(item, tuple) else [item])]
    return None


def duplicate_keys(node: yaml.MappingNode) -> list[tuple[str, int, int]]:
    """(name, line, line of its first occurrence) of each key written again in a mapping; lines count from 0."""
    first: dict[str, int] = {}
    again = []
    for key, _ in node.value:
        name, line = str(key.value), key.start_mark.line
        if name in first:
            again.append((name, line, first[name]))
        first.setdefault(name, line)
    return again


def h1_lines(text: str) -> list[tuple[int, str]]:
    """(line, text) of each top-level H1, as the Markdown parser sees it (code blocks ignored)."""
    tokens = _markdown.parse(text)
    return [
        (token.map[0] + 1, tokens[i + 1].content.strip())
        for i, token in enumerate(tokens)
        if token.type == "heading_open" and token.tag == "h1" and token.level == 0
    ]


# -- While reading ------------------------------------------------------------


def check_encoding(app, env, docnames: list[str]) -> None:
    """A page that is not UTF-8 is reported with its line and not read (Sphinx would stop with no file name)."""
    for docname in list(docnames):
        try:
            read_utf8(env.doc2path(docname))
        except Refused as error:
            warn(str(error), docname, error.line + 1)
            docnames.remove(docname)
            env.found_docs.discard(docname)


def check_source(app, docname: str, source: list[str]) -> None:
    if catalog.is_question(docname):
        check_file_name(app, docname)
        return  # front matter and title: check_question_page, once MyST has parsed them
    text = source[0]
    titles = h1_lines(text)
    looks_like_question = any(title.endswith("?") for _, title in titles)
    outside = not catalog.is_question(docname) and not catalog.is_category(docname)
    if outside and (docname.startswith("faq/") or looks_like_question):
        warn(
            "Halaman pertanyaan harus berada di dalam folder kategori: "
            "docs/faq/<kategori>/<nama-berkas>.md (folder kategori berisi index.md). "
            "Pindahkan berkas ke sana.",
            docname,
            1,
        )
    if docname.startswith("faq/"):
        check_file_name(app, docname)
    fields = check_front_matter(docname, text, required=False)
    check_draft(docname, fields)
    if catalog.is_category(docname):
        check_category(docname, titles, fields)


def check_question_page(app, docname: str, doctree: nodes.document) -> None:
    """Front matter and title of a question page; its source is parsed again only if they do not plainly pass."""
    text = app.env.doc2path(docname).read_text(encoding="utf-8-sig")  # as Sphinx reads it: a BOM is no text
    if _plainly_right(app.env, docname, doctree, text):
        return
    fields = check_front_matter(docname, text, required=True)
    check_draft(docname, fields)
    check_fields(docname, fields)
    check_title(docname, h1_lines(text))


def _plainly_right(env, docname: str, doctree: nodes.document, text: str) -> bool:
    """True only where the checks above would find nothing: MyST read the front matter (so it is
    valid YAML), it holds only keywords, a flow list of short words, and summary, a short sentence,
    each once and with no anchor or alias, and the page has one section whose title is a '# …?'
    line. Anything unusual goes through the full checks."""
    block = front_matter(text)
    meta = env.metadata[docname]
    keywords, summary = meta.get("keywords"), str(meta.get("summary", "")).strip()
    if block is None or not isinstance(keywords, str) or not re.search(r"^keywords:[ \t]*\[", block[0], re.M):
        return False
    if sorted(re.findall(r"^([^\s#:][^:]*?)[ \t]*:", block[0], re.M)) != ["keywords", "summary"]:
        return False  # a field these checks do not know, or one written twice: the full checks tell
    if re.search(r"[&*]", block[0]):
        return False  # perhaps a YAML anchor or alias
    try:
        items = json.loads(keywords)
    except json.JSONDecodeError:
        return False
    if not isinstance(items, list) or not 0 < len(items) <= KEYWORDS_MAX:
        return False
    if not all(isinstance(i, str) and 0 < len(i.strip()) <= KEYWORD_MAX and reads_as_text(i) for i in items):
        return False
    # MyST keeps a value's text, not its YAML type (no gives "False", null "null", a list JSON): the summary
    # must stand on its line as MyST read it, and be read by YAML as text.
    if not summary or len(summary) > SUMMARY_MAX or not reads_as_text(summary):
        return False
    if not re.search(rf"^summary:[ \t]*{re.escape(summary)}[ \t]*$", block[0], re.M):
        return False
    sections = [child for child in doctree.children if isinstance(child, nodes.section)]
    line = catalog.question(env, docname).line
    if len(sections) != 1 or not line:
        return False
    title = text.split("\n")[line - 1].rstrip()
    return title.startswith("# ") and title.endswith("?")


def check_file_name(app, docname: str) -> None:
    path = app.env.doc2path(docname)
    wrong = [part for part in docname.split("/") if not SLUG.fullmatch(part)]
    if wrong or path.suffix != ".md":
        warn(
            f"Nama berkas atau folder '{'/'.join(wrong) or path.name}' tidak sesuai aturan: "
            "gunakan huruf kecil, angka, dan tanda hubung saja, berakhiran .md "
            "(misalnya apa-itu-kbk.md). Ganti nama berkasnya.",
            docname,
            1,
        )


def check_front_matter(docname: str, text: str, required: bool) -> dict[str, tuple[yaml.Node, int]] | None:
    """The front matter's fields as {name: (YAML node, line)}; None if it is missing or invalid (reported)."""
    block = front_matter(text)
    if block is None:
        if required:
            warn(
                "Halaman pertanyaan harus diawali front matter: baris '---', kolom keywords dan summary, "
                f"lalu '---'. {EXAMPLE}",
                docname,
                1,
            )
        return None
    body, first = block
    try:
        node = compose(body, "Front matter (bagian di antara dua baris '---')")
    except Refused as error:
        warn(f"{error} {EXAMPLE}", docname, first + error.line)
        return None
    if node is None:
        return {}
    if not isinstance(node, yaml.MappingNode):
        warn(
            f"Front matter harus berisi pasangan 'nama: nilai'. {EXAMPLE}",
            docname,
            first,
        )
        return None
    for name, line, earlier in duplicate_keys(node):
        warn(
            f"Kolom '{shorten(name)}' ditulis dua kali di front matter (juga di baris {first + earlier}); "
            "hanya yang terakhir yang dipakai. Hapus salah satunya.",
            docname,
            first + line,
        )
    return {str(key.value): (value, first + key.start_mark.line) for key, value in node.value}


def check_draft(docname: str, fields: dict[str, tuple[yaml.Node, int]] | None) -> None:
    """Imported pages (scripts/impor.py) carry `draf: true` until an editor has reviewed them. Anything
    but the boolean false (false, no, off) is a draft: `draf: [true]` or `draf: ya` does not slip through."""
    node, line = (fields or {}).get("draf", (None, 0))
    if node is not None and not (node.tag.endswith(":bool") and node.value.lower() in {"false", "no", "off"}):
        warn(
            "Halaman ini masih draf hasil impor (draf: true) dan belum boleh terbit. Periksa kata yang ditandai "
            "laporan impor, koreksi yang diterapkan, serta kata kunci dan ringkasan usulan di front matter; "
            "lalu hapus baris 'draf: true'.",
            docname,
            line,
        )


def check_fields(docname: str, fields: dict[str, tuple[yaml.Node, int]] | None) -> None:
    if fields is None:
        return  # missing or invalid front matter, already reported
    first = 1  # a missing field is reported at the front matter's opening line
    keywords = fields.get("keywords")
    if keywords is None:
        warn(
            f"Kolom 'keywords' wajib ada di front matter: daftar kata kunci pertanyaan ini. {EXAMPLE}",
            docname,
            first,
        )
    else:
        check_keywords(docname, *keywords)
    order = fields.get(catalog.ORDER_FIELD)
    if order is not None and not (
        order[0].tag.endswith(":int") and order[0].value.isdigit() and int(order[0].value) > 0
    ):
        warn(
            f"Kolom '{catalog.ORDER_FIELD}' harus berupa bilangan bulat positif: tempat pertanyaan ini di "
            f"kategorinya, misalnya: {catalog.ORDER_FIELD}: 2. Hapus kolomnya jika urutan tidak penting.",
            docname,
            order[1],
        )
    summary = fields.get("summary")
    if summary is None:
        warn(
            f"Kolom 'summary' wajib ada di front matter: satu kalimat ringkas jawaban (paling banyak "
            f"{SUMMARY_MAX} karakter). {EXAMPLE}",
            docname,
            first,
        )
    else:
        value, line = summary
        text = text_of(docname, "summary", value, line)
        if text == "":
            warn(
                "Kolom 'summary' harus berisi satu kalimat ringkas jawaban, tidak boleh kosong.",
                docname,
                line,
            )
        elif text and len(text) > SUMMARY_MAX:
            warn(
                f"Kolom 'summary' terlalu panjang ({len(text)} karakter; paling banyak {SUMMARY_MAX}). "
                "Ringkas menjadi satu kalimat.",
                docname,
                line,
            )


def check_keywords(docname: str, value: yaml.Node, line: int) -> None:
    items = value.value if isinstance(value, yaml.SequenceNode) else []
    if len(items) > KEYWORDS_MAX:
        warn(
            f"Kolom 'keywords' berisi {len(items)} kata kunci; paling banyak {KEYWORDS_MAX}. "
            "Pilih kata kunci yang paling mungkin diketik pembaca saat mencari.",
            docname,
            line,
        )
        return
    texts = [text_of(docname, "keywords", item, line) for item in items]
    if not texts or "" in texts:
        warn(
            "Kolom 'keywords' harus berupa daftar kata kunci yang tidak kosong, dalam kurung siku dan "
            "dipisah koma, misalnya: keywords: [sosialisasi, pemberdayaan]",
            docname,
            line,
        )
    for text in texts:
        if text and len(text) > KEYWORD_MAX:
            warn(
                f"Kata kunci '{shorten(text)}' terlalu panjang ({len(text)} karakter; paling banyak {KEYWORD_MAX}). "
                "Kata kunci adalah kata atau frasa pendek yang diketik pembaca saat mencari; "
                "pisahkan kata kunci dengan koma.",
                docname,
                line,
            )


def text_of(docname: str | Path, field: str, node: yaml.Node, line: int) -> str | None:
    """A field's value as text, stripped: "" if it is empty, null, a list or a mapping (the caller says what the
    field needs); None if YAML reads it as a yes/no, a number or a date, which is reported here at `line` (quotes
    make it text)."""
    if isinstance(node, yaml.ScalarNode) and node.tag == TEXT:
        return node.value.strip()
    message = not_text(node, field)
    if message is None:
        return ""
    warn(message, docname, line)
    return None


def not_text(node: yaml.Node, field: str) -> str | None:
    """The message for a plain value that YAML reads as a yes/no, a number or a date rather than text; None for
    any other value."""
    kind = READ_AS.get(node.tag.rsplit(":", 1)[-1]) if isinstance(node, yaml.ScalarNode) else None
    if kind is None:
        return None
    value = shorten(node.value)
    return (
        f"Nilai '{value}' di kolom '{field}' dibaca YAML sebagai {kind}, bukan teks. Tulis teks yang dimaksud; "
        f"jika memang itu teksnya, tulis dalam tanda kutip: '{value}'."
    )


def check_category(
    docname: str, titles: list[tuple[int, str]], fields: dict[str, tuple[yaml.Node, int]] | None
) -> None:
    """A category page's title names it on the home page and in the menu; its description, if any, is a sentence."""
    if not titles or not titles[0][1]:
        warn(
            "Halaman kategori harus punya judul utama (H1) berisi nama kategorinya, ditulis '# Nama Kategori' "
            "setelah front matter. Judul itu tampil di beranda dan di menu samping.",
            docname,
            titles[0][0] if titles else 1,
        )
    description = (fields or {}).get("description")
    if description is not None and text_of(docname, "description", *description) == "":
        warn(
            "Kolom 'description' harus berisi satu kalimat tentang isi kategori ini, tidak boleh kosong, misalnya: "
            "description: Pengertian, tujuan, sasaran, dan pelaku sosialisasi. Hapus kolomnya jika tidak perlu.",
            docname,
            description[1],
        )


def check_title(docname: str, titles: list[tuple[int, str]]) -> None:
    if not titles:
        warn(
            "Halaman pertanyaan harus punya satu judul utama (H1) berisi pertanyaannya, "
            "ditulis '# Pertanyaan?' setelah front matter.",
            docname,
            1,
        )
        return
    for line, _ in titles[1:]:
        warn(
            f"Halaman pertanyaan hanya boleh punya satu judul utama (H1); yang pertama ada di baris {titles[0][0]}. "
            "Jadikan judul ini subjudul dengan '##'.",
            docname,
            line,
        )
    line, title = titles[0]
    if not title.endswith("?"):
        warn(
            f"Judul '{title}' harus berupa pertanyaan yang diakhiri tanda tanya '?'.",
            docname,
            line,
        )


def check_doctree(app, doctree: nodes.document) -> None:
    docname = app.env.current_document.docname
    if catalog.is_question(docname):
        check_question_page(app, docname, doctree)
    written: dict[int | None, list[str]] = {}  # line -> raw HTML written there (one warning per line)
    for raw in doctree.findall(nodes.raw):
        if (raw.line is None and not raw.source) or (raw.get("format"), raw.astext()) in HARD_BREAK:
            continue  # made by an extension or by MyST for a line break, not written in the page
        if "html" not in raw.get("format", "").split() and not docname.startswith("faq/"):
            continue  # maintainers' pages may use raw LaTeX for the PDF; it cannot reach the website
        written.setdefault(raw.line, []).append(" ".join(raw.astext().split()))
    for line, parts in written.items():
        warn(
            f"HTML mentah tidak diizinkan ({shorten(' '.join(parts))}): tag HTML seperti <script>, <iframe>, "
            "<style> dan atribut on…=, juga direktif {raw}, bisa menyisipkan skrip ke situs. "
            "Tulis dengan Markdown biasa; untuk tampilan khusus, minta bantuan pengelola.",
            docname,
            line,
        )
    if catalog.is_question(docname):
        check_answer(app, docname, doctree)


def check_answer(app, docname: str, doctree: nodes.document) -> None:
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is None:
        return  # no title: reported by check_title
    answer = catalog.question(app.env, docname).answer  # the catalog collected it just before
    line = section[0].line
    if not answer:
        warn(
            "Jawaban masih kosong: tulis jawabannya di bawah judul pertanyaan.",
            docname,
            line,
        )
    elif PLACEHOLDER in answer:
        warn(
            f"Ganti teks contoh '{PLACEHOLDER}' dengan jawaban yang sebenarnya.",
            docname,
            line,
        )


# -- Once every page is read --------------------------------------------------


def check_catalog(app, env) -> None:
    srcdir = Path(env.srcdir).resolve()
    known = {category.docname for category in catalog.categories(env)}
    seen: dict[str, str] = {}
    # No "listed in the toctree" check: faq_catalog lists every question of a category folder itself.
    for question in catalog.questions(env):
        if question.category not in known:
            folder = question.category.rsplit("/", 1)[0]
            warn(
                f"Folder kategori docs/{folder}/ belum punya index.md. Buat dulu kategorinya "
                "(make new membuatkannya) atau pindahkan pertanyaan ke kategori yang ada.",
                question.docname,
                1,
            )
        key = question_key(question.title)
        if not key:
            continue
        if key in seen:
            other = Path(srcdir.name, env.doc2path(seen[key], base=False))
            warn(
                f"Pertanyaan '{question.title}' sudah ada di {other}. "
                "Gabungkan jawabannya ke halaman itu atau ubah pertanyaannya.",
                question.docname,
                question.line,
            )
        else:
            seen[key] = question.docname
    check_files(env, srcdir)


def check_files(env, srcdir: Path) -> None:
    """Files a page reads from outside docs/, and files copied to the site that could run script there."""
    for docname, dependencies in sorted(env.dependencies.items()):
        for dependency in sorted(map(str, dependencies)):
            path = (srcdir / dependency).resolve()
            if not path.is_relative_to(srcdir):
                warn(
                    f"Halaman ini membaca berkas di luar folder docs/ ({path.name}). {{include}} dan "
                    "{literalinclude} hanya boleh memakai berkas di dalam docs/.",
                    docname,
                    _line_of(env, docname, path.name),
                )
    # Images and downloads are published as they are: an SVG or HTML file opened from the site runs its script.
    for files in (env.images, env.dlfiles):
        for filename, (docnames, _) in sorted(files.items()):
            path = srcdir / filename
            suffix = path.suffix.lower()
            if suffix in ACTIVE or (
                suffix == ".svg" and path.is_file() and SVG_SCRIPT.search(path.read_text("utf-8", "replace"))
            ):
                for docname in sorted(docnames):
                    warn(
                        f"Berkas {path.name} tidak boleh diterbitkan: berkas HTML/JavaScript, atau SVG yang berisi "
                        "skrip, bisa menjalankan skrip di situs. Pakai gambar PNG/JPG atau SVG tanpa skrip.",
                        docname,
                        _line_of(env, docname, path.name),
                    )


def _line_of(env, docname: str, needle: str) -> int | None:
    lines = env.doc2path(docname).read_text(encoding="utf-8").splitlines()
    return next((number for number, line in enumerate(lines, start=1) if needle in line), None)


def setup(app):
    app.setup_extension("faq_catalog")
    app.connect("env-before-read-docs", check_encoding)
    app.connect("source-read", check_source)
    app.connect("doctree-read", check_doctree, priority=600)  # after the catalog has the page's answer
    app.connect("env-check-consistency", check_catalog)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
