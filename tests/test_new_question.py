"""`make new` (scripts/new_question.py): writes a question page that builds once its answer is written."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import faq_schema as schema
import pytest
from support import ROOT, copy_docs, sphinx_build

pytestmark = pytest.mark.slow  # builds in a subprocess

SCRIPT = ROOT / "scripts" / "new_question.py"


def new(docs, *args, answers=""):
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--docs", str(docs), *args],
        input=answers,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def docs(tmp_path):
    return copy_docs(tmp_path / "docs")


def answer(page, text="Kelompok Swadaya Masyarakat di kelurahan."):
    page.write_text(page.read_text(encoding="utf-8").replace(schema.PLACEHOLDER, text), encoding="utf-8")


def test_flags_write_only_the_page_and_print_the_preview(docs):
    index = (docs / "faq/sosialisasi/index.md").read_text(encoding="utf-8")
    result = new(
        docs,
        *("--kategori", "sosialisasi", "--pertanyaan", "Apa itu  KSM?"),
        *("--kata-kunci", "KSM, kelompok", "--ringkasan", "KSM adalah kelompok swadaya."),
    )
    assert result.returncode == 0, result.stderr
    page = docs / "faq/sosialisasi/apa-itu-ksm.md"
    assert page.read_text(encoding="utf-8") == (
        "---\nkeywords: [KSM, kelompok]\nsummary: KSM adalah kelompok swadaya.\n---\n\n"
        f"# Apa itu KSM?\n\n{schema.PLACEHOLDER}\n"
    )
    assert "docs/faq/sosialisasi/apa-itu-ksm.md" in result.stdout and "make livehtml" in result.stdout
    assert (docs / "faq/sosialisasi/index.md").read_text(encoding="utf-8") == index, "one file per question"

    failed = sphinx_build(docs, docs.parent / "out", "html")
    assert failed.returncode != 0 and "Ganti teks contoh" in failed.stdout, "the placeholder must not be published"
    answer(page)
    built = sphinx_build(docs, docs.parent / "out", "html")
    assert built.returncode == 0, built.stdout


def test_prompts_create_a_new_category_shown_on_the_home_page(docs):
    answers = "pendanaan\ny\nPendanaan\nDana BLM untuk kelurahan.\nApa itu BLM?\nBLM, dana\nBLM adalah dana bantuan.\n"
    result = new(docs, answers=answers)
    assert result.returncode == 0, result.stderr
    assert "Kategori (nomor" in result.stdout and "1. sosialisasi" in result.stdout
    index = (docs / "faq/pendanaan/index.md").read_text(encoding="utf-8")
    assert index.startswith("---\ndescription: Dana BLM untuk kelurahan.\n---\n\n# Pendanaan\n")
    assert index.endswith("```{faq-questions}\n```\n") and "toctree" not in index
    answer(docs / "faq/pendanaan/apa-itu-blm.md", "Bantuan Langsung Masyarakat.")
    built = sphinx_build(docs, docs.parent / "out", "html")
    assert built.returncode == 0, built.stdout
    assert "faq/pendanaan/index.html" in (docs.parent / "out/index.html").read_text(encoding="utf-8")
    assert 'href="apa-itu-blm.html"' in (docs.parent / "out/faq/pendanaan/index.html").read_text(encoding="utf-8")


def test_category_by_number_and_written_toctree_left_alone(docs):
    index = docs / "faq/sosialisasi/index.md"
    text = index.read_text(encoding="utf-8")
    start = text.index("```{toctree}")
    index.write_text(text[:start] + "```{toctree}\n:glob:\n\n*\n```\n", encoding="utf-8")
    result = new(docs, answers="1\nApa itu KSM?\nKSM\nRingkas.\n")
    assert result.returncode == 0, result.stderr
    assert (docs / "faq/sosialisasi/apa-itu-ksm.md").is_file()
    assert index.read_text(encoding="utf-8").endswith("```{toctree}\n:glob:\n\n*\n```\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--pertanyaan", "Apa itu KSM"], "diakhiri tanda tanya"),
        (["--pertanyaan", "Apa itu Sosialisasi?"], "sudah ada"),
        (["--pertanyaan", "Apa itu KSM?", "--kata-kunci", " , "], "minimal satu kata kunci"),
        (["--pertanyaan", "Apa itu KSM?", "--kata-kunci", "KSM", "--ringkasan", "x" * 201], "paling banyak 200"),
        (["--pertanyaan", "Index?"], "index.md, milik halaman kategori"),
        (["--pertanyaan", "¿?"], "tidak menghasilkan nama berkas"),
    ],
)
def test_contributor_errors_are_explained(docs, args, message):
    result = new(docs, "--kategori", "sosialisasi", *args)
    assert result.returncode == 2 and message in result.stderr


def test_unknown_category_needs_consent(docs):
    result = new(docs, "--kategori", "Pendanaan Baru", "--pertanyaan", "Apa itu BLM?")
    assert result.returncode == 2 and "--kategori-baru" in result.stderr
    assert not (docs / "faq/pendanaan-baru").exists()


def test_slug():
    spec = importlib.util.spec_from_file_location("new_question", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.slug("Apa Tujuan Sosialisasi?") == "apa-tujuan-sosialisasi"
    assert module.slug("Siapa  pelaku (KSM) é?") == "siapa-pelaku-ksm-e"
    # A long title gives its first whole words, up to 80 characters; a single long word is cut.
    assert module.slug("Apakah " + "dana bergulir " * 10 + "aman?") == "apakah" + "-dana-bergulir" * 5
    assert module.slug("x" * 300) == "x" * 80
