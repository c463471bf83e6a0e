"""Load run: N concurrent clients for S seconds against a real `tidings serve` on 127.0.0.1.

    .venv/bin/python benchmarks/load.py                      # 50 clients, 60 s
    .venv/bin/python benchmarks/load.py --clients 100 --seconds 30

The server runs on a fresh store (the hand-built store of tests/api) with writes on; the
clients mix POST /v1/code (20%), POST /v1/articles with the token (10%) and reads of the API
and pages (70%), and stop by themselves at the deadline. Prints requests, errors and p50/p99
latency per kind; exits 1 on any error. Traffic never leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.api.conftest import build_store  # noqa: E402
from tests.reliability.server import load, serve  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="tidings-load-") as tmp:
        db = build_store(Path(tmp) / "load.duckdb")
        with serve(db) as base:
            result = load(base, clients=args.clients, seconds=args.seconds, seed=args.seed)
    print(f"load: {args.clients} clients, {args.seconds:.0f} s")
    print(result.report())
    return 1 if result.errors else 0


if __name__ == "__main__":
    sys.exit(main())
