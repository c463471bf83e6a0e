"""Fuzz run: N generated nasty documents through ingest and the real pipeline (``make fuzz``).

    .venv/bin/python benchmarks/fuzz.py --docs 10000            # make fuzz
    .venv/bin/python benchmarks/fuzz.py --docs 500 --seed 7 --jobs 2
    .venv/bin/python benchmarks/fuzz.py --docs 2000 --no-parse   # ingest only

Each document (tests/reliability/corpus.py: random bytes, truncated UTF-8, mixed encodings,
zero-width/RTL characters, deep and huge HTML, 10,000-word sentences, number tables,
non-English text, empty feeds, malformed JSONL/CSV, archives ...) is written to a file, read
by ``tidings.ingest.ingest`` and — when ingest accepts it — parsed and coded by
``Pipeline(locations=False)`` in production mode (``on_error="record"``). Prints crashes
(exceptions out of ingest or the pipeline: must be 0), internal errors (nlp-/coding-error
rejections: the pipeline's guard caught an exception), rejections by reason, events whose
offsets do not index their text, and the slowest documents. Exits 1 on any crash, internal
error or offset error.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.reliability.corpus import Tally, run_document, write_corpus  # noqa: E402

_PIPELINE = None


def _init(parse: bool) -> None:
    global _PIPELINE
    logging.disable(logging.CRITICAL)
    if parse:
        from tidings import Pipeline

        _PIPELINE = Pipeline(locations=False)
        _PIPELINE.parser.nlp  # noqa: B018 - load once per worker
        _PIPELINE.coder  # noqa: B018


def _work(paths: list[str]) -> Tally:
    tally = Tally()
    for p in paths:
        run_document(Path(p), _PIPELINE, tally)
    return tally


def merge(into: Tally, part: Tally) -> None:
    into.documents += part.documents
    into.crashes += part.crashes
    into.articles += part.articles
    into.events += part.events
    into.rejections.update(part.rejections)
    into.internal_errors += part.internal_errors
    into.offset_errors += part.offset_errors
    into.slowest = sorted(into.slowest + part.slowest, reverse=True)[:5]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--chunk", type=int, default=25, help="documents per work unit")
    ap.add_argument("--no-parse", action="store_true", help="ingest only (no spaCy)")
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="tidings-fuzz-") as tmp:
        started = time.perf_counter()
        paths = [str(p) for p in write_corpus(Path(tmp), args.docs, args.seed)]
        size = sum(Path(p).stat().st_size for p in paths)
        print(f"corpus: {len(paths):,} documents, {size / 1e6:.1f} MB, seed {args.seed} "
              f"({time.perf_counter() - started:.1f} s to generate)", flush=True)
        chunks = [paths[i:i + args.chunk] for i in range(0, len(paths), args.chunk)]
        total = Tally()
        started = time.perf_counter()
        with ProcessPoolExecutor(args.jobs, initializer=_init,
                                 initargs=(not args.no_parse,)) as pool:
            for n, part in enumerate(pool.map(_work, chunks), 1):
                merge(total, part)
                if n % max(1, len(chunks) // 20) == 0:
                    print(f"  {total.documents:,} documents, {time.perf_counter() - started:.0f} s:"
                          f" crashes {len(total.crashes)}, internal errors "
                          f"{len(total.internal_errors)}, offset errors {len(total.offset_errors)},"
                          f" articles {total.articles:,}, events {total.events:,}", flush=True)
        elapsed = time.perf_counter() - started
    print(f"fuzz: {total.documents:,} documents in {elapsed:.1f} s "
          f"({total.documents / elapsed:.1f} docs/s, {args.jobs} worker(s), "
          f"{'ingest only' if args.no_parse else 'ingest + parse + code'})")
    print(total.report())
    return 1 if total.crashes or total.internal_errors or total.offset_errors else 0


if __name__ == "__main__":
    sys.exit(main())
