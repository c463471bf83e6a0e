"""Load: 50 concurrent clients for ~10 s against a real `tidings serve` on 127.0.0.1, mixing
POST /v1/code, token writes and reads; 0 errors, p50/p99 printed. The full 60 s run is
benchmarks/load.py."""

from __future__ import annotations

import pytest

from tests.reliability.server import load, serve


@pytest.mark.model
def test_50_clients_for_10_seconds(tmp_path, capsys):
    from tests.api.conftest import build_store

    db = build_store(tmp_path / "load.duckdb")
    with serve(db) as base:
        result = load(base, clients=50, seconds=10)
    with capsys.disabled():
        print("\nload (CI): " + result.report())
    assert result.requests > 50
    assert not result.errors, result.errors[:5]
    assert {"code", "write", "read"} <= set(result.by_kind)
