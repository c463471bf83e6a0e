"""Errors of the store. ``StoreError`` belongs in ``tidings/errors.py`` beside the other stage
errors; it is defined here until that file takes it (it subclasses the same base)."""

from __future__ import annotations

from tidings.errors import TidingsError


class StoreError(TidingsError):
    """The store cannot be opened, migrated, read or written (locked, corrupt, too new)."""


class StoreLockedError(StoreError):
    """Another process holds the store's file lock (a second concurrent ingest)."""


__all__ = ["StoreError", "StoreLockedError"]
