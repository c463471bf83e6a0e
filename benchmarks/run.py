"""Throughput and memory of tidings against bare spaCy parsing, measured in one run.

    python benchmarks/run.py [--articles 300|all] [--workers 1,2] [--memory-articles 100]
                             [--out benchmarks/results/] [--skip-memory] [--set NAME=VALUE]
                             [--repeat N]

Reads the BBC corpus (../shared/data/bbc-news/bbc-news.jsonl; the examples/ folder repeated
when it is absent). For each worker count W, in a fresh process each:

  (a) parse-only: spaCy ``nlp.pipe`` over every paragraph of the cleaned text (all of it: the
      ``parse_filter`` setting does not apply), same batch size, W warm processes;
  (b) end to end: read JSONL -> clean (``tidings.ingest.prepare``) -> parse + code
      (``LocalExecutor`` with W worker processes) -> store (``ingest_into`` a DuckDB file),
      with the settings as configured (``--set`` overrides them for (b), e.g.
      ``--set parse_filter=false``). Its sentence count is every sentence stored, parsed or
      kept as text by the parse filter; ``parsed`` counts the parsed ones.

Model loading is excluded from both (workers are started and warmed first). With ``--repeat N``
(a) and (b) are measured N times, alternately, and the fastest of each is kept: on a machine
that other jobs share, the best time is the one least disturbed by them. Memory: the end
to end path (W=1) on ``--memory-articles`` articles, then on the same articles replicated 10x
with new ids, streamed; each in a fresh process, peak RSS of that process.

Prints a table and writes the figures as JSON under ``--out`` (results-<date>-<n>.json).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from multiprocessing import get_context
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BBC = ROOT.parent / "shared" / "data" / "bbc-news" / "bbc-news.jsonl"


def read_articles(n: int | None, replicate: int = 1) -> Iterator[Any]:
    """Raw articles (before cleaning), streamed; replicas get new ids ``<id>#<k>``."""
    from tidings.models import Article

    def base() -> Iterator[Article]:
        if BBC.is_file():
            with BBC.open(encoding="utf-8") as fh:
                for count, line in enumerate(fh):
                    if n is not None and count >= n:
                        return
                    d = json.loads(line)
                    yield Article(id=str(d["id"]), text=d["body"], title=d.get("title"))
            return
        texts = [p.read_text() for p in sorted((ROOT / "examples").glob("*.txt"))]
        for i in range(n or len(texts)):
            yield Article(id=f"example-{i}", text=texts[i % len(texts)])

    for k in range(replicate):
        for a in base():
            yield a if k == 0 else Article(id=f"{a.id}#{k}", text=a.text, title=a.title)


def cleaned(n: int | None, replicate: int = 1) -> Iterator[Any]:
    """read -> clean, as ``tidings ingest`` does (language check and metadata included)."""
    from tidings.ingest import prepare
    from tidings.ingest.prepare import Prepared

    for raw in read_articles(n, replicate):
        item = prepare(raw)
        yield item.article if isinstance(item, Prepared) else item


def peak_rss_mb() -> dict[str, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"peak_rss_mb": round(own, 1), "peak_rss_largest_worker_mb": round(child, 1)}


# -- the measurements, each run in a fresh process (``--mode``)

def measure_parse(n: int | None, workers: int) -> dict[str, Any]:
    """(a) spaCy alone on the paragraphs tidings would parse (cleaned text)."""
    from tidings.config import load_settings
    from tidings.distributed import DEFAULT_CHUNK_SIZE, chunked
    from tidings.models import Article
    from tidings.nlp import paragraphs
    from tidings.nlp.loader import load_pipeline

    settings = load_settings()
    articles = [a for a in cleaned(n) if isinstance(a, Article)]
    words = sum(len(a.text.split()) for a in articles)
    # the same chunks of articles the end-to-end executor ships to its workers
    chunks = [[text for a in group for _, text in paragraphs(a.text)]
              for group in chunked(articles, DEFAULT_CHUNK_SIZE)]
    if workers == 1:
        load_pipeline(settings.model or None)("warm up")
        t0 = time.perf_counter()
        sentences = sum(_parse_chunk(c, settings.model, settings.batch_size) for c in chunks)
        secs = time.perf_counter() - t0
    else:  # a pool of warm processes, one model each (as nlp.pipe(n_process=W) would start)
        with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
            list(pool.map(_parse_chunk, [["warm up"]] * workers, [settings.model] * workers,
                          [1] * workers))
            t0 = time.perf_counter()
            sentences = sum(pool.map(_parse_chunk, chunks, [settings.model] * len(chunks),
                                     [settings.batch_size] * len(chunks)))
            secs = time.perf_counter() - t0
    return {"articles": len(articles), "words": words, "sentences": sentences,
            "seconds": round(secs, 2), **peak_rss_mb()}


