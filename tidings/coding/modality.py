"""Governed actions: intent, threat, appeal, demand and cessation (``data/modality.yaml``).

"Egypt is ready to allow shipments" codes the readiness with the action's family (0354), not the
action as done; "Qatar urged Hamas to release hostages" is an appeal from Qatar to Hamas (0253).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

import yaml

from tidings.coding.codebook import load_codebook
from tidings.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Modality:
    name: str
    roles: str  # "control" or "object"
    governors: frozenset[str]
    table: dict[str, str]

    def code_for(self, action: str) -> str | None:
        for size in (4, 3, 2):
            if len(action) >= size and action[:size] in self.table:
                return self.table[action[:size]]
        return None


@functools.cache
def load_modalities() -> dict[str, Modality]:
    path = resources.files("tidings.coding") / "data" / "modality.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    codebook = load_codebook()
    out: dict[str, Modality] = {}
    for name, spec in data.items():
        table = {str(k): str(v) for k, v in spec["map"].items()}
        for code in table.values():
            if code not in codebook:
                raise ConfigError(f"unknown CAMEO code {code} in modality {name}", path=str(path))
        out[name] = Modality(name, spec["roles"], frozenset(spec["governors"]), table)
    return out


def governing(lemma: str) -> Modality | None:
    """The modality a governing lemma expresses, if any."""
    for m in load_modalities().values():
        if lemma in m.governors:
            return m
    return None
