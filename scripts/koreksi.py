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
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "docs" / "_ext"))
from faq_schema import TEXT, Refused, compose, duplicate_keys, not_text, read_utf8, shorten  # noqa: E402

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
EXAMPLE = "Contoh: '- sebelum: propinsi', lalu, menjorok dua spasi, 'sesudah: provinsi' dan 'alasan: KBBI.'"


def load(path: Path = TABLE) -> list[dict]:
    """The entries of the table, in order. A mistake stops with a ValueError that names the file, the line and
    what to do."""
    try:
        node = compose(read_utf8(path), f"Berkas {path.name}")
    except Refused as error:
        raise ValueError(f"{path.name}:{error.line + 1}: {error}") from None
    if node is not None and not isinstance(node, yaml.SequenceNode):
        raise ValueError(f"{path.name}:1: isinya harus daftar koreksi. {EXAMPLE}")
    entries: list[dict] = []
    lines: dict[str, int] = {}  # sebelum -> the line of its entry
    for item in node.value if node is not None else []:
        line = item.start_mark.line + 1
        entry = _entry(path, item, line)
        if entry["sebelum"] in lines:
            raise ValueError(
                f"{path.name}:{line}: koreksi untuk '{shorten(entry['sebelum'])}' sudah ada di baris "
                f"{lines[entry['sebelum']]}. Gabungkan keduanya menjadi satu koreksi."
            )
        if entry["sebelum"] == entry["sesudah"]:
            raise ValueError(
                f"{path.name}:{line}: 'sebelum' dan 'sesudah' sama: koreksi ini tidak mengubah apa pun. Perbaiki "
                "'sesudah' atau hapus koreksinya."
            )
        lines[entry["sebelum"]] = line
        entries.append(entry)
    return entries


def _entry(path: Path, node: yaml.Node, line: int) -> dict:
    """One entry of the table as {sebelum, sesudah, alasan, diterapkan}."""
    if not isinstance(node, yaml.MappingNode):
        raise ValueError(f"{path.name}:{line}: setiap koreksi berisi kolom sebelum, sesudah dan alasan. {EXAMPLE}")
    written_again = duplicate_keys(node)
    if written_again:
        name, again, earlier = written_again[0]
        raise ValueError(
            f"{path.name}:{again + 1}: kolom '{shorten(name)}' ditulis dua kali di koreksi ini (juga di baris "
            f"{earlier + 1}). Hapus salah satunya."
        )
    fields = {str(key.value): (value, key.start_mark.line + 1) for key, value in node.value}
    for name, (_, at) in fields.items():
        if name not in (*FIELDS, "diterapkan"):
            raise ValueError(
                f"{path.name}:{at}: kolom '{shorten(name)}' tidak dikenal; kolom koreksi: {', '.join(FIELDS)} dan "
                "diterapkan. Periksa ejaannya."
            )
    entry = {}
    for name in FIELDS:
        value, at = fields.get(name, (None, line))
        message = not_text(value, name) if value is not None else None
        if message:
            raise ValueError(f"{path.name}:{at}: {message}")
        if not (isinstance(value, yaml.ScalarNode) and value.tag == TEXT and value.value.strip()):
            raise ValueError(f"{path.name}:{at}: kolom '{name}' wajib ada dan berisi teks. {EXAMPLE}")
        entry[name] = value.value
    pages, at = fields.get("diterapkan", (None, line))
    if pages is None or pages.tag.endswith(":null"):
        entry["diterapkan"] = []  # not applied yet
    elif isinstance(pages, yaml.SequenceNode) and all(
        isinstance(page, yaml.ScalarNode) and page.tag == TEXT and page.value.strip() for page in pages.value
    ):
        entry["diterapkan"] = [page.value for page in pages.value]
    else:
        raise ValueError(
            f"{path.name}:{at}: kolom 'diterapkan' berisi daftar halaman, satu per baris diawali '- ', misalnya "
            "'- docs/faq/sosialisasi/apa-itu-sosialisasi.md'."
        )
    return entry


def dump(entries: list[dict], path: Path = TABLE) -> None:
    body = yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(HEADER + body, encoding="utf-8")


def table(entries: list[dict]) -> str:
    """The Markdown table of EDITORIAL_NOTES.md."""
    rows = ["| Sebelum | Sesudah | Alasan | Diterapkan di |", "| --- | --- | --- | --- |"]
    for entry in entries:
        pages = ", ".join(page.removeprefix("docs/faq/").removesuffix(".md") for page in entry["diterapkan"])
        before, after = code(cell(entry["sebelum"])), code(cell(entry["sesudah"]))
        rows.append(f"| {before} | {after} | {cell(entry['alasan'])} | {cell(pages)} |")
    return "\n".join(rows)


def cell(text: str) -> str:
    """`text` in one cell of a Markdown table: on one line, and its | escaped (a column break even in code)."""
    return " ".join(text.split()).replace("|", "\\|")


def code(text: str) -> str:
    """`text` as inline code, whatever backticks it holds."""
    fence = "`" * (max(map(len, re.findall("`+", text)), default=0) + 1)
    space = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{space}{text}{space}{fence}"


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
    try:
        entries = load()
    except ValueError as error:
        print(f"Gagal: {error}", file=sys.stderr)
        return 2
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
