"""Paths and the test suite's helpers (strict options, Chromium, loopback server) for the benchmark modules."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
sys.path.insert(0, str(ROOT / "tests"))
from support import CHROMIUM, CHROMIUM_ARGS, STOCK_CONF, STRICT, sentences, serve  # noqa: E402 (the path above)

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "DOCS", "ROOT", "STOCK_CONF", "STRICT", "sentences", "serve"]
