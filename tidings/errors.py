"""The one exception tree of tidings.

::

    TidingsError                  base; carries optional context (path, article id, stage)
    ├── ConfigError               a bad setting, settings file or dictionary file
    ├── IngestError               an input that cannot be read as an article
    │   └── InputFormatError      a file that is not in the format asked for
    ├── NlpError                  the language pipeline cannot be loaded or run
    │   └── ModelNotInstalledError
    ├── CodingError               the coder or its data files failed
    ├── StoreError                the store cannot be opened, migrated, read or written
    │   └── StoreLockedError      another process holds the store's file (one writer per file)
    └── EvalError                 a gold file that cannot be evaluated

Every error says what went wrong and, where it can, how to fix it. ``http_status`` is used by
the API layer to render the error; ``exit_code`` by the CLI (2: usage, 1: failure).
"""

from __future__ import annotations


class TidingsError(Exception):
    """Base class of every error tidings raises on purpose."""

    http_status: int = 500
    exit_code: int = 1

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        article_id: str | None = None,
        stage: str | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.article_id = article_id
        self.stage = stage
        self.hint = hint

    def __str__(self) -> str:
        where = self.path or self.article_id
        text = f"{where}: {self.message}" if where else self.message
        if self.hint:
            text += f" ({self.hint})"
        return text


class ConfigError(TidingsError):
    http_status = 400
    exit_code = 2


class IngestError(TidingsError):
    http_status = 422


class InputFormatError(IngestError):
    exit_code = 2


class NlpError(TidingsError):
    pass


class ModelNotInstalledError(NlpError):
    pass


class CodingError(TidingsError):
    pass


class StoreError(TidingsError):
    """The store cannot be opened, migrated, read or written (locked, corrupt, too new)."""


class StoreLockedError(StoreError):
    """Another process holds the store's file lock (a second concurrent ingest)."""

    http_status = 503


class EvalError(TidingsError):
    exit_code = 2


__all__ = [
    "CodingError",
    "ConfigError",
    "EvalError",
    "IngestError",
    "InputFormatError",
    "ModelNotInstalledError",
    "NlpError",
    "StoreError",
    "StoreLockedError",
    "TidingsError",
]
