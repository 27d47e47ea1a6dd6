"""Build the website, serve it on loopback and audit three pages with Lighthouse.

Prints one row per page with the Performance, Accessibility, Best Practices and SEO
scores (0-100) and, under the table, every audit that cost points. Lighthouse runs its
default (mobile, simulated slow 4G) configuration in Debian's Chromium; the local server
compresses text like the production host, so transfer sizes match what readers download.

    python scripts/lighthouse.py [--keep DIR]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from support import CHROMIUM, DOCS, QuietHandler, serve, sphinx_build  # noqa: E402 (path above)

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = {
    "home": "index.html",
    "question": "faq/sosialisasi/apa-itu-sosialisasi.html",
    "search": "search.html?q=sosialisasi",
}
TEXT = {".html", ".css", ".js", ".svg", ".xml", ".txt"}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


class CompressingHandler(QuietHandler):
    """Serves text files gzip-compressed, as Read the Docs does; Python's own server never compresses."""

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.suffix not in TEXT or not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().do_GET()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def build(outdir: Path, base_url: str) -> None:
    """A strict build whose canonical URLs, sitemap and 404 links point at the local server."""
    result = sphinx_build(DOCS, outdir, "html", "-q", env={"READTHEDOCS_CANONICAL_URL": base_url})
    if result.returncode:
        sys.exit(f"strict build failed:\n{result.stdout}")


def audit(url: str) -> dict:
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless --no-sandbox --disable-gpu",
    ]
    result = subprocess.run(
        command, check=True, capture_output=True, text=True, env={**os.environ, "CHROME_PATH": CHROMIUM}
    )
    return json.loads(result.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--keep", type=Path, help="write the Lighthouse JSON reports into this directory")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is missing: run `npm ci`")
    with tempfile.TemporaryDirectory() as site, serve(Path(site), CompressingHandler) as base:
        base_url = base + "/"
        build(Path(site), base_url)
        print(f"{'page':<10}" + "".join(f"{c:>16}" for c in CATEGORIES))
        losses = []
        for name, path in PAGES.items():
            report = audit(base_url + path)
            if args.keep:
                args.keep.mkdir(parents=True, exist_ok=True)
                (args.keep / f"{name}.json").write_text(json.dumps(report), encoding="utf-8")
            scores = [round(report["categories"][c]["score"] * 100) for c in CATEGORIES]
            print(f"{name:<10}" + "".join(f"{s:>16}" for s in scores))
            for category in CATEGORIES:
                for ref in report["categories"][category]["auditRefs"]:
                    result = report["audits"][ref["id"]]
                    if ref["weight"] and result["score"] is not None and result["score"] < 1:
                        value = result.get("displayValue", "")
                        losses.append(f"  {name}/{category}: {ref['id']} (score {result['score']}) {value}")
    if losses:
        print("\nAudits that cost points:")
        print("\n".join(losses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
