"""The question-page schema and safe content, checked during every (strict) build.

A question page is ``docs/faq/<kategori>/<nama-berkas>.md`` in a category folder that
has an ``index.md``. It starts with YAML front matter holding ``keywords`` (a non-empty
list) and ``summary`` (one short sentence), has exactly one H1 that is the question
(ending in ``?``), and an answer under it. No page may carry raw HTML (``<script>``,
``<iframe>``, ``on…=`` handlers, the ``{raw}`` directive…) or read files outside
``docs/`` with ``{include}``/``{literalinclude}``: a merged pull request must not be
able to put script on the site.

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
import yaml
from docutils import nodes
from markdown_it import MarkdownIt
from mdit_py_plugins.colon_fence import colon_fence_plugin
from mdit_py_plugins.front_matter import front_matter_plugin
from sphinx.util import logging

logger = logging.getLogger(__name__)

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
SUMMARY_MAX = 200  # characters; the summary is shown as one line under the question
# The scaffold (scripts/new_question.py) writes this where the answer goes.
PLACEHOLDER = "Tulis jawaban di sini."
# Files that run script when opened from the site; SVG only if it holds script.
ACTIVE = {".html", ".htm", ".xhtml", ".js", ".mjs"}
SVG_SCRIPT = re.compile(r"<script|<foreignObject|\bon[a-z]+\s*=|javascript:", re.IGNORECASE)
# MyST writes a hard line break (a line ending in a backslash) as this pair of raw nodes.
HARD_BREAK = {("html", "<br />\n"), ("latex", "\\\\\n")}
EXAMPLE = "Contoh: keywords: [sosialisasi, pemberdayaan] dan summary: Satu kalimat ringkas jawabannya."

_markdown = MarkdownIt("commonmark").use(front_matter_plugin).use(colon_fence_plugin)


def warn(message: str, docname: str, line: int | None = None) -> None:
    logger.warning(message, location=(docname, line), type="faq", subtype="schema")


def front_matter(text: str) -> tuple[str, int] | None:
    """The front matter block and the line its first key is on, or None if the page has none."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None
    for end, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return "\n".join(lines[1:end]), 2
    return "\n".join(lines[1:]), 2


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
        data = env.doc2path(docname).read_bytes()
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            warn(
                "Berkas ini tidak tersimpan dalam encoding UTF-8 (ada byte tidak sah di baris ini). "
                "Simpan ulang berkas sebagai UTF-8 di editor Anda.",
                docname,
                line,
            )
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
    check_front_matter(docname, text, required=False)


def check_question_page(app, docname: str, doctree: nodes.document) -> None:
    """Front matter and title of a question page; its source is parsed again only if they do not plainly pass."""
    text = app.env.doc2path(docname).read_text(encoding="utf-8")
    if _plainly_right(app.env, docname, doctree, text):
        return
    check_fields(docname, check_front_matter(docname, text, required=True))
    check_title(docname, h1_lines(text))


def _plainly_right(env, docname: str, doctree: nodes.document, text: str) -> bool:
    """True only where the checks above would find nothing: MyST read the front matter (so it is
    valid YAML), keywords is a flow list of words, summary a short sentence, and the page has one
    section whose title is a '# …?' line. Anything unusual goes through the full checks."""
    block = front_matter(text)
    meta = env.metadata[docname]
    keywords, summary = meta.get("keywords"), str(meta.get("summary", "")).strip()
    if block is None or not isinstance(keywords, str) or not re.search(r"^keywords:[ \t]*\[", block[0], re.M):
        return False
    try:
        items = json.loads(keywords)
    except json.JSONDecodeError:
        return False
    if not isinstance(items, list) or not items or not all(isinstance(i, str) and i.strip() for i in items):
        return False
    # MyST writes a missing value as "null" and a list or mapping as JSON.
    if not summary or len(summary) > SUMMARY_MAX or summary == "null" or summary[0] in "[{":
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
        node = yaml.compose(body, Loader=yaml.SafeLoader)  # keeps each key's line
        yaml.safe_load(body)  # also rejects what only fails on loading (unknown tags)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        warn(
            f"Front matter (bagian di antara dua baris '---') bukan YAML yang sah: {problem}. "
            "Periksa titik dua setelah nama kolom, tanda kurung siku [ ] dan tanda kutip. "
            f"{EXAMPLE}",
            docname,
            first + mark.line if mark else first,
        )
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
    return {str(key.value): (value, first + key.start_mark.line) for key, value in node.value}


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
        value, line = keywords
        items = value.value if isinstance(value, yaml.SequenceNode) else None
        if not items or any(not isinstance(i, yaml.ScalarNode) or not str(i.value).strip() for i in items):
            warn(
                "Kolom 'keywords' harus berupa daftar kata kunci yang tidak kosong, dalam kurung siku dan "
                "dipisah koma, misalnya: keywords: [sosialisasi, pemberdayaan]",
                docname,
                line,
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
        text = str(value.value).strip() if isinstance(value, yaml.ScalarNode) else ""
        if not text:
            warn(
                "Kolom 'summary' harus berisi satu kalimat ringkas jawaban, tidak boleh kosong.",
                docname,
                line,
            )
        elif len(text) > SUMMARY_MAX:
            warn(
                f"Kolom 'summary' terlalu panjang ({len(text)} karakter; paling banyak {SUMMARY_MAX}). "
                "Ringkas menjadi satu kalimat.",
                docname,
                line,
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
        snippet = " ".join(parts)
        snippet = snippet if len(snippet) <= 60 else snippet[:59] + "…"
        warn(
            f"HTML mentah tidak diizinkan ({snippet}): tag HTML seperti <script>, <iframe>, <style> dan "
            "atribut on…=, juga direktif {raw}, bisa menyisipkan skrip ke situs. "
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
    listed = {child for children in env.toctree_includes.values() for child in children}
    seen: dict[str, str] = {}
    for question in catalog.questions(env):
        if question.docname not in listed and question.category in known:
            warn(
                f"Halaman ini belum tercantum di daftar isi kategorinya. Tambahkan baris "
                f"'{question.docname.rsplit('/', 1)[1]}' ke blok {{toctree}} di docs/{question.category}.md "
                "(make new melakukannya otomatis).",
                question.docname,
                1,
            )
        if question.category not in known:
            folder = question.category.rsplit("/", 1)[0]
            warn(
                f"Folder kategori docs/{folder}/ belum punya index.md. Buat dulu kategorinya "
                "(make new membuatkannya) atau pindahkan pertanyaan ke kategori yang ada.",
                question.docname,
                1,
            )
        key = "".join(question.title.split()).casefold()
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
