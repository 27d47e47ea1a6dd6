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
