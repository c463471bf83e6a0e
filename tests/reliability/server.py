"""A real `tidings serve` (uvicorn, 127.0.0.1 only) on a store, and a bounded load run
against it; shared by tests/reliability/test_load.py and benchmarks/load.py."""

from __future__ import annotations

import asyncio
import os
import random
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

TOKEN = "reliability-token-0123456789"
HOST = "127.0.0.1"  # never anything else: the load never leaves this machine
TEXTS = (
    "Egypt accused Israel of blocking aid convoys at the Rafah crossing on Tuesday.",
    "Russian forces shelled the Ukrainian city of Kharkiv overnight, officials said.",
    "China and India agreed to resume border talks next month in Beijing.",
    "The United States imposed new sanctions on Iran over its nuclear programme.",
)
READS = ("/v1/health", "/v1/events?limit=20", "/v1/events?actor=EGY&sort=-day",
         "/v1/dyads", "/v1/timeseries?freq=day", "/v1/network", "/v1/events?format=csv",
         "/events", "/code")


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(db: Path, *extra: str, warm: bool = True) -> Iterator[str]:
    """`tidings serve` in a subprocess with writes on; yields its base URL."""
    port = free_port()
    args = [sys.executable, "-m", "tidings", "serve", "--db", str(db), "--host", HOST,
            "--port", str(port), "--log-level", "warning", *extra]
    if not warm:
        args.append("--no-warm")
    proc = subprocess.Popen(args, env={**os.environ, "TIDINGS_API_TOKEN": TOKEN},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://{HOST}:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                if httpx.get(base + "/v1/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None:
                raise RuntimeError("tidings serve exited: " + (proc.stderr.read()
                                                               if proc.stderr else ""))
            if time.monotonic() > deadline:
                raise RuntimeError("tidings serve did not start")
            time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


@dataclass(slots=True)
class LoadResult:
    requests: int = 0
    errors: list[str] = field(default_factory=list)
    by_kind: Counter[str] = field(default_factory=Counter)
    latencies: dict[str, list[float]] = field(default_factory=dict)
    seconds: float = 0.0

    def percentile(self, q: float, kind: str | None = None) -> float:
        vals = sorted(v for k, vs in self.latencies.items() if kind in (None, k) for v in vs)
        if not vals:
            return 0.0
        return vals[min(len(vals) - 1, int(q * len(vals)))]

    def report(self) -> str:
        lines = [f"{self.requests:,} requests from {len(self.by_kind) and 'mixed'} clients in "
                 f"{self.seconds:.1f} s ({self.requests / max(self.seconds, 1e-9):.1f}/s): "
                 f"{len(self.errors)} errors; p50 {self.percentile(0.5) * 1000:.0f} ms, "
                 f"p99 {self.percentile(0.99) * 1000:.0f} ms"]
        for kind in sorted(self.by_kind):
            lines.append(f"  {kind:<6} {self.by_kind[kind]:>6,}  p50 "
                         f"{self.percentile(0.5, kind) * 1000:7.0f} ms  p99 "
                         f"{self.percentile(0.99, kind) * 1000:7.0f} ms")
        lines += ["  ! " + e for e in self.errors[:5]]
        return "\n".join(lines)


async def _client(n: int, base: str, until: float, result: LoadResult, seed: int) -> None:
    rng = random.Random(f"{seed}:{n}")
    auth = {"Authorization": f"Bearer {TOKEN}"}
    async with httpx.AsyncClient(base_url=base, timeout=120) as client:
        i = 0
        while time.monotonic() < until:  # bounded: stops by itself at the deadline
            i += 1
            pick = rng.random()
            text = rng.choice(TEXTS) + " " + rng.choice(TEXTS)
            if pick < 0.2:
                kind, call = "code", client.post("/v1/code", json={"text": text})
                ok = (200,)
            elif pick < 0.3:
                kind = "write"
                call = client.post("/v1/articles", headers=auth, json={
                    "id": f"load-{n}-{i % 5}", "text": text, "published": "2024-05-07"})
                ok = (200, 201)
            else:
                kind, call = "read", client.get(rng.choice(READS))
                ok = (200,)
            t = time.perf_counter()
            try:
                r = await call
                status = r.status_code
            except httpx.HTTPError as exc:
                status, r = -1, None
                result.errors.append(f"{kind}: {type(exc).__name__}: {exc}")
            result.latencies.setdefault(kind, []).append(time.perf_counter() - t)
            result.requests += 1
            result.by_kind[kind] += 1
            if status != -1 and status not in ok:
                result.errors.append(f"{kind}: HTTP {status}: {r.text[:200] if r else ''}")


def load(base: str, *, clients: int = 50, seconds: float = 10.0, seed: int = 0) -> LoadResult:
    """``clients`` concurrent clients for ``seconds``: 20% POST /v1/code, 10% POST
    /v1/articles (token), 70% reads (API and pages)."""
    result = LoadResult()
    started = time.monotonic()

    async def main() -> None:
        until = time.monotonic() + seconds
        await asyncio.gather(*(_client(n, base, until, result, seed) for n in range(clients)))

    asyncio.run(main())
    result.seconds = time.monotonic() - started
    return result
