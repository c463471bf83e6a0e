"""Rebuild tidings' ontology data files from the reference tables in ../shared/reference.

Run from the repository root: ``python scripts/build_reference_data.py``. The files it writes
are committed; this script documents where their facts come from.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REF = ROOT.parent / "shared" / "reference"
OUT = ROOT / "tidings" / "coding" / "data"


def main() -> int:
    if not REF.is_dir():
        print(f"reference tables not found at {REF}", file=sys.stderr)
        return 1
    codes = list(csv.DictReader((REF / "cameo" / "cameo_event_codes.csv").open(encoding="utf-8")))
    plover = {
        r["cameo_code"]: r
        for r in csv.DictReader((REF / "plover" / "cameo_to_plover.csv").open(encoding="utf-8"))
    }
    roots: dict[str, str] = {}
    for r in csv.DictReader((REF / "plover" / "cameo_root_to_plover.csv").open(encoding="utf-8")):
        # 08 splits in two (081-083 CONCEDE, 084-087 RETREAT); the root itself takes the first.
        roots.setdefault(r["cameo_root_code"], r["plover_category"])
    with (OUT / "cameo_event_codes.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["code", "name", "goldstein", "quad_class", "root_code", "plover_type",
                    "plover_mode"])
        for r in codes:
            p = plover.get(r["code"])
            if p is not None:
                ptype, pmode = p["plover_event_type"], p["plover_mode"]
            else:
                ptype = roots.get(r["root_code"], "")
                ptype = "" if ptype == "dropped" else ptype.split(" ")[0]
                if ptype == "FIGHT":  # root 20: PLOVER folds mass violence into ASSAULT
                    ptype = "ASSAULT"
                if r["root_code"] == "08" and r["code"][:3] in {"084", "085", "086", "087"}:
                    ptype = "RETREAT"
                pmode = ""
            w.writerow([r["code"], r["name"], r["goldstein"], r["quad_class"], r["root_code"],
                        ptype, pmode])
    print(f"wrote {len(codes)} codes to {OUT / 'cameo_event_codes.csv'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
