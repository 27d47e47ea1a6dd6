"""Add a question page (and, if asked, a new category): `make new`.

Asks in Indonesian for whatever is not given as an option, writes
docs/faq/<kategori>/<slug>.md with its front matter filled, and prints the path
and the preview command. The page is the only file written: the category lists
every question of its folder by itself (faq_catalog), the new one last.

    python scripts/new_question.py --kategori sosialisasi --pertanyaan "Apa itu KBK?" \
        --kata-kunci "KBK, kelurahan" --ringkasan "KBK adalah ..."
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "docs" / "_ext"))

from faq_schema import PLACEHOLDER, SUMMARY_MAX  # noqa: E402  (needs the path above)

# A file name made from a title keeps its first words up to this length: enough to tell the
# page, and far below the 255 bytes a file system allows.
NAME_MAX = 80


class Stop(Exception):
    """A contributor error: printed as is, exit status 2."""


def slug(text: str) -> str:
    """Lowercase ASCII words joined by hyphens: 'Apa itu KBK?' -> 'apa-itu-kbk'; a long text
    gives its first words, up to NAME_MAX characters."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    name = ""
    for word in re.findall(r"[a-z0-9]+", ascii_text.lower()):
        longer = f"{name}-{word}" if name else word[:NAME_MAX]
        if len(longer) > NAME_MAX:
            break
        name = longer
    return name


def question_name(question: str) -> str:
    """The file name (without .md) of a question's page."""
    name = slug(question)
    if not name:
        raise Stop(f"Pertanyaan {question!r} tidak menghasilkan nama berkas: tulis judulnya dengan huruf atau angka.")
    if name == "index":
        raise Stop(f"Pertanyaan {question!r} menghasilkan nama berkas index.md, milik halaman kategori: ubah judulnya.")
    return name


def ask(prompt: str, given: str | None) -> str:
    if given is not None:
        return given.strip()
    try:
        return input(prompt).strip()
    except EOFError:
        raise Stop(f"Tidak ada jawaban untuk: {prompt.strip()}") from None


def categories(faq: Path) -> list[str]:
    return sorted(p.parent.name for p in faq.glob("*/index.md"))


def choose_category(faq: Path, given: str | None) -> str:
    known = categories(faq)
    if given is None:
        print("Kategori yang ada:")
        for number, name in enumerate(known, start=1):
            print(f"  {number}. {name}")
    answer = ask("Kategori (nomor, atau nama untuk kategori baru): ", given)
    if answer.isdigit() and 1 <= int(answer) <= len(known):
        return known[int(answer) - 1]
    name = slug(answer)
    if not name:
        raise Stop("Nama kategori kosong. Tulis nama kategori, misalnya: pendanaan")
    return name


def create_category(folder: Path, title: str, description: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    front = yaml.safe_dump({"description": description}, allow_unicode=True, width=1000)
    # The generated question list; faq_catalog adds the toctree of the folder's questions.
    text = f"---\n{front}---\n\n# {title}\n\n{description}\n\n```{{faq-questions}}\n```\n"
    (folder / "index.md").write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Tambah halaman pertanyaan baru ke buku tanya jawab.")
    parser.add_argument("--kategori", help="folder kategori, misalnya: sosialisasi")
    parser.add_argument("--pertanyaan", help="judul pertanyaan, diakhiri '?'")
    parser.add_argument("--kata-kunci", help="kata kunci, dipisah koma")
    parser.add_argument("--ringkasan", help=f"satu kalimat ringkas jawaban (paling banyak {SUMMARY_MAX} karakter)")
    parser.add_argument("--kategori-baru", action="store_true", help="buat kategorinya jika belum ada")
    parser.add_argument("--judul-kategori", help="judul kategori baru")
    parser.add_argument("--deskripsi-kategori", help="satu kalimat deskripsi kategori baru")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        path = run(args)
    except Stop as error:
        print(f"Gagal: {error}", file=sys.stderr)
        return 2
    shown = path.relative_to(args.docs.parent) if path.is_relative_to(args.docs.parent) else path
    print(f"\nHalaman baru: {shown}")
    print("Pertanyaan ini tampil paling akhir di kategorinya (untuk tempat lain: 'urutan: N' di front matter).")
    print(f"Ganti '{PLACEHOLDER}' dengan jawabannya, lalu lihat pratinjaunya:")
    print("  make livehtml    (buka http://127.0.0.1:8000 di peramban)")
    return 0


def run(args) -> Path:
    faq = args.docs / "faq"
    category = choose_category(faq, args.kategori)
    folder = faq / category
    if not (folder / "index.md").is_file():
        if not args.kategori_baru:
            if args.kategori is not None and args.pertanyaan is not None:
                raise Stop(f"Kategori '{category}' belum ada. Tambahkan --kategori-baru untuk membuatnya.")
            if ask(f"Kategori '{category}' belum ada. Buat kategori baru? (y/t): ", None).lower() not in {"y", "ya"}:
                raise Stop("Dibatalkan.")
        default = category.replace("-", " ").capitalize()
        title = ask(f"Judul kategori [{default}]: ", args.judul_kategori) or default
        description = ask("Deskripsi kategori (satu kalimat): ", args.deskripsi_kategori)
        if not description:
            raise Stop("Deskripsi kategori tidak boleh kosong.")
        create_category(folder, title, description)
        print(f"Kategori baru: docs/faq/{category}/index.md (otomatis tampil di beranda)")

    question = " ".join(ask("Pertanyaan (diakhiri '?'): ", args.pertanyaan).split())
    if not question.endswith("?"):
        raise Stop(f"Pertanyaan harus diakhiri tanda tanya '?': {question!r}")
    page = folder / f"{question_name(question)}.md"
    if page.exists():
        raise Stop(
            f"Berkas {page.name} sudah ada di kategori '{category}'. Ubah pertanyaannya atau sunting berkas itu."
        )

    keywords = [k.strip() for k in ask("Kata kunci (dipisah koma): ", args.kata_kunci).split(",") if k.strip()]
    if not keywords:
        raise Stop("Isi minimal satu kata kunci, misalnya: KBK, kelurahan")
    summary = " ".join(ask("Ringkasan jawaban (satu kalimat): ", args.ringkasan).split())
    if not summary or len(summary) > SUMMARY_MAX:
        raise Stop(f"Ringkasan harus berisi satu kalimat, paling banyak {SUMMARY_MAX} karakter.")

    front = yaml.safe_dump(
        {"keywords": keywords, "summary": summary},
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=None,
        width=1000,
    )
    page.write_text(f"---\n{front}---\n\n# {question}\n\n{PLACEHOLDER}\n", encoding="utf-8")
    return page


if __name__ == "__main__":
    sys.exit(main())
