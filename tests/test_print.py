"""Print for training: the A5 pocket edition, its print-ready booklets and handouts of chosen questions.

Each PDF is built once per session by its make target (`make buku-saku`, `make handout`) and
checked with poppler's tools, like the handbook in test_pdf.py.
"""

from __future__ import annotations

import os
import pickle
import re
import subprocess
from pathlib import Path

import faq_catalog as catalog
import faq_glossary
import pytest
from support import DOCS, ROOT, STRICT, require, sentences, source_answers, sphinx_build, squash
from test_pdf import A4_BODY, A5_BODY, EPOCH, body_text, check_page_breaks, info, run

HANDBOOK = "tanya-jawab-pnpm-mandiri-perkotaan"
A5, A4_LANDSCAPE, A4 = (420, 595), (842, 595), (595, 842)
# Chosen on purpose out of reading order, and not the whole category.
CHOSEN = ["siapa-pelaku-sosialisasi", "apa-itu-sosialisasi", "siapa-sasaran-sosialisasi"]


def make(build: Path, *target: str) -> subprocess.CompletedProcess:
    for tool, package in (("pdflatex", "texlive-latex-recommended"), ("latexmk", "latexmk"), ("make", "make")):
        require(tool, package)
    return subprocess.run(
        ["make", "-C", str(ROOT), *target, f"BUILDDIR={build}", f"SPHINXOPTS={' '.join([*STRICT, '-q'])}"],
        capture_output=True,
        text=True,
        env={**os.environ, **EPOCH},
        check=False,
    )


@pytest.fixture(scope="session")
def pocket_dir(tmp_path_factory) -> Path:
    """`make buku-saku`: the pocket editions and their booklets."""
    require("pdfjam", "texlive-extra-utils")
    build = tmp_path_factory.mktemp("saku")
    result = make(build, "buku-saku")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return build / "buku-saku"


@pytest.fixture(scope="session")
def env(pocket_dir):
    with (pocket_dir / "doctrees" / "environment.pickle").open("rb") as pickled:
        return pickle.load(pickled)


def pockets(env) -> list[str]:
    """The pocket editions' names: the handbook's and one per category."""
    stems = [HANDBOOK] + [f"tanya-jawab-{c.docname.split('/')[1]}" for c in catalog.categories(env)]
    return [f"{stem}-saku" for stem in stems]


@pytest.fixture(scope="session", params=["a4", "a5"])
def chosen(request, tmp_path_factory) -> Path:
    """`make handout PERTANYAAN="…"`, on A4 and with UKURAN=a5; the PDF."""
    build = tmp_path_factory.mktemp(f"handout-{request.param}")
    result = make(build, "handout", f"PERTANYAAN={' '.join(CHOSEN)}", f"UKURAN={request.param}")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    name = "tanya-jawab-pilihan" + ("-saku" if request.param == "a5" else "")
    return build / "handout" / "latex" / f"{name}.pdf"


def size(pdf: Path) -> tuple[int, int]:
    width, height = re.findall(r"[\d.]+", info(pdf)["Page size"])[:2]
    return round(float(width)), round(float(height))


def pages(pdf: Path) -> int:
    return int(info(pdf)["Pages"])


def page_text(pdf: Path, page: int, crop: tuple[int, int, int, int] | None = None) -> str:
    """Squashed text of one page, or of the region (x, y, width, height) of it."""
    region = ["-x", str(crop[0]), "-y", str(crop[1]), "-W", str(crop[2]), "-H", str(crop[3])] if crop else []
    return squash(run("pdftotext", "-f", str(page), "-l", str(page), *region, str(pdf), "-"))


def words(pdf: Path, page: int, crop: tuple[int, int, int, int] | None = None) -> list[str]:
    """The words of a page (or region), sorted: the same for a page however pdftotext orders its columns."""
    region = ["-x", str(crop[0]), "-y", str(crop[1]), "-W", str(crop[2]), "-H", str(crop[3])] if crop else []
    return sorted(squash(w) for w in run("pdftotext", "-f", str(page), "-l", str(page), *region, str(pdf), "-").split())


