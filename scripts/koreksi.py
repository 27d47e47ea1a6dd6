"""The approved corrections table (koreksi.yml) and the table of EDITORIAL_NOTES.md made from it.

koreksi.yml is the one source of every word the editors changed in the old website's text:
the importer (scripts/impor.py) applies its entries and records where, the tests check the
handbook against it, and EDITORIAL_NOTES.md shows it as a table. Each entry:

    - sebelum: propinsi          # the form in the export (matched as whole words)
      sesudah: provinsi          # the approved form
      alasan: 'KBBI: *provinsi*.'
      diterapkan:                # pages where it was applied (the importer appends)
      - docs/faq/sosialisasi/siapa-pelaku-sosialisasi.md

    python scripts/koreksi.py            # rewrite the table in EDITORIAL_NOTES.md
    python scripts/koreksi.py --periksa  # exit 1 if the committed table is out of date
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "koreksi.yml"
NOTES = ROOT / "EDITORIAL_NOTES.md"
FIELDS = ("sebelum", "sesudah", "alasan")
HEADER = """\
# Approved corrections of the old website's text: the one source for scripts/impor.py, the tests
# and the table in EDITORIAL_NOTES.md (regenerate it with `make catatan`). Entries apply in order.
# `diterapkan` lists the pages each correction was applied to; the importer appends to it.
"""
# The generated table sits between these two lines of EDITORIAL_NOTES.md.
BEGIN = "<!-- Tabel dibuat dari koreksi.yml dengan `make catatan`; sunting koreksi.yml, bukan tabel ini. -->"
END = "<!-- Akhir tabel koreksi. -->"


def load(path: Path = TABLE) -> list[dict]:
    """The entries of the table, in order; a malformed entry stops with its number."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    if not isinstance(entries, list):
        raise ValueError(f"{path.name}: isinya harus daftar koreksi (baris '- sebelum: ...').")
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not all(isinstance(entry.get(key), str) and entry[key] for key in FIELDS):
            raise ValueError(f"{path.name}: koreksi ke-{number} harus punya sebelum, sesudah dan alasan (teks).")
        entry.setdefault("diterapkan", [])
    return entries


def dump(entries: list[dict], path: Path = TABLE) -> None:
    body = yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(HEADER + body, encoding="utf-8")


def table(entries: list[dict]) -> str:
    """The Markdown table of EDITORIAL_NOTES.md."""
    rows = ["| Sebelum | Sesudah | Alasan | Diterapkan di |", "| --- | --- | --- | --- |"]
    for entry in entries:
        pages = ", ".join(page.removeprefix("docs/faq/").removesuffix(".md") for page in entry["diterapkan"])
        rows.append(f"| `{entry['sebelum']}` | `{entry['sesudah']}` | {entry['alasan']} | {pages} |")
    return "\n".join(rows)


def notes_with_table(notes: str, entries: list[dict]) -> str:
    """EDITORIAL_NOTES.md's text with its table replaced by the one made from `entries`."""
    head, found, rest = notes.partition(BEGIN + "\n")
    _, found_end, tail = rest.partition("\n" + END)
    if not (found and found_end):
        raise ValueError(f"{NOTES.name}: penanda awal/akhir tabel koreksi tidak ditemukan.")
    return f"{head}{BEGIN}\n{table(entries)}\n{END}{tail}"


def write_notes(entries: list[dict], notes: Path = NOTES) -> None:
    notes.write_text(notes_with_table(notes.read_text(encoding="utf-8"), entries), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Buat ulang tabel koreksi EDITORIAL_NOTES.md dari koreksi.yml.")
    parser.add_argument("--periksa", action="store_true", help="hanya periksa; gagal jika tabelnya usang")
    args = parser.parse_args(argv)
    entries = load()
    current = NOTES.read_text(encoding="utf-8")
    expected = notes_with_table(current, entries)
    if args.periksa:
        if current != expected:
            print("Tabel di EDITORIAL_NOTES.md tidak sama dengan koreksi.yml. Jalankan: make catatan", file=sys.stderr)
            return 1
        return 0
    NOTES.write_text(expected, encoding="utf-8")
    print(f"{NOTES.name}: tabel {len(entries)} koreksi dibuat dari {TABLE.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
