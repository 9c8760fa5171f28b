"""The id of a stored row. SQLModel types every primary key ``int | None`` (None until the row is
written); ``id_of`` is the one place that says a row read or flushed from the store has one."""

from __future__ import annotations

from typing import Protocol

from .errors import StorageError


class _Row(Protocol):
    @property
    def id(self) -> int | None: ...


class NotStored(StorageError):
    """A row asked for its id before it was written: a slip in clerk itself, never the clerk's input."""


def id_of(row: _Row) -> int:
    """``row.id``, which a row read from the store or flushed to it always has."""
    if row.id is None:
        raise NotStored(f"The {type(row).__name__.lower()} has not been stored yet, so it has no id.")
    return row.id