def _parse_chunk(texts: list[str], model: str, batch_size: int) -> int:
    """spaCy alone: parse ``texts`` with ``nlp.pipe``; returns the number of sentences."""
    from tidings.nlp.loader import load_pipeline

    nlp = load_pipeline(model or None)
    return sum(len(list(doc.sents)) for doc in nlp.pipe(texts, batch_size=batch_size))


def measure_e2e(n: int | None, workers: int, replicate: int = 1,
                overrides: dict[str, str] | None = None) -> dict[str, Any]:
    """(b) read -> clean -> parse + code -> store, with ``workers`` processes."""
    from tidings.config import load_settings
    from tidings.distributed import LocalExecutor
    from tidings.store import Store, ingest_into

    settings = load_settings(overrides)
    counts = {"articles": 0, "words": 0, "sentences": 0, "parsed": 0, "events": 0}

    with LocalExecutor(settings, workers=workers) as executor, \
            tempfile.TemporaryDirectory() as tmp:
        executor.start()  # every worker loads its model, dictionaries and tables now
        list(cleaned(1))  # and this process its cleaning, language and date tables

        class Counting:  # counts what the executor returns on its way into the store
            settings = executor.settings
            coder = None
            # as `tidings ingest` has it: with W >= 2 the next batch is parsed while the last
            # one is stored (``ingest_into`` uses ``submit``)
            concurrent = executor.concurrent

            def run(self, items: list[Any]) -> Iterator[Any]:
                return self._count(executor.run(items))

            def submit(self, items: list[Any]) -> Iterator[Any]:
                return self._count(executor.submit(items))

            @staticmethod
            def _count(results: Iterator[Any]) -> Iterator[Any]:
                for res in results:
                    if hasattr(res, "sentences"):
                        counts["articles"] += 1
                        counts["words"] += len(res.article.text.split())
                        counts["sentences"] += len(res.sentences)
                        counts["parsed"] += sum(1 for s in res.sentences if s.tokens)
                        counts["events"] += len(res.events)
                    yield res

        with Store(Path(tmp) / "bench.duckdb") as store:
            t0 = time.perf_counter()
            stats = ingest_into(store, Counting(), cleaned(n, replicate),
                                commit_every=max(32, workers * executor.chunk_size * 4))
            secs = time.perf_counter() - t0
    return {**counts, "stored_events": stats.events, "seconds": round(secs, 2),
            "settings": {"parse_filter": getattr(settings, "parse_filter", None),
                         **(overrides or {})},
            **peak_rss_mb()}


