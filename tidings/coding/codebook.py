"""The CAMEO event codebook: codes, names, Goldstein values, QuadClass and the PLOVER crosswalk.

Loaded once from ``coding/data/cameo_event_codes.csv`` (built from CAMEO manual 1.1b3 names,
GDELT Goldstein values and the CAMEO→PLOVER crosswalk; see scripts/build_reference_data.py).
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib import resources

from tidings.errors import CodingError


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    goldstein: float | None
    quad_class: int
    root: str
    plover_type: str | None
    plover_mode: str | None


class Codebook:
    def __init__(self, codes: dict[str, CameoCode]) -> None:
        self._codes = codes

    def __len__(self) -> int:
        return len(self._codes)

    def __contains__(self, code: object) -> bool:
        return code in self._codes

    def __getitem__(self, code: str) -> CameoCode:
        try:
            return self._codes[code]
        except KeyError:
            raise CodingError(f"unknown CAMEO event code {code!r}", stage="coding") from None

    def lookup(self, code: str) -> CameoCode:
        """The code's entry; a code outside CAMEO (from an imported KEDS/WEIS-era dictionary)
        passes through with its root's class, no Goldstein value and no PLOVER type."""
        found = self._codes.get(code)
        if found is not None:
            return found
        root = self._codes.get(code[:2])
        return CameoCode(code=code, name="(imported code)", goldstein=None,
                         quad_class=root.quad_class if root else 0,
                         root=code[:2] if root else code, plover_type=None, plover_mode=None)

    def codes(self) -> list[str]:
        return list(self._codes)

    def roots(self) -> list[str]:
        return sorted({c.root for c in self._codes.values()})


@functools.cache
def load_codebook() -> Codebook:
    path = resources.files("tidings.coding") / "data" / "cameo_event_codes.csv"
    codes: dict[str, CameoCode] = {}
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            codes[row["code"]] = CameoCode(
                code=row["code"],
                name=row["name"],
                goldstein=float(row["goldstein"]) if row["goldstein"] else None,
                quad_class=int(row["quad_class"]),
                root=row["root_code"],
                plover_type=row["plover_type"] or None,
                plover_mode=row["plover_mode"] or None,
            )
    return Codebook(codes)
