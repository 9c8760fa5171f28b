"""A read never takes the write lock: after a write on the pooled SQLite connection, a later
read still begins a plain (deferred) transaction, so the screens read while another program,
or this one's autosave, holds the write lock (WAL lets readers through)."""

from __future__ import annotations

import sqlite3

from clerk.services.committees import create_committee, list_committees
from clerk.storage import Store


def test_a_read_after_a_write_goes_past_another_writer(tmp_path, monkeypatch):
    monkeypatch.setenv("CLERK_BUSY_TIMEOUT_MS", "300")
    db = tmp_path / "clerk.db"
    store = Store.open(db)
    try:
        create_committee(store, "Kent Community Safety Partnership")  # a write on the pooled connection
        other = sqlite3.connect(db, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        try:
            assert [c.name for c in list_committees(store)] == ["Kent Community Safety Partnership"]
        finally:
            other.execute("ROLLBACK")
            other.close()
    finally:
        store.close()
