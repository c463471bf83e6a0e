"""CAMEO actor codes split into their parts: country (or IGO/NGO/...), known group, roles.

A code is 3-letter trios concatenated (``EGYGOV``, ``PSEGOVHMS``, ``IGOUNO``). The known-group
and role trios come from the coder's own dictionaries (``coding/data/actors``), read here as
data; nothing of the coder is imported.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import NamedTuple

import yaml

# Trios that stand where a country stands: international and transnational actors.
NON_STATE_FIRST = {"IGO", "NGO", "IMG", "MNC", "UIS", "REB", "INT", "NGM"}


class ActorParts(NamedTuple):
    country: str | None  # the first trio: a country or IGO/NGO/IMG...
    group: str | None  # the known-group trio (HMS, UNO ...), if any
    roles: tuple[str, ...]  # role/type trios (GOV, MIL ...), in order


@lru_cache(maxsize=1)
def _vocab() -> tuple[frozenset[str], frozenset[str]]:
    base = resources.files("tidings.coding") / "data" / "actors"
    groups: set[str] = set()
    roles: set[str] = set()
    for item in yaml.safe_load((base / "groups.yaml").read_text(encoding="utf-8")) or []:
        if isinstance(item, dict) and item.get("group"):
            groups.add(str(item["group"]))
    for item in yaml.safe_load((base / "agents.yaml").read_text(encoding="utf-8")) or []:
        if isinstance(item, dict) and item.get("role"):
            roles.add(str(item["role"]))
    roles |= {"GOV", "MIL", "COP", "SPY", "REB", "OPP", "JUD", "LEG", "BUS", "CVL", "MED",
              "EDU", "HLH", "LAB", "REF", "CRM", "ELI", "IGO", "NGO", "PTY", "UAF", "AGR",
              "ENV", "HRI", "INS", "MOD", "RAD", "SEP", "DEV", "SET", "IRC", "MNC"}
    return frozenset(groups), frozenset(roles - groups)


@lru_cache(maxsize=4096)
def split_code(code: str | None) -> ActorParts:
    """``PSEGOVHMS`` → (``PSE``, ``HMS``, (``GOV``,)); ``IGOUNO`` → (``IGO``, ``UNO``, ())."""
    if not code or len(code) < 3:
        return ActorParts(None, None, ())
    groups, roles = _vocab()
    trios = [code[i:i + 3] for i in range(0, len(code) - len(code) % 3, 3)]
    country, rest = trios[0], trios[1:]
    group = next((t for t in rest if t in groups and t not in roles), None)
    if group is None:
        group = next((t for t in rest if t in groups), None)
        if group is not None and group in roles:
            group = None
    kinds = tuple(t for t in rest if t != group)
    return ActorParts(country, group, kinds)


def actor_key(code: str | None) -> str | None:
    """The country/group level of an actor, used to cluster reports: the first trio plus the
    known-group code (``EGYGOV`` → ``EGY``, ``PSEREBHMS`` → ``PSE/HMS``)."""
    if not code:
        return None
    parts = split_code(code)
    return f"{parts.country}/{parts.group}" if parts.group else parts.country


__all__ = ["ActorParts", "actor_key", "split_code"]
