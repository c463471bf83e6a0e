"""Swappable parts registered by versioned name (``tidings.coder.cameo.v1``).

Built-in coders use the same mechanism as plugins: the ``tidings.coders`` entry-point group
(declared in pyproject.toml). ``register_coder`` adds one at run time (tests, notebooks).
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import entry_points
from typing import Any

from tidings.errors import ConfigError

_CODERS: dict[str, Callable[..., Any]] = {}


def register_coder(name: str, factory: Callable[..., Any]) -> None:
    _CODERS[name] = factory


def coder_names() -> list[str]:
    _load_entry_points()
    return sorted(_CODERS)


def make_coder(name: str, **kwargs: Any) -> Any:
    _load_entry_points()
    try:
        factory = _CODERS[name]
    except KeyError:
        raise ConfigError(f"no coder registered as {name!r}",
                          hint="registered: " + ", ".join(sorted(_CODERS))) from None
    return factory(**kwargs)


def _load_entry_points() -> None:
    for ep in entry_points(group="tidings.coders"):
        if ep.name not in _CODERS:
            _CODERS[ep.name] = ep.load()
    if "tidings.coder.cameo.v1" not in _CODERS:  # running from a source tree without install
        from tidings.coding.coder import make_cameo_coder

        _CODERS["tidings.coder.cameo.v1"] = make_cameo_coder
