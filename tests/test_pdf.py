"""The printed handbook, its handouts and the offline copies: built once, checked with the tools readers' files meet."""

from __future__ import annotations

import os
import pickle
import re
import subprocess
import zipfile
import zlib
from pathlib import Path

import faq_catalog as catalog
import faq_glossary
import faq_latex
import pytest
from support import (
    DOCS,
    ROOT,
    STRICT,
    across_lines,
    corrections,
    require,
    sentences,
    source_answers,
    sphinx_build,
    squash,
)

pytestmark = pytest.mark.slow  # LaTeX, a browser or a live server

HANDBOOK = "tanya-jawab-pnpm-mandiri-perkotaan"
# A fixed edition date, so two builds can be compared byte for byte.
EPOCH = {"SOURCE_DATE_EPOCH": "1767225600"}
# The text block of a page, in points from the top (top, height): the running header sits above
# it and the page number below it; pdftotext reads only this band, so neither lands inside a sentence.
A4_BODY = (55, 730)
A5_BODY = (45, 505)
# List and section numbers at the start of a line ("1.", "1.2.1", "a."), after a page break's form
# feed too: not words of the source.
NUMBERING = re.compile(r"^[ \t\f]*(?:\d+\.(?:\d+\.?)*|[a-z]\.)[ \t]+", re.MULTILINE)


def build_pdfs(out: Path) -> Path:
    """`make pdf` in a temporary directory: Sphinx's LaTeX builder, then its Makefile (latexmk)."""
    for tool, package in (("pdflatex", "texlive-latex-recommended"), ("latexmk", "latexmk"), ("make", "make")):
        require(tool, package)
    result = sphinx_build(DOCS, out, "latex", "-d", str(out / ".doctrees"), env=EPOCH)
    assert result.returncode == 0, f"strict latex build failed:\n{result.stdout}"
    latex = subprocess.run(
        ["make", "-C", str(out), "all-pdf"], capture_output=True, text=True, env={**os.environ, **EPOCH}, check=False
    )
    assert latex.returncode == 0, f"LaTeX failed:\n{latex.stdout[-3000:]}"
    return out


@pytest.fixture(scope="session")
def pdf_dir(tmp_path_factory) -> Path:
    return build_pdfs(tmp_path_factory.mktemp("latex"))


@pytest.fixture(scope="session")
def env(pdf_dir):
    """The Sphinx environment of the PDF build: the catalog's categories, questions and glossary terms."""
    with (pdf_dir / ".doctrees" / "environment.pickle").open("rb") as pickled:
        return pickle.load(pickled)


def handouts(env) -> dict[str, catalog.Category]:
    """PDF stem -> category, one handout per category of the catalog."""
    return {f"tanya-jawab-{c.docname.split('/')[1]}": c for c in catalog.categories(env)}


def all_pdfs(pdf_dir, env) -> list[Path]:
    return [pdf_dir / f"{stem}.pdf" for stem in (HANDBOOK, *handouts(env))]


def run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def body_text(pdf: Path, band: tuple[int, int] = A4_BODY, numbered: bool = False) -> str:
    """The text of every page's text block, pages separated by form feeds; list and section
    numbers removed unless `numbered`."""
    require("pdftotext", "poppler-utils")
    text = run("pdftotext", "-y", str(band[0]), "-H", str(band[1]), "-W", "1000", str(pdf), "-")
    return text if numbered else NUMBERING.sub("", text)


def page_ends(pdf: Path, band: tuple[int, int] = A4_BODY) -> list[list[str]]:
    """Each page's non-empty text lines (numbers kept), for checks on what ends a page."""
    return [
        [line.strip() for line in page.splitlines() if line.strip()] for page in body_text(pdf, band, True).split("\f")
    ]


def check_page_breaks(pdf: Path, env, band: tuple[int, int] = A4_BODY) -> None:
    """No glossary page ends with a term apart from its definition, and no page ends with a
    question's title without the start of its answer (its keyword line and two lines of text)."""
    terms = {name for objtype, name in env.domaindata["std"]["objects"] if objtype == "term"}
    titles = {q.title for q in catalog.questions(env)}
    in_glossary = False
    for number, lines in enumerate(page_ends(pdf, band), 1):
        if any(re.fullmatch(r"Bab \d+", line) for line in lines):  # a chapter opens
            in_glossary = False
        if any(re.fullmatch(r"(?:\d+\s+)?Daftar Istilah", line) for line in lines):
            in_glossary = True
        if in_glossary and lines:
            assert lines[-1] not in terms, f"{pdf.name} page {number} ends with the term {lines[-1]!r}"
        for index, line in enumerate(lines):
            heading = re.fullmatch(r"\d+(?:\.\d+)*\s+(.+)", line)
            if heading and heading.group(1) in titles:
                assert len(lines) - index > 3, f"{pdf.name} page {number}: {line!r} without its answer"


