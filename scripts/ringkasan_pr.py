"""The pull request's job summary, in Indonesian, from the build log.

    python scripts/ringkasan_pr.py _build/pemeriksaan.log [--pratinjau URL] >> "$GITHUB_STEP_SUMMARY"

Lists each problem of the strict build (and of the spelling check) as
"file:line — message — what to do", for contributors who never read a raw log; a
clean build says which pages it checked. Messages are split where the handbook's
extensions write them as "<what is wrong> — <what to do>" (faq_messages); the
schema's own messages (faq_schema) say both in their sentences.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEPARATOR = " — "
GUIDE = "CONTRIBUTING.md, bagian Arti setiap pesan"

# "path:line: WARNING: message [type]" (Sphinx), "WARNING: path:line: : Spell check: …" (sphinxcontrib-spelling)
SPHINX = re.compile(r"^(?:(?P<path>\S.*?):(?:(?P<line>\d+):)? )?(?:WARNING|ERROR|CRITICAL|SEVERE): (?P<text>.*)$")
SPELLING = re.compile(r"^WARNING: (?P<path>\S.*?):(?P<line>\d+): : Spell check: (?P<word>[^:]+): (?P<rest>.*)$")
TYPE = re.compile(r" \[(?P<type>[\w.-]+)\]$")
# Sphinx may erase and colour its progress lines (ESC [ 2K, ESC [ 31m) even in a log file.
TERMINAL_CODES = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
READING = re.compile(r"^reading sources\.\.\. \[\s*\d+%\] (?P<docname>\S+)$")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


@dataclass
class Problem:
    place: str
    message: str
    action: str


def relative(path: str, root: Path) -> str:
    """The file as the contributor sees it in the repository: docs/faq/…"""
    try:
        return str(Path(path).resolve().relative_to(root.resolve()))
    except ValueError:
        match = re.search(r"(?:^|/)(docs/.*)$", path)
        return match.group(1) if match else path


def split(text: str) -> tuple[str, str]:
    """(message, what to do) of one warning's text."""
    parts = text.split(SEPARATOR)
    if len(parts) >= 3 and parts[1].startswith("Artinya: "):  # English original — meaning — action
        meaning = parts[1].removeprefix("Artinya: ")
        return f"{meaning[:1].upper()}{meaning[1:]} (pesan asli: {parts[0]})", SEPARATOR.join(parts[2:])
    if len(parts) >= 2:  # translated by the handbook's catalog
        return f"{parts[0][:1].upper()}{parts[0][1:]}", SEPARATOR.join(parts[1:])
    sentences = SENTENCE_END.split(text, maxsplit=1)
    if len(sentences) == 2:
        return sentences[0], sentences[1]
    return text, f"Perbaiki sesuai pesan ini; contohnya ada di {GUIDE}."


def shorten(text: str, root: Path) -> str:
    """Paths in a message as in the repository (docs/…), not as on the machine that built it."""
    text = text.replace(f"{root.resolve()}/", "")
    return re.sub(r"(?<![\w.])/[^\s'\"]*?/(docs/)", r"\1", text)


def problems(log: str, root: Path) -> list[Problem]:
    """The problems of the log, by file and line."""
    found = []
    for line in log.splitlines():
        line = line.rstrip()
        if spelling := SPELLING.match(line):
            found.append(
                Problem(
                    f"{relative(spelling['path'], root)}:{spelling['line']}",
                    f"Ejaan: kata '{spelling['word']}' tidak ada di kamus (saran: {spelling['rest'].rstrip('.')})",
                    "Perbaiki ejaannya. Jika kata itu benar (nama, singkatan, istilah program), "
                    "tambahkan ke docs/spelling_wordlist.txt, satu kata per baris.",
                )
            )
        elif match := SPHINX.match(line):
            text = TYPE.sub("", match["text"])
            place = relative(match["path"], root) if match["path"] else "(seluruh buku)"
            if match["line"]:
                place += f":{match['line']}"
            found.append(Problem(place, *split(shorten(text, root))))
    return sorted(found, key=lambda p: [int(part) if part.isdigit() else part for part in p.place.split(":")])


def pages(log: str) -> list[str]:
    """The pages the build read (once each, in order)."""
    found = [f"docs/{m['docname']}.md" for line in log.splitlines() if (m := READING.match(line.rstrip()))]
    return list(dict.fromkeys(found))


def markdown(text: str) -> str:
    """Text shown as is in GitHub's Markdown (no tag, link or emphasis made of the message's characters)."""
    return re.sub(r"([\\`*_\[\]<>|#~])", r"\\\1", text.replace("&", "&amp;"))


def summary(log: str, root: Path = ROOT, preview: str | None = None, failed: bool = False) -> str:
    """The summary in Markdown; `failed`: the build's exit status was not 0 (whatever the log shows)."""
    found = problems(log, root)
    checked = pages(log)
    lines = ["## Hasil pemeriksaan halaman", ""]
    if (failed or not checked) and not found:
        tail = [line for line in log.splitlines() if line.strip()][-5:]
        lines += [
            "❌ **Pembangunan gagal** tanpa pesan yang menyebut berkas. Minta bantuan pengelola dan sertakan "
            "tautan ke pull request ini. Baris terakhir log:",
            "",
            "```text",
            *(tail or ["(log kosong)"]),
            "```",
        ]
    elif found:
        lines += [
            f"❌ **Ada {len(found)} masalah** yang harus diperbaiki sebelum perubahan ini bisa diterbitkan. "
            "Setiap baris menyebut berkas dan nomor barisnya, pesannya, lalu yang harus dilakukan:",
            "",
        ]
        lines += [f"- **{markdown(p.place)}** — {markdown(p.message)} — {markdown(p.action)}" for p in found]
        lines += [
            "",
            "Perbaiki berkasnya (di GitHub: buka berkas di cabang pull request ini, lalu pilih ikon pensil), "
            "simpan dengan *Commit changes*, dan pemeriksaan berjalan lagi dengan sendirinya. "
            f"Penjelasan setiap pesan ada di {GUIDE}.",
        ]
    else:
        lines += ["✅ **Semua pemeriksaan lolos**: tidak ada kesalahan pada halaman mana pun."]
    if preview:
        lines += ["", f"Pratinjau situs (setelah Read the Docs selesai membangunnya): {preview}"]
    if checked:
        listed = "\n".join(f"- {markdown(page)}" for page in checked)
        heading = f"Halaman yang diperiksa ({len(checked)})"
        lines += ["", f"<details><summary>{heading}</summary>" if found else f"{heading}:", "", listed]
        lines += ["", "</details>"] if found else []
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("log", type=Path, help="the build log (make html spelling … 2>&1)")
    parser.add_argument("--pratinjau", help="address of the pull request's Read the Docs preview")
    parser.add_argument("--gagal", action="store_true", help="the build failed (its exit status was not 0)")
    args = parser.parse_args(argv)
    log = args.log.read_text(encoding="utf-8", errors="replace") if args.log.is_file() else ""
    log = TERMINAL_CODES.sub("", log)
    sys.stdout.write(summary(log, ROOT, args.pratinjau, args.gagal))
    return 0


if __name__ == "__main__":
    sys.exit(main())
