"""Geocoding accuracy: the place-mention test set and, when ../shared is present, the seed gold.

    .venv/bin/python benchmarks/geocoding.py [--misses]

Prints a Markdown table (toponym exact place, toponym right country, event location) by kind of
mention, then the seed-gold location shares.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from tidings.geo import Geocoder
from tidings.geo.evaluate import evaluate_gold, evaluate_places, load_records
from tidings.nlp import Parser

ROOT = Path(__file__).resolve().parents[1]
PLACES = ROOT / "tests" / "data" / "geo" / "places.jsonl"
HELDOUT = ROOT / "tests" / "data" / "geo" / "places-heldout.jsonl"
GOLD = ROOT.parent / "shared" / "data" / "seed" / "egypt-hamas.gold.jsonl"


def main(argv: list[str]) -> int:
    parser, geo = Parser(), Geocoder()
    t0 = time.perf_counter()
    _ = geo.gazetteer
    load_s = time.perf_counter() - t0
    for path in (PLACES, HELDOUT):
        records = load_records(path)
        t0 = time.perf_counter()
        tallies = evaluate_places(records, parser.parse, geo)
        run_s = time.perf_counter() - t0
        print(
            f"{path.relative_to(ROOT)} ({len(records)} mentions; gazetteer {len(geo.gazetteer)} "
            f"entries loaded in {load_s:.1f}s; evaluated in {run_s:.1f}s)\n"
        )
        print("| mentions | n | exact place | right country | event location |")
        print("|---|---:|---:|---:|---:|")
        for tag in ["all", *sorted(t for t in tallies if t != "all")]:
            n, place, country, located = tallies[tag].row()
            print(f"| {tag} | {n} | {place:.1%} | {country:.1%} | {located:.1%} |")
        if "--misses" in argv:
            print("\nmisses:")
            for line in tallies["all"].misses:
                print("  " + line)
        print()
    if GOLD.exists():
        with_loc, found, without, clean, lines = evaluate_gold(GOLD, parser.parse, geo)
        print(f"\nseed gold ({GOLD.name}), anchor = the gold quote's tokens:")
        print(f"  events with a gold location that get it: {found}/{with_loc}")
        print(f"  events without one that get none (dateline aside): {clean}/{without}")
        if "--misses" in argv:
            for line in lines:
                print("  " + line)
    else:
        print(f"\nseed gold not found at {GOLD}: skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
