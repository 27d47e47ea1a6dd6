"""`make livehtml`: sphinx-autobuild serves the site and rebuilds a page when its file is saved."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from support import STRICT, copy_docs

pytestmark = pytest.mark.slow  # LaTeX, a browser or a live server

PAGE = "faq/sosialisasi/apa-itu-sosialisasi"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, text: str, seconds: float = 90) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8"):
                    return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


def test_livehtml_serves_and_rebuilds_on_save(tmp_path):
    docs = copy_docs(tmp_path / "docs")
    port = free_port()
    command = [sys.executable, "-m", "sphinx_autobuild", str(docs), str(tmp_path / "out"), *STRICT]
    log = tmp_path / "livehtml.log"
    with log.open("w") as output:
        server = subprocess.Popen([*command, "--host", "127.0.0.1", "--port", str(port)], stdout=output, stderr=output)
    try:
        url = f"http://127.0.0.1:{port}/{PAGE}.html"
        assert wait_for(url, "Apa itu Sosialisasi?"), f"the preview did not start:\n{log.read_text()}"
        page = docs / f"{PAGE}.md"
        page.write_text(page.read_text(encoding="utf-8").replace("Pada akhirnya,", "Pada akhirnya kelak,"), "utf-8")
        assert wait_for(url, "Pada akhirnya kelak,"), f"no rebuild after the save:\n{log.read_text()}"
    finally:
        server.terminate()
        server.wait(timeout=30)