def info(pdf: Path) -> dict[str, str]:
    require("pdfinfo", "poppler-utils")
    return dict(line.split(":", 1) for line in run("pdfinfo", str(pdf)).splitlines() if ":" in line)


# -- Files, pages, metadata, fonts ----------------------------------------------------


def test_make_pdf_builds_the_handbook_and_one_handout_per_category(pdf_dir, env):
    assert catalog.categories(env), "no category found"
    assert sorted(p.stem for p in pdf_dir.glob("*.pdf")) == sorted([HANDBOOK, *handouts(env)])


def test_pages_are_a4_and_metadata_is_set(pdf_dir, env):
    for pdf in all_pdfs(pdf_dir, env):
        meta = {key: value.strip() for key, value in info(pdf).items()}
        width, height = (float(n) for n in re.findall(r"[\d.]+", meta["Page size"])[:2])
        assert (round(width), round(height)) == (595, 842), pdf.name
        for key in ("Title", "Author", "Subject", "Keywords"):
            assert meta.get(key), f"{pdf.name}: no {key}"
    handbook = info(pdf_dir / f"{HANDBOOK}.pdf")
    assert handbook["Title"].strip() == "Tanya Jawab PNPM Mandiri Perkotaan"
    for question in catalog.questions(env):
        for keyword in question.keywords:
            assert keyword in handbook["Keywords"]
    for stem, category in handouts(env).items():
        assert info(pdf_dir / f"{stem}.pdf")["Title"].strip() == category.title


def test_language_is_indonesian(pdf_dir, env):
    """The catalog's /Lang is inside a compressed object stream: inflate every stream and look."""
    for pdf in all_pdfs(pdf_dir, env):
        data = pdf.read_bytes()
        streams = re.findall(rb"stream\r?\n(.*?)endstream", data, re.DOTALL)
        text = data + b"".join(zlib.decompressobj().decompress(s) for s in streams if s[:1] == b"x")
        assert re.search(rb"/Lang\s*\(id\)", text), pdf.name


def test_every_font_is_embedded(pdf_dir, env):
    require("pdffonts", "poppler-utils")
    for pdf in all_pdfs(pdf_dir, env):
        rows = run("pdffonts", str(pdf)).splitlines()[2:]
        assert rows, f"{pdf.name}: no fonts"
        not_embedded = [row for row in rows if row.split()[-5] != "yes"]
        assert not not_embedded, f"{pdf.name}: {not_embedded}"


def test_latex_log_has_no_overfull_box_and_no_undefined_reference(pdf_dir, env):
    problems = re.compile(
        r"Overfull \\hbox|undefined references|Reference `[^']*' on page \d+ undefined|"
        r"Hyper reference `[^']*' on page \d+ undefined|Citation `[^']*' .* undefined"
    )
    for pdf in all_pdfs(pdf_dir, env):
        log = pdf.with_suffix(".log").read_text(encoding="latin-1")
        assert "Output written on" in log
        assert not problems.findall(log), f"{pdf.name}: {problems.findall(log)}"


def test_chapters_open_at_the_top_of_their_page(pdf_dir):
    """No large empty block above a chapter's title: "Bab N" sits at the top of the text block."""
    bbox = run("pdftotext", "-bbox", str(pdf_dir / f"{HANDBOOK}.pdf"), "-")
    found = [float(y) for y in re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)"[^>]*>Bab</word>', bbox)]
    openings = [y for y in found if y > A4_BODY[0]]  # not the running header's "Bab 1. Sosialisasi"
    assert openings, "no chapter found"
    # The text block starts 72 pt from the top; fncychap's openings put "Bab" at 160 pt and the title at 255 pt.
    assert all(y < 110 for y in openings), f"chapter titles start far down the page: {openings}"


def test_no_page_ends_with_a_lone_term_or_question_title(pdf_dir, env):
    for pdf in all_pdfs(pdf_dir, env):
        check_page_breaks(pdf, env)


def test_title_pages_state_edition_and_categories(pdf_dir, env):
    edition = "Edisi 01 Januari 2026"  # the edition date of EPOCH
    held = {HANDBOOK: faq_latex.join_words([c.title for c in catalog.categories(env)])}
    held.update({stem: category.title for stem, category in handouts(env).items()})
    for stem, categories in held.items():
        first = squash(run("pdftotext", "-l", "1", str(pdf_dir / f"{stem}.pdf"), "-"))
        assert squash(edition) in first, stem
        assert squash(f"Kategori: {categories}") in first, stem


def test_indonesian_hyphenation_is_loaded(pdf_dir):
    log = (pdf_dir / f"{HANDBOOK}.log").read_text(encoding="latin-1")
    assert "bahasai.ldf" in log and "No hyphenation patterns" not in log


# -- Text: questions, sentences, glossary, handouts ------------------------------------


