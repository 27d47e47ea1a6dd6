"""Smoke test of the benchmark: `bench/run.py --quick` runs and writes well-formed results (never timings).

At 10 and 20 questions: every step of a full run, at sizes that keep the suite quick."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from conftest import CHROMIUM
from support import ROOT, require

pytestmark = pytest.mark.slow  # LaTeX, a browser or a live server


def test_quick_benchmark_output(tmp_path):
    require(CHROMIUM, "chromium")
    require("latexmk", "latexmk")
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--sizes", "10", "20", "--out", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    table = (tmp_path / "results.md").read_text(encoding="utf-8")
    rows = [line for line in table.splitlines() if re.match(r"\| \d+ \|", line)]
    assert [row.split("|")[1].strip() for row in rows] == ["10", "20"] * 3  # build, search, page-weight tables
    for row in rows:
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        for cell in cells:
            number = re.sub(r"^[>≈]|×$", "", cell).replace(",", "")
            assert cell == "—" or re.fullmatch(r"\d+(\.\d+)?", number), f"not a number: {cell!r} in {row}"
        assert "—" not in cells[:7], row  # builds and index sizes are measured at every size
    targets = table.split("## Targets", 1)[1]
    assert re.findall(r"\| (yes|NO) \|", targets)
    data = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert [row["questions"] for row in data] == [10, 20]
    assert (tmp_path / "results.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
