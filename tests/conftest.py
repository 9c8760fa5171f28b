"""Fixtures every test shares. No test touches the user's real data or config folders."""

from __future__ import annotations

import pytest

from clerk.storage import Store


@pytest.fixture(autouse=True)
def isolated_user_folders(tmp_path_factory, monkeypatch):
    """Data, config and database of the user are replaced by empty temporary folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("CLERK_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("CLERK_CONFIG_DIR", str(home / "config"))
    monkeypatch.delenv("CLERK_DATABASE_URL", raising=False)
    monkeypatch.setenv("HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def steady_cursor(monkeypatch):
    """Text cursors do not blink (the app's own setting): a screenshot never catches one off."""
    monkeypatch.setenv("CLERK_CURSOR_BLINK", "0")


@pytest.fixture
def store(tmp_path):
    """An empty clerk database: a real SQLite file in WAL mode."""
    s = Store.open(tmp_path / "clerk.db")
    yield s
    s.close()


@pytest.fixture
def demo(store):
    """The demo loaded: KCSP, 8 July 2014 held (minutes 64–74), 14 October 2014 scheduled."""
    from clerk.demo import load_demo

    summary = load_demo(store)
    return summary


@pytest.fixture(scope="session")
def pg_server():
    """A real PostgreSQL server for the session (see tests/pg.py)."""
    import os

    from .pg import REQUIRE, PgServer, find_bindir

    bindir = find_bindir()
    if bindir is None:
        message = "PostgreSQL is not installed (Debian: apt install postgresql); `bash .ci/run` installs it"
        if os.environ.get(REQUIRE) == "1":
            pytest.fail(message)
        pytest.skip(message)
    server = PgServer(bindir)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def pg_store(pg_server):
    """An empty clerk database in a fresh PostgreSQL database."""
    s = Store.open(pg_server.new_database())
    yield s
    s.close()
