"""Settings of the API server, declared once as (name, default, help).

They come, in layers, from the defaults here < environment (``TIDINGS_API_TOKEN``,
``TIDINGS_API_READS`` ...) < explicit overrides (``tidings serve`` options, keyword arguments).
They live here rather than in ``tidings.config`` because only the server reads them; the table
has the same shape so docs/api.md and ``--help`` describe the same facts.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from typing import Any

from tidings.config import Setting
from tidings.errors import ConfigError

API_SETTINGS: tuple[Setting, ...] = (
    Setting("api_token", "", "bearer token that writes (POST /v1/articles) must present; "
                             "empty: writes are disabled and the store is opened read-only"),
    Setting("api_reads", "open", "`open`: anyone may read the store (API and pages); `token`: "
                                 "reads need the token too (bearer header, or the cookie the "
                                 "/login page sets)"),
    Setting("api_max_body", 2 * 1024 * 1024, "largest request body in bytes; larger → 413"),
    Setting("api_body_timeout", 10, "seconds a client may take to send its request body; "
                                    "slower → 408 and the connection is closed"),
    Setting("api_page_size", 100, "events per page when `limit` is not given"),
    Setting("api_max_page_size", 1000, "largest `limit` a request may ask for (CSV "
                                       "downloads: 50 times this)"),
    Setting("api_cors_origins", "", "comma-separated origins allowed cross-origin requests; "
                                    "empty (the default) sends no CORS headers"),
)
_BY_NAME = {s.name: s for s in API_SETTINGS}
READ_MODES = ("open", "token")


@dataclass(frozen=True, slots=True)
class ApiSettings:
    api_token: str = ""
    api_reads: str = "open"
    api_max_body: int = 2 * 1024 * 1024
    api_body_timeout: int = 10
    api_page_size: int = 100
    api_max_page_size: int = 1000
    api_cors_origins: str = ""

    @property
    def writes_enabled(self) -> bool:
        return bool(self.api_token)

    @property
    def reads_need_token(self) -> bool:
        return self.api_reads == "token"

    @property
    def cors_origins(self) -> list[str]:
        return [o.strip() for o in self.api_cors_origins.split(",") if o.strip()]

    def replace(self, **changes: Any) -> ApiSettings:
        values = {k: _coerce(k, v) for k, v in changes.items() if v is not None}
        out = dataclasses.replace(self, **values)
        _check(out)
        return out


def _coerce(name: str, value: Any) -> Any:
    if name not in _BY_NAME:
        raise ConfigError(f"unknown API setting {name!r}",
                          hint="known: " + ", ".join(_BY_NAME))
    default = _BY_NAME[name].default
    try:
        return int(value) if isinstance(default, int) else str(value)
    except (TypeError, ValueError):
        raise ConfigError(f"API setting {name!r} cannot take the value {value!r}") from None


def _check(s: ApiSettings) -> None:
    if s.api_reads not in READ_MODES:
        raise ConfigError(f"api_reads is one of {', '.join(READ_MODES)}, not {s.api_reads!r}")
    if s.reads_need_token and not s.api_token:
        raise ConfigError("api_reads=token needs a token",
                          hint="set TIDINGS_API_TOKEN (or pass --token)")
    if s.api_max_body < 1 or s.api_page_size < 1 or s.api_max_page_size < s.api_page_size:
        raise ConfigError("api_max_body and api_page_size must be positive, and "
                          "api_max_page_size at least api_page_size")


def load_api_settings(overrides: dict[str, Any] | None = None, *,
                      env: dict[str, str] | None = None) -> ApiSettings:
    """Settings from the settings file's ``api_*`` keys, the environment (``TIDINGS_<NAME>``)
    and explicit overrides, later layers winning."""
    from tidings.config import settings_file

    env = dict(os.environ) if env is None else env
    values: dict[str, Any] = {k: v for k, v in settings_file(env).items()
                              if k.startswith("api_")}
    for s in API_SETTINGS:
        key = "TIDINGS_" + s.name.upper()
        if key in env:
            values[s.name] = env[key]
    values.update({k: v for k, v in (overrides or {}).items() if v is not None})
    return ApiSettings().replace(**values)


__all__ = ["API_SETTINGS", "READ_MODES", "ApiSettings", "load_api_settings"]
