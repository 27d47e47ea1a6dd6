"""The pull request's job summary (scripts/ringkasan_pr.py), written from real build logs."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest
import yaml
from support import ROOT, copy_docs, sphinx_build

SCRIPT = ROOT / "scripts" / "ringkasan_pr.py"
spec = importlib.util.spec_from_file_location("ringkasan_pr", SCRIPT)
ringkasan = sys.modules["ringkasan_pr"] = importlib.util.module_from_spec(spec)  # dataclasses look it up there
spec.loader.exec_module(ringkasan)

PAGE = "faq/sosialisasi/apa-itu-sosialisasi.md"  # the answer ends on line 21; appended lines start on 23
# sphinxcontrib-spelling's line, as `make spelling` writes it (its build needs hunspell-id; test_schema runs one).
SPELLING = "WARNING: {docs}/faq/sosialisasi/apa-itu-sosialisasi.md:15: : Spell check: katagori: kategori, katalog."


def write_summary(log, *args: str) -> str:
    result = subprocess.run([sys.executable, str(SCRIPT), str(log), *args], capture_output=True, text=True, check=True)
    return result.stdout


@pytest.fixture(scope="module")
def failing_log(tmp_path_factory):
    """The log of a broken contribution: a title without '?', a missing image, a misspelt directive, a typo."""
    root = tmp_path_factory.mktemp("gagal")
    docs = copy_docs(root / "docs")
    page = docs / PAGE
    text = page.read_text(encoding="utf-8").replace("# Apa itu Sosialisasi?", "# Apa itu Sosialisasi")
    page.write_text(text + "\n![Bagan](bagan.png)\n\n```{catatan}\nIsi.\n```\n", encoding="utf-8")
    result = sphinx_build(docs, root / "html")
    assert result.returncode != 0
    log = root / "pemeriksaan.log"
    log.write_text(result.stdout + SPELLING.format(docs=docs) + "\n", encoding="utf-8")
    return log


@pytest.fixture(scope="module")
def passing_log(tmp_path_factory):
    root = tmp_path_factory.mktemp("lolos")
    docs = copy_docs(root / "docs")
    result = sphinx_build(docs, root / "html")
    assert result.returncode == 0, result.stdout
    log = root / "pemeriksaan.log"
    log.write_text(result.stdout, encoding="utf-8")
    return log, docs


def test_failing_build_lists_each_problem_with_file_line_message_and_action(failing_log):
    summary = write_summary(failing_log, "--gagal")
    problems = [line for line in summary.splitlines() if line.startswith("- **")]
    assert problems == [
        f"- **docs/{PAGE}:6** — Judul 'Apa itu Sosialisasi' harus berupa pertanyaan yang diakhiri tanda tanya '?'. "
        "— Perbaiki sesuai pesan ini; contohnya ada di CONTRIBUTING.md, bagian Arti setiap pesan.",
        f"- **docs/{PAGE}:15** — Ejaan: kata 'katagori' tidak ada di kamus (saran: kategori, katalog) — Perbaiki "
        "ejaannya. Jika kata itu benar (nama, singkatan, istilah program), tambahkan ke docs/spelling\\_wordlist.txt, "
        "satu kata per baris.",
        f"- **docs/{PAGE}:23** — Berkas gambar tidak dapat dibaca: faq/sosialisasi/bagan.png — Simpan gambarnya di "
        "folder kategori, lalu periksa nama berkasnya di !\\[teks\\](nama-berkas.png), termasuk huruf besar/kecil.",
        f"- **docs/{PAGE}:25** — Nama direktif dalam {{…}} tidak dikenal (pesan asli: Unknown directive "
        "type: 'catatan') — Periksa ejaannya, misalnya {note} untuk catatan, {warning} untuk peringatan, {image} "
        "untuk gambar.",
    ]
    assert "❌ **Ada 4 masalah**" in summary and "lolos" not in summary
    assert "<details><summary>Halaman yang diperiksa" in summary


def test_passing_build_says_which_pages_it_checked(passing_log):
    log, docs = passing_log
    summary = write_summary(log, "--pratinjau", "https://contoh--7.org.readthedocs.build/id/7/")
    assert "✅ **Semua pemeriksaan lolos**" in summary and "- **" not in summary
    sources = sorted(f"docs/{p.relative_to(docs)}" for p in docs.rglob("*.md"))
    listed = sorted(line[2:].replace("\\_", "_") for line in summary.splitlines() if line.startswith("- docs/"))
    assert listed == sources
    assert f"Halaman yang diperiksa ({len(sources)})" in summary
    assert "https://contoh--7.org.readthedocs.build/id/7/" in summary


def test_failure_without_a_message_is_not_reported_as_success(tmp_path):
    log = tmp_path / "pemeriksaan.log"
    log.write_text("Running Sphinx v9.0.4\nreading sources... [100%] index\n\nExtension error (faq_x):\nboom\n")
    summary = write_summary(log, "--gagal")
    assert "❌ **Pembangunan gagal**" in summary and "boom" in summary and "lolos" not in summary
    assert "Pembangunan gagal" in write_summary(tmp_path / "tidak-ada.log")


def test_markdown_is_escaped():
    assert ringkasan.markdown("<kategori> `x` [a](b) *c* & d") == "\\<kategori\\> \\`x\\` \\[a\\](b) \\*c\\* &amp; d"


def test_workflow_writes_the_summary_from_the_build_log():
    steps = yaml.safe_load((ROOT / ".github/workflows/test.yml").read_text(encoding="utf-8"))["jobs"]["test"]["steps"]
    build = next(step for step in steps if step.get("id") == "build")
    summary = next(step for step in steps if "ringkasan_pr.py" in step.get("run", ""))
    assert "_build/pemeriksaan.log" in build["run"] and "pipefail" in build["run"]
    assert "_build/pemeriksaan.log" in summary["run"] and '>> "$GITHUB_STEP_SUMMARY"' in summary["run"]
    assert summary["if"].startswith("always()")
    assert steps.index(build) < steps.index(summary)
