"""Errors of the store (defined in ``tidings.errors`` with the rest of the tree)."""

from tidings.errors import StoreError, StoreLockedError

__all__ = ["StoreError", "StoreLockedError"]