def _child(mode: str, sets: list[str] | None = None, **kw: Any) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--mode", mode,
           *[f"--{k.replace('_', '-')}={v}" for k, v in kw.items()],
           *[f"--set={s}" for s in sets or ()]]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _rates(r: dict[str, Any]) -> dict[str, Any]:
    s = max(r["seconds"], 1e-9)
    return {**r, "articles_per_s": round(r["articles"] / s, 2),
            "sentences_per_s": round(r["sentences"] / s, 1),
            "words_per_s": round(r["words"] / s)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", default="300", help="how many BBC articles, or `all`")
    ap.add_argument("--workers", default="1,2", help="worker counts to compare, e.g. 1,2")
    ap.add_argument("--memory-articles", type=int, default=100,
                    help="corpus of the memory runs (1x, then 10x replicated)")
    ap.add_argument("--skip-memory", action="store_true")
    ap.add_argument("--set", dest="sets", action="append", default=[], metavar="NAME=VALUE",
                    help="a setting for the end-to-end runs (repeatable), e.g. "
                         "parse_filter=false")
    ap.add_argument("--repeat", type=int, default=1,
                    help="measure parse-only and end to end this many times each, "
                         "alternately, and keep the fastest of each")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    ap.add_argument("--mode", choices=["parse", "e2e"], help=argparse.SUPPRESS)
    ap.add_argument("--n", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--w", type=int, default=1, help=argparse.SUPPRESS)
    ap.add_argument("--replicate", type=int, default=1, help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.mode:  # a measurement in this fresh process; one JSON line on stdout
        n = args.n or None
        overrides = dict(s.split("=", 1) for s in args.sets)
        result = (measure_parse(n, args.w) if args.mode == "parse"
                  else measure_e2e(n, args.w, args.replicate, overrides))
        print(json.dumps(result))
        return 0

    n = 0 if args.articles == "all" else int(args.articles)
    workers = [int(w) for w in args.workers.split(",")]
    started = time.perf_counter()
    runs: dict[str, Any] = {}
    for w in workers:
        tries: dict[str, list[dict[str, Any]]] = {"parse_only": [], "end_to_end": []}
        for k in range(max(1, args.repeat)):
            print(f"[{time.perf_counter() - started:5.0f}s] parse-only, {w} process(es) "
                  f"({k + 1}/{args.repeat}) ...", file=sys.stderr)
            tries["parse_only"].append(_rates(_child("parse", n=n, w=w)))
            print(f"[{time.perf_counter() - started:5.0f}s] end to end, {w} worker(s) "
                  f"({k + 1}/{args.repeat}) ...", file=sys.stderr)
            tries["end_to_end"].append(_rates(_child("e2e", args.sets, n=n, w=w)))
        a, b = (min(tries[key], key=lambda r: r["seconds"]) for key in tries)
        runs[str(w)] = {"parse_only": a, "end_to_end": b,
                        "ratio_b_a": round(a["seconds"] / b["seconds"], 3),
                        "seconds_each_try": {key: [r["seconds"] for r in rs]
                                             for key, rs in tries.items()}}
    memory: dict[str, Any] = {}
    if not args.skip_memory:
        for k in (1, 10):
            print(f"[{time.perf_counter() - started:5.0f}s] memory, {k}x "
                  f"{args.memory_articles} articles ...", file=sys.stderr)
            memory[f"{k}x"] = _rates(_child("e2e", args.sets, n=args.memory_articles, w=1,
                                            replicate=k))
        memory["growth_10x_vs_1x"] = round(
            memory["10x"]["peak_rss_mb"] / memory["1x"]["peak_rss_mb"] - 1, 3)

    report = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": " ".join(["python", "benchmarks/run.py", *sys.argv[1:]]),
        "machine": {"cpus": len(os.sched_getaffinity(0)), "python": platform.python_version(),
                    "platform": platform.platform(),
                    "load_avg_at_end": [round(x, 2) for x in os.getloadavg()]},
        "corpus": "BBC news (bbc-news.jsonl)" if BBC.is_file() else "examples/ repeated",
        "e2e_settings": args.sets,
        "runs": runs, "memory": memory,
        "total_seconds": round(time.perf_counter() - started, 1),
    }
    print_table(report)
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    path = args.out / f"results-{stamp}-{args.articles}.json"
    path.write_text(json.dumps(report, indent=2) + "\n")
    print(f"\nwritten {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


def print_table(report: dict[str, Any]) -> None:
    head = (f"{'run':34} {'articles':>8} {'sents':>6} {'seconds':>8} {'articles/s':>10} "
            f"{'sents/s':>8} {'words/s':>8} {'peak RSS MB':>12}")
    print(head)
    print("-" * len(head))
    for w, run in report["runs"].items():
        for label, key in (("parse only (spaCy nlp.pipe)", "parse_only"),
                           ("end to end (clean+parse+code+store)", "end_to_end")):
            r = run[key]
            rss = f"{r['peak_rss_mb']:.0f}"
            if r.get("peak_rss_largest_worker_mb") and int(w) > 1:
                rss += f" +{r['peak_rss_largest_worker_mb']:.0f}/w"
            print(f"{label[:28] + f' W={w}':34} {r['articles']:8} {r['sentences']:6} "
                  f"{r['seconds']:8.1f} {r['articles_per_s']:10.2f} {r['sentences_per_s']:8.1f} "
                  f"{r['words_per_s']:8} {rss:>12}")
        b = run["end_to_end"]
        if "parsed" in b:
            print(f"{'  sentences parsed end to end':34} {b['parsed']} of {b['sentences']} "
                  f"(parse_filter={b.get('settings', {}).get('parse_filter')})")
        print(f"{'ratio b/a (time parse / time e2e)':34} W={w}: {run['ratio_b_a']:.2f}")
    mem = report.get("memory") or {}
    for k in ("1x", "10x"):
        if k in mem:
            r = mem[k]
            print(f"{'memory ' + k:34} {r['articles']:8} {r['sentences']:6} {r['seconds']:8.1f} "
                  f"{r['articles_per_s']:10.2f} {r['sentences_per_s']:8.1f} {r['words_per_s']:8} "
                  f"{r['peak_rss_mb']:12.0f}")
    if "growth_10x_vs_1x" in mem:
        print(f"peak RSS growth 10x vs 1x: {mem['growth_10x_vs_1x']:+.1%}")


if __name__ == "__main__":
    raise SystemExit(main())