# -- Sizes, fonts, logs ---------------------------------------------------------------


def test_pocket_editions_are_a5_and_booklets_a4_landscape_sheets(pocket_dir, env):
    for stem in pockets(env):
        pocket, booklet = pocket_dir / f"{stem}.pdf", pocket_dir / f"{stem}-cetak.pdf"
        assert size(pocket) == A5, stem
        assert size(booklet) == A4_LANDSCAPE, stem
        sides = pages(booklet)
        # Even sides (front and back of each sheet); two pages a side, a multiple of 4, no sheet wasted.
        assert sides % 2 == 0 and (2 * sides) % 4 == 0, (stem, sides)
        assert 2 * sides - 4 < pages(pocket) <= 2 * sides, (stem, sides, pages(pocket))


def test_every_font_is_embedded(pocket_dir, env, chosen):
    require("pdffonts", "poppler-utils")
    pdfs = [pocket_dir / f"{stem}{suffix}.pdf" for stem in pockets(env) for suffix in ("", "-cetak")] + [chosen]
    for pdf in pdfs:
        rows = run("pdffonts", str(pdf)).splitlines()[2:]
        assert rows and all(row.split()[-5] == "yes" for row in rows), f"{pdf.name}: {rows}"


def test_latex_logs_have_no_overfull_box_and_no_undefined_reference(pocket_dir, env, chosen):
    problems = re.compile(r"Overfull \\hbox|undefined references|Reference `[^']*' on page \d+ undefined")
    logs = [pocket_dir / "latex" / f"{stem}.log" for stem in pockets(env)] + [chosen.with_suffix(".log")]
    for log in logs:
        text = log.read_text(encoding="latin-1")
        assert "Output written on" in text, log.name
        assert not problems.findall(text), f"{log.name}: {problems.findall(text)}"


# -- The pocket edition --------------------------------------------------------------


def test_pocket_edition_has_every_question_and_every_source_sentence(pocket_dir, env):
    text = squash(body_text(pocket_dir / f"{HANDBOOK}-saku.pdf", A5_BODY))
    for question in catalog.questions(env):
        assert squash(question.title) in text, question.title
    for title, answer in source_answers().items():
        assert squash(title) in text, title
        for sentence in sentences(answer):
            assert squash(sentence) in text, f"{title}: {sentence!r}"


def test_pocket_edition_has_title_page_contents_glossary_and_index(pocket_dir, env):
    pdf = pocket_dir / f"{HANDBOOK}-saku.pdf"
    cover = page_text(pdf, 1)
    assert squash("Edisi 01 Januari 2026") in cover and squash("Kategori: Sosialisasi") in cover
    assert page_text(pdf, 2).startswith(squash("Daftar Isi"))
    text = squash(body_text(pdf, A5_BODY))
    for heading in ("Kata Kunci", "Daftar Istilah", "Indeks"):
        assert squash(heading) in text, heading
    for objtype, name in env.domaindata["std"]["objects"]:
        if objtype == "term":
            assert squash(name) in text, name
    # The keyword index: each keyword with the page of its question.
    index = page_text(pdf, pages(pdf))
    assert squash("Indeks") in index and squash("sasaran primer") in index


def test_pocket_edition_breaks_pages_well(pocket_dir, env):
    for stem in pockets(env):
        check_page_breaks(pocket_dir / f"{stem}.pdf", env, A5_BODY)


def test_pocket_running_headers_alternate_on_the_outer_edges(pocket_dir):
    """Left-hand (even) pages carry the book's title at the left, right-hand pages the chapter at the right."""
    pdf = pocket_dir / f"{HANDBOOK}-saku.pdf"
    header = (0, 0, 420, 44)
    left, right = page_text(pdf, 4, header), page_text(pdf, 5, header)
    assert left == squash("Tanya Jawab PNPM Mandiri Perkotaan"), left
    assert right.startswith("bab1"), right


# -- The booklets ----------------------------------------------------------------------


