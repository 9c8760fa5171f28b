"""Waiting for and explaining the database: how long to wait for another program's write lock,
and what a failed connection or statement means, in one plain sentence."""

from __future__ import annotations

import os

from .config import DatabaseTarget
from .errors import DatabaseLocked, StorageError

BUSY_TIMEOUT_MS = 5000
ENV_BUSY_TIMEOUT = "CLERK_BUSY_TIMEOUT_MS"


def busy_timeout_ms() -> int:
    """How long to wait for another program's write lock before saying the database is locked."""
    try:
        return max(0, int(os.environ.get(ENV_BUSY_TIMEOUT, BUSY_TIMEOUT_MS)))
    except ValueError:
        return BUSY_TIMEOUT_MS


POSTGRES_DRIVER_MISSING = "PostgreSQL needs its driver, which is not installed: pip install 'clerk[postgres]'"


def require_driver(target: DatabaseTarget) -> None:
    """A PostgreSQL record needs psycopg, which is an extra (``clerk[postgres]``): without it, say
    how to install it rather than that the URL is wrong."""
    if target.is_sqlite or not target.url.startswith("postgresql"):
        return
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise StorageError(POSTGRES_DRIVER_MISSING) from None


def explain_operational_error(exc: Exception, target: DatabaseTarget) -> StorageError:
    msg = str(getattr(exc, "orig", exc)).lower()
    where = target.describe()
    if "locked" in msg or "busy" in msg:
        return DatabaseLocked(f"The database {where} is locked by another program; close it or try again in a moment.")
    if "not a database" in msg or "malformed" in msg or "file is encrypted" in msg:
        return StorageError(
            f"{where} is not a clerk database (it is not an SQLite file, or it is damaged); give another --db path."
        )
    if "unable to open" in msg or "readonly" in msg or "read-only" in msg:
        return StorageError(
            f"Cannot write to the database {where}; check the folder exists and you may write to it, or give another --db path."
        )
    if "connection" in msg or "could not" in msg or "password" in msg or "does not exist" in msg:
        return StorageError(f"Cannot connect to the database {where}: {str(getattr(exc, 'orig', exc)).strip().splitlines()[0]}")
    return StorageError(f"The database {where} failed: {str(getattr(exc, 'orig', exc)).strip().splitlines()[0]}")