def test_handbook_has_every_question_and_every_source_sentence(pdf_dir, env):
    text = squash(body_text(pdf_dir / f"{HANDBOOK}.pdf"))
    answers = source_answers()
    for question in catalog.questions(env):
        assert squash(question.title) in text, question.title
    for title, answer in answers.items():
        assert squash(title) in text, title
        for sentence in sentences(answer):
            assert squash(sentence) in text, f"{title}: {sentence!r}"


def test_handbook_has_every_source_sentence_as_written(pdf_dir):
    """Case and punctuation exactly; only line breaks (and LaTeX's hyphens at them) may differ."""
    text = body_text(pdf_dir / f"{HANDBOOK}.pdf")
    for title, answer in source_answers().items():
        for sentence in sentences(answer):
            assert across_lines(sentence).search(text), f"{title}: {sentence!r}"


@pytest.mark.parametrize(("old", "new"), corrections(), ids=[new for _, new in corrections()])
def test_correction_is_kept_in_the_pdf(pdf_dir, old, new):
    text = body_text(pdf_dir / f"{HANDBOOK}.pdf")
    assert across_lines(new).search(text), f"{new!r} is missing from the PDF"
    # The old form on one line, spaces as any whitespace: a hyphen LaTeX adds at a line end is not one.
    old_form = re.compile(r"\s+".join(map(re.escape, old.split())))
    assert not old_form.search(across_lines(new).sub("\0", text)), f"{old!r} is back in the PDF"


def test_handbook_shows_each_questions_keywords(pdf_dir, env):
    text = squash(body_text(pdf_dir / f"{HANDBOOK}.pdf"))
    for question in catalog.questions(env):
        line = squash(question.title) + squash("Kata kunci: " + ", ".join(question.keywords))
        assert line in text, question.title


def test_handbook_has_every_glossary_term(pdf_dir, env):
    terms = [name for objtype, name in env.domaindata["std"]["objects"] if objtype == "term"]
    assert terms, "the handbook has no glossary (a page with a glossary directive in the root toctree)"
    text = squash(body_text(pdf_dir / f"{HANDBOOK}.pdf"))
    for term in terms:
        assert squash(term) in text, term


def test_each_handout_has_exactly_its_categorys_questions(pdf_dir, env):
    every = {q.title for q in catalog.questions(env)}
    for stem, category in handouts(env).items():
        text = squash(body_text(pdf_dir / f"{stem}.pdf"))
        own = {q.title for q in catalog.questions(env, category.docname)}
        assert own, f"{category.title}: no questions"
        assert {title for title in every if squash(title) in text} == own, stem


def test_each_handout_explains_the_acronyms_its_answers_use(pdf_dir, env):
    terms, _ = faq_glossary.load(env)
    for stem, category in handouts(env).items():
        text = squash(body_text(pdf_dir / f"{stem}.pdf"))
        answers = " ".join(
            (DOCS / f"{q.docname}.md").read_text(encoding="utf-8").split("---", 2)[2]
            for q in catalog.questions(env, category.docname)
        )
        used = [t for t in terms if t.expansion and re.search(rf"(?<!\w){re.escape(t.name)}(?!\w)", answers)]
        assert used, f"{stem}: its answers use no acronym of the glossary"
        assert squash("Daftar Istilah") in text, stem
        for term in used:
            assert squash(term.expansion) in text, f"{stem}: {term.name} ({term.expansion}) is not explained"


def test_two_builds_are_byte_identical(pdf_dir, env, tmp_path):
    again = build_pdfs(tmp_path / "again")
    for pdf in all_pdfs(pdf_dir, env):
        assert (again / pdf.name).read_bytes() == pdf.read_bytes(), f"{pdf.name} differs between two builds"


# -- Offline copies ---------------------------------------------------------------


def test_epub_passes_epubcheck(tmp_path_factory):
    require("java", "default-jre-headless")
    jar = require("/usr/share/java/epubcheck.jar", "epubcheck")
    out = tmp_path_factory.mktemp("epub")
    result = sphinx_build(DOCS, out / "epub", "epub", "-d", str(out / "doctrees"))
    assert result.returncode == 0, result.stdout
    check = subprocess.run(
        ["java", "-jar", jar, str(out / "epub" / f"{HANDBOOK}.epub")], capture_output=True, text=True, check=False
    )
    report = check.stdout + check.stderr
    assert check.returncode == 0 and "0 fatals / 0 errors" in report, report


def test_htmlzip_holds_the_site(tmp_path):
    require("make", "make")
    build = tmp_path / "build"
    result = subprocess.run(
        ["make", "-C", str(ROOT), "htmlzip", f"BUILDDIR={build}", f"SPHINXOPTS={' '.join([*STRICT, '-q'])}"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    names = zipfile.ZipFile(build / "htmlzip" / f"{HANDBOOK}.zip").namelist()
    assert "html/index.html" in names
    assert "html/faq/sosialisasi/apa-itu-sosialisasi.html" in names
