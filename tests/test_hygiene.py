"""Repository hygiene that CI enforces too: the Python passes ruff, the hooks file is valid, the
tests' web server keeps the output clean."""

from __future__ import annotations

import socket
import struct
import subprocess
import sys
import time

import pytest
from support import ROOT, serve


@pytest.mark.parametrize("command", [["check"], ["format", "--check"]], ids=["lint", "format"])
def test_python_passes_ruff(command):
    result = subprocess.run(
        [sys.executable, "-m", "ruff", *command, "."], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_pre_commit_config_is_valid():
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", ".pre-commit-config.yaml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_test_server_is_quiet_when_a_browser_leaves_mid_file(tmp_path, capsys):
    """A page left while a file is still being sent (a test's next goto) prints no traceback
    into the suite's output; the connection is reset, as a browser's is."""
    (tmp_path / "besar.bin").write_bytes(b"x" * 20_000_000)
    with serve(tmp_path) as base:
        client = socket.create_connection(("127.0.0.1", int(base.rsplit(":", 1)[1])))
        client.sendall(b"GET /besar.bin HTTP/1.0\r\n\r\n")
        client.recv(1024)
        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # reset on close
        client.close()
        time.sleep(0.5)
    assert "Traceback" not in capsys.readouterr().err