def test_booklet_sides_hold_the_pages_in_saddle_stitch_order(pocket_dir, env):
    """Side 1 carries the last page (left) and the first (right), side 2 the second and the
    second-to-last, and so on; pages past the end are blank."""
    for stem in pockets(env):
        pocket, booklet = pocket_dir / f"{stem}.pdf", pocket_dir / f"{stem}-cetak.pdf"
        count, sides = pages(pocket), pages(booklet)
        padded = 2 * sides
        for side in range(1, sides + 1):
            sheet = (side - 1) // 2
            front = (padded - 2 * sheet, 2 * sheet + 1)  # the front of a sheet: its outer pages
            back = (2 * sheet + 2, padded - 2 * sheet - 1)
            for half, page in zip(((0, 0, 421, 595), (421, 0, 421, 595)), front if side % 2 else back, strict=True):
                want = words(pocket, page) if page <= count else []
                assert words(booklet, side, half) == want, f"{stem}-cetak side {side}: not page {page}"


# -- Handouts of chosen questions ------------------------------------------------------


def test_handout_holds_exactly_the_chosen_questions_in_order(chosen, env):
    assert size(chosen) == (A5 if chosen.stem.endswith("-saku") else A4)
    text = squash(body_text(chosen, A5_BODY if chosen.stem.endswith("-saku") else A4_BODY))
    slugs = {q.docname.rsplit("/", 1)[1]: q for q in catalog.questions(env)}
    positions = [text.find(squash(slugs[slug].title)) for slug in CHOSEN]
    assert -1 not in positions and positions == sorted(positions), positions
    for slug, question in slugs.items():
        if slug not in CHOSEN:
            assert squash(question.title) not in text, question.title
    assert squash("Pertanyaan Pilihan") in text and squash("Kategori: Sosialisasi") in text
    assert squash("Edisi 01 Januari 2026") in text


def test_handout_explains_the_terms_its_questions_use(chosen, env):
    terms, _ = faq_glossary.load(env)
    text = squash(body_text(chosen, A5_BODY if chosen.stem.endswith("-saku") else A4_BODY))
    answers = " ".join(
        (DOCS / f"{q.docname}.md").read_text(encoding="utf-8").split("---", 2)[2]
        for q in catalog.questions(env)
        if q.docname.rsplit("/", 1)[1] in CHOSEN
    )
    used = [t for t in terms if t.expansion and re.search(rf"(?<!\w){re.escape(t.name)}(?!\w)", answers)]
    assert used and squash("Daftar Istilah") in text
    for term in used:
        assert squash(term.expansion) in text, term.name


def test_handout_refuses_an_unknown_question(tmp_path):
    result = make(tmp_path, "handout", "PERTANYAAN=apa-itu-sosialisasi apa-itu-sosialisas")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "tidak ada pertanyaan 'apa-itu-sosialisas'" in output and "maksud Anda 'apa-itu-sosialisasi'" in output
    assert not list((tmp_path / "handout" / "latex").glob("*.pdf"))


def test_handout_asks_for_its_questions(tmp_path):
    result = make(tmp_path, "handout")
    assert result.returncode != 0 and "Sebutkan pertanyaannya" in result.stderr


def test_site_built_with_the_pocket_editions_offers_them(pocket_dir, env, tmp_path):
    """`FAQ_BUKU_SAKU=… make html`: "Unduh" links each pocket edition and booklet, shipped with the site."""
    result = sphinx_build(DOCS, tmp_path, "html", "-q", env={"FAQ_BUKU_SAKU": str(pocket_dir)})
    assert result.returncode == 0, result.stdout
    links = re.findall(r'href="(_downloads/[^"]+\.pdf)"', (tmp_path / "index.html").read_text(encoding="utf-8"))
    assert sorted(link.rsplit("/", 1)[1] for link in links) == sorted(
        f"{stem}{suffix}.pdf" for stem in pockets(env) for suffix in ("", "-cetak")
    )
    for link in links:
        assert (tmp_path / link).read_bytes() == (pocket_dir / link.rsplit("/", 1)[1]).read_bytes()
