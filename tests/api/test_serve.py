"""`tidings serve` starts uvicorn on 127.0.0.1 and serves the app (a real process)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx

from tests.api.conftest import TOKEN


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_command_runs_the_app(store_path, tmp_path):
    port = _free_port()
    env = {**os.environ, "TIDINGS_API_TOKEN": TOKEN}
    db = tmp_path / "served.duckdb"
    proc = subprocess.Popen(
        [sys.executable, "-m", "tidings", "serve", "--db", str(db), "--port", str(port),
         "--no-warm", "--log-level", "warning", "--max-body", "5000"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                health = httpx.get(base + "/v1/health", timeout=2).json()
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stdout.read() if proc.stdout else ""
                assert time.monotonic() < deadline, "tidings serve did not start"
                time.sleep(0.2)
        assert health["writable"] is True and health["store"] is True
        assert httpx.get(base + "/v1/events").json()["total"] == 0
        assert httpx.post(base + "/v1/code", json={"text": "x" * 6000}).status_code == 413
        assert httpx.post(base + "/v1/articles", json={"text": "a b"}).status_code == 401
        assert "swagger-ui" in httpx.get(base + "/docs").text
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=20)
    assert f"on http://127.0.0.1:{port}/ (writes on, reads open)" in out
    assert TOKEN not in out


def test_serve_help_lists_every_option():
    from typer.testing import CliRunner

    from tidings.cli.main import app

    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    for opt in ("--db", "--host", "--port", "--token", "--reads", "--max-body", "--cors-origin",
                "--no-warm", "--log-level"):
        assert opt in result.output
