"""Print-ready booklets of the pocket edition: `make buku-saku`.

Each A5 PDF given (the pocket edition and one per category, built by Sphinx with
``faq_latex_paper=a5``) is copied into the output folder and imposed beside it as
``<name>-cetak.pdf``: A4 landscape sheets, two A5 pages a side, in saddle-stitch order, the
page count padded with blank pages to a multiple of 4. The imposition is pdfpages' own
(``pdfjam --booklet``, Debian's texlive-extra-utils). pdfpages turns every other side upside
down for printers that flip on the long edge; here each such side carries ``/Rotate 180``
instead (the recipe of pdfbook2's short-edge mode), so that every side reads upright on
screen and the copy shop prints with "flip on short edge", as for any landscape booklet.

    python scripts/buku_saku.py _build/buku-saku/latex/*-saku.pdf --keluaran _build/buku-saku
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

BOOKLET_SUFFIX = "-cetak"
# Odd sides (the fronts of the sheets) are the ones pdfpages turns: turn them back with /Rotate.
UPRIGHT = r"\usepackage{everyshi}\makeatletter\EveryShipout{\ifodd\c@page\pdfpageattr{/Rotate 180}\fi}\makeatother"


def impose(pocket: Path, booklet: Path) -> None:
    """Impose one A5 PDF as a saddle-stitched booklet on A4 landscape sheets."""
    command = ["pdfjam", "--quiet", "--booklet", "true", "--landscape", "--paper", "a4paper"]
    command += ["--preamble", UPRIGHT, "--outfile", str(booklet), str(pocket)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0 or not booklet.is_file():
        raise SystemExit(f"pdfjam gagal menyusun {booklet.name}:\n{result.stdout}{result.stderr}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Susun buku saku A5 menjadi lembar cetak A4 (buklet).")
    parser.add_argument("pdf", nargs="+", type=Path, help="PDF A5 buku saku")
    parser.add_argument("--keluaran", type=Path, required=True, help="folder hasil")
    args = parser.parse_args(argv)
    if not shutil.which("pdfjam"):
        print("pdfjam tidak ditemukan: pasang paket Debian 'texlive-extra-utils'.", file=sys.stderr)
        return 2
    args.keluaran.mkdir(parents=True, exist_ok=True)
    for pocket in args.pdf:
        copy = args.keluaran / pocket.name
        if copy.resolve() != pocket.resolve():
            shutil.copyfile(pocket, copy)
        booklet = args.keluaran / f"{pocket.stem}{BOOKLET_SUFFIX}.pdf"
        impose(copy, booklet)
        print(f"{copy}\n{booklet}")
    print("Cetak berkas *-cetak.pdf bolak-balik pada kertas A4, balik pada sisi pendek; lipat dan jepret di tengah.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
