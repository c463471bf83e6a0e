"""Speed of the pipeline as ratios against bare spaCy parsing, measured in the same run.

    python benchmarks/run.py [--articles N]

Reads N articles of the BBC throughput corpus in ../shared (or the examples/ folder repeated
when ../shared is absent) and prints words/s for (1) spaCy's full pipeline alone, (2) tidings'
nlp stage (parse + conversion to records), (3) coding alone on the stored parses, (4) the whole
pipeline, and each as a ratio to (1). Memory: peak RSS of the process.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

from tidings.models import Article
from tidings.nlp import Parser, paragraphs
from tidings.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]


def load_articles(n: int) -> list[Article]:
    bbc = ROOT.parent / "shared" / "data" / "bbc-news" / "bbc-news.jsonl"
    out: list[Article] = []
    if bbc.is_file():
        for line in bbc.open(encoding="utf-8"):
            d = json.loads(line)
            out.append(
                Article(id=str(d["id"]), text=d.get("text") or d["body"], title=d.get("title"))
            )
            if len(out) >= n:
                break
        return out
    texts = [p.read_text() for p in sorted((ROOT / "examples").glob("*.txt"))]
    while len(out) < n:
        out.append(Article(id=str(len(out)), text=texts[len(out) % len(texts)]))
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=150)
    args = ap.parse_args()
    articles = load_articles(args.articles)
    words = sum(len(a.text.split()) for a in articles)
    parser = Parser()
    nlp = parser.nlp
    nlp("warm up")

    t0 = time.perf_counter()
    for a in articles:
        list(nlp.pipe(c for _, c in paragraphs(a.text)))
    bare = time.perf_counter() - t0

    t0 = time.perf_counter()
    parsed = [parser.parse(a) for a in articles]
    stage = time.perf_counter() - t0

    pipeline = Pipeline()
    pipeline._parser = parser
    coder = pipeline.coder
    t0 = time.perf_counter()
    n_events = sum(len(coder.code_article(a, s)) for a, s in zip(articles, parsed, strict=True))
    coding = time.perf_counter() - t0

    t0 = time.perf_counter()
    list(pipeline.run(articles))
    whole = time.perf_counter() - t0

    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(articles)} articles, {words} words, {n_events} events")
    print(f"{'step':34} {'words/s':>10} {'time vs bare spaCy':>20}")
    for name, secs in (
        ("spaCy pipeline alone (baseline)", bare),
        ("nlp stage (parse + records)", stage),
        ("coding alone (stored parses)", coding),
        ("whole pipeline", whole),
    ):
        print(f"{name:34} {words / secs:10.0f} {secs / bare:20.2f}")
    print(f"peak RSS: {rss_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
