"""The approved corrections table: koreksi.yml is the one source, EDITORIAL_NOTES.md shows it."""

from __future__ import annotations

import subprocess
import sys

import koreksi
import pytest
import yaml
from support import EDITORIAL_NOTES, ROOT, corrections


def test_committed_notes_table_is_the_generated_one():
    """EDITORIAL_NOTES.md's table equals the one `make catatan` makes from koreksi.yml."""
    text = EDITORIAL_NOTES.read_text(encoding="utf-8")
    assert text == koreksi.notes_with_table(text, koreksi.load())
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "koreksi.py"), "--periksa"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_table_shows_every_entry_in_order():
    text = EDITORIAL_NOTES.read_text(encoding="utf-8")
    entries = koreksi.load()
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    assert len(rows) == len(entries)
    for row, entry in zip(rows, entries, strict=True):
        assert row.startswith(f"| `{entry['sebelum']}` | `{entry['sesudah']}` | {entry['alasan']} |")
        assert all(page.removeprefix("docs/faq/").removesuffix(".md") in row for page in entry["diterapkan"])


def test_a_stale_table_is_detected(tmp_path):
    notes = tmp_path / "EDITORIAL_NOTES.md"
    notes.write_text(EDITORIAL_NOTES.read_text(encoding="utf-8").replace("`sekadar`", "`sekedar`"), encoding="utf-8")
    entries = koreksi.load()
    assert notes.read_text(encoding="utf-8") != koreksi.notes_with_table(notes.read_text(encoding="utf-8"), entries)
    koreksi.write_notes(entries, notes)
    assert notes.read_text(encoding="utf-8") == EDITORIAL_NOTES.read_text(encoding="utf-8")


def test_corrections_are_the_yaml_pairs_in_order():
    raw = yaml.safe_load((ROOT / "koreksi.yml").read_text(encoding="utf-8"))
    assert corrections() == [(entry["sebelum"], entry["sesudah"]) for entry in raw]
    assert corrections()[0] == ("Sosialisasi ?", "Sosialisasi?") and corrections()[-1] == ("multi jalur", "multijalur")


def test_every_recorded_page_exists_and_holds_the_new_form():
    for entry in koreksi.load():
        assert entry["diterapkan"], f"{entry['sebelum']}: not recorded anywhere"
        for page in entry["diterapkan"]:
            text = " ".join((ROOT / page).read_text(encoding="utf-8").split())
            assert entry["sesudah"].replace("*", "") in text.replace("*", ""), f"{page}: {entry['sesudah']!r}"


def test_committed_yaml_is_as_the_importer_writes_it(tmp_path):
    """The importer rewrites koreksi.yml when it records a correction: no diff beyond what it adds."""
    copy = tmp_path / "koreksi.yml"
    koreksi.dump(koreksi.load(), copy)
    assert copy.read_text(encoding="utf-8") == (ROOT / "koreksi.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize("text", ["x: 1\n", "- sebelum: a\n  sesudah: b\n", "- {sebelum: a, sesudah: '', alasan: c}\n"])
def test_malformed_entries_are_refused(tmp_path, text):
    path = tmp_path / "koreksi.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match="koreksi"):
        koreksi.load(path)


ENTRY = "- sebelum: sekedar\n  sesudah: sekadar\n  alasan: 'KBBI.'\n"
# Mistakes after one good entry (lines 1-3): each stops with the file, the line and what to do, never a traceback.
MISTAKES = {
    "not-utf8": (
        "- sebelum: caf\xe9\n".encode("latin-1"),
        "koreksi.yml:4: Berkas ini tidak tersimpan dalam encoding UTF-8",
    ),
    "impossible-date": (
        "- sebelum: a\n  sesudah: 2021-99-99\n",
        "koreksi.yml:5: Berkas koreksi.yml bukan YAML yang sah",
    ),
    "nested-too-deep": ("- sebelum: " + "[" * 2000 + "]" * 2000 + "\n", "koreksi.yml:1: Berkas koreksi.yml bersarang"),
    "alias": ("- sebelum: &a x\n  sesudah: *a\n  alasan: c\n", "koreksi.yml:4: Berkas koreksi.yml tidak boleh memakai"),
    "yes-no": (
        "- sebelum: tidak\n  sesudah: no\n  alasan: c\n",
        "koreksi.yml:5: Nilai 'no' di kolom 'sesudah' dibaca YAML sebagai ya/tidak (boolean), bukan teks.",
    ),
    "field-twice": (
        "- sebelum: a\n  sesudah: b\n  sesudah: c\n  alasan: d\n",
        "koreksi.yml:6: kolom 'sesudah' ditulis dua",
    ),
    "misspelt-field": ("- sebelum: a\n  sesudah: b\n  alasn: c\n", "koreksi.yml:6: kolom 'alasn' tidak dikenal"),
    "pages-as-text": (
        "- sebelum: a\n  sesudah: b\n  alasan: c\n  diterapkan: docs/faq/a/b.md\n",
        "koreksi.yml:7: kolom 'diterapkan' berisi daftar halaman",
    ),
    "same-word-again": (
        ENTRY.replace("sekadar", "se-kadar"),
        "koreksi.yml:4: koreksi untuk 'sekedar' sudah ada di baris 1",
    ),
}


@pytest.mark.parametrize(("added", "message"), MISTAKES.values(), ids=MISTAKES)
def test_a_mistake_names_the_line_and_what_to_do(tmp_path, added, message):
    path = tmp_path / "koreksi.yml"
    path.write_bytes(ENTRY.encode() + (added if isinstance(added, bytes) else added.encode()))
    with pytest.raises(ValueError) as error:
        koreksi.load(path)
    assert str(error.value).startswith(message)


def test_make_catatan_reports_a_mistake_without_a_traceback(monkeypatch, capsys):
    def broken():
        raise ValueError("koreksi.yml:4: kolom 'alasn' tidak dikenal")

    monkeypatch.setattr(koreksi, "load", broken)
    assert koreksi.main([]) == 2
    assert capsys.readouterr().err == "Gagal: koreksi.yml:4: kolom 'alasn' tidak dikenal\n"


def test_table_cells_keep_their_columns():
    """A | (GitHub's column break, even in code), a backtick or a line break in an entry stays inside its cell."""
    entries = [{"sebelum": "a|b", "sesudah": "c`d", "alasan": "satu\ndua | tiga", "diterapkan": []}]
    assert koreksi.table(entries).splitlines()[-1] == "| `a\\|b` | ``c`d`` | satu dua \\| tiga |  |"
