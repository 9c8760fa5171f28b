"""Opening the database: SQLite (WAL, foreign keys, busy timeout) or PostgreSQL, with migrations.

``Store`` is what the rest of clerk is handed; nothing is created at import time.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.exc import ArgumentError, DatabaseError, IntegrityError, NoSuchModuleError, OperationalError
from sqlmodel import Session, SQLModel

from . import models  # noqa: F401  (registers the tables)
from .config import DatabaseTarget, resolve_database
from .connection import busy_timeout_ms, explain_operational_error, require_driver
from .errors import InvalidInput, StorageError
from .migrations import MIGRATIONS, NOTES, SCHEMA_VERSION
from .search_index import install as install_search_index
from .text import clean_record


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:  # pragma: no cover - exercised by every test
    dbapi_connection.isolation_level = None  # we issue BEGIN ourselves (see _begin)
    cur = dbapi_connection.cursor()
    cur.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.close()


def _sqlite_begin(conn: Connection) -> None:
    # A write transaction takes the write lock at once, so two writers queue on the
    # busy timeout instead of failing halfway when a read lock cannot be upgraded.
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.info.get("clerk_write") else "BEGIN")


class Store:
    """A clerk database: an engine plus the transaction helpers the services use."""

    def __init__(self, target: DatabaseTarget, engine: Engine):
        self.target = target
        self.engine = engine
        self.backup_path: Path | None = None  # set when opening upgraded the schema
        self.upgrade_notes: list[str] = []  # what the upgrade has to tell the clerk (files not found)
        self._outer: ContextVar[Session | None] = ContextVar(f"clerk_outer_{id(self)}", default=None)
        if not event.contains(Session, "before_flush", clean_record):  # no write stores a control character
            event.listen(Session, "before_flush", clean_record)

    # -- opening -------------------------------------------------------------
    @classmethod
    def open(cls, db: str | os.PathLike[str] | DatabaseTarget | None = None, *, migrate: bool = True) -> Store:
        target = db if isinstance(db, DatabaseTarget) else resolve_database(db)
        require_driver(target)
        try:
            engine = cls._sqlite_engine(target) if target.is_sqlite else create_engine(target.url, pool_pre_ping=True)
        except (ArgumentError, NoSuchModuleError, ImportError):
            raise InvalidInput(
                f"clerk cannot use the database {target.describe()}; give a file path, "
                "sqlite:///PATH or postgresql+psycopg://USER@HOST/NAME."
            ) from None
        store = cls(target, engine)
        try:
            with engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
            if migrate:
                store.upgrade()
        except (OperationalError, DatabaseError) as exc:
            engine.dispose()
            raise explain_operational_error(exc, target) from None
        except Exception:
            engine.dispose()
            raise
        return store

    @staticmethod
    def _sqlite_engine(target: DatabaseTarget) -> Engine:
        path = target.path
        if path is not None and str(path) != ":memory:":
            if path.is_dir():
                raise InvalidInput(f"{path} is a folder; give a file path for the database, such as {path / 'clerk.db'}.")
            if target.explicit and not path.parent.is_dir():
                raise InvalidInput(f"The folder {path.parent} does not exist; create it or give another --db path.")
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise InvalidInput(
                    f"Cannot create the folder {path.parent} for the database ({exc.strerror}); give another --db path."
                ) from None
            if path.exists() and not os.access(path, os.R_OK | os.W_OK):
                raise InvalidInput(f"Cannot read and write {path}; check its permissions or give another --db path.")
            if not path.exists() and not os.access(path.parent, os.W_OK):
                raise InvalidInput(f"Cannot create a database in {path.parent} (no permission); give another --db path.")
        engine = create_engine(target.url, connect_args={"timeout": busy_timeout_ms() / 1000, "check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine

    def close(self) -> None:
        self.engine.dispose()

    # -- transactions --------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One transaction around many service calls: every ``read`` and ``write`` inside it
        joins it, and all of it is kept or none (loading the demo, importing a meeting)."""
        outer = self._outer.get()
        if outer is not None:
            yield outer
            return
        with self.write() as session:
            token = self._outer.set(session)
            try:
                yield session
            finally:
                self._outer.reset(token)

    @contextmanager
    def read(self) -> Iterator[Session]:
        outer = self._outer.get()
        if outer is not None:
            yield outer
            return
        try:
            with Session(self.engine, expire_on_commit=False) as session:
                yield session
        except OperationalError as exc:
            raise explain_operational_error(exc, self.target) from None

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction. SQLite takes its write lock at the start (BEGIN IMMEDIATE);
        services lock the committee row on PostgreSQL before numbering."""
        outer = self._outer.get()
        if outer is not None:
            yield outer
            outer.flush()
            return
        try:
            with self.engine.connect() as conn:
                # conn.info outlives this checkout (it is the pooled connection's): the flag is
                # taken off again, or every later read on the connection would take the write lock
                conn.info["clerk_write"] = True
                try:
                    with conn.begin(), Session(bind=conn, expire_on_commit=False, autoflush=True) as session:
                        yield session
                        session.flush()
                finally:
                    conn.info.pop("clerk_write", None)
        except IntegrityError:
            raise
        except OperationalError as exc:
            raise explain_operational_error(exc, self.target) from None

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    # -- schema --------------------------------------------------------------
    def schema_version(self) -> int | None:
        insp = inspect(self.engine)
        if not insp.has_table("clerk_meta"):
            return 0 if insp.has_table("committee") else None
        with self.engine.connect() as conn:
            row = conn.execute(text("SELECT value FROM clerk_meta WHERE key = 'schema_version'")).first()
        return int(row[0]) if row else 0

    def upgrade(self) -> None:
        version = self.schema_version()
        if version is None:
            with self.engine.begin() as conn:
                SQLModel.metadata.create_all(conn)
                install_search_index(conn)
                conn.execute(
                    text("INSERT INTO clerk_meta (key, value) VALUES ('schema_version', :v)"), {"v": str(SCHEMA_VERSION)}
                )
            return
        if version == SCHEMA_VERSION:
            return
        if version > SCHEMA_VERSION:
            raise StorageError(
                f"The database {self.target.describe()} was written by a newer clerk (schema {version}, this clerk knows {SCHEMA_VERSION}); upgrade clerk."
            )
        self.backup_path = self.backup(self._upgrade_backup_name(version))
        with self.engine.begin() as conn:
            for step in sorted(s for s in MIGRATIONS if version < s <= SCHEMA_VERSION):
                MIGRATIONS[step](conn)
            self.upgrade_notes = list(conn.info.pop(NOTES, []))
            conn.execute(text("UPDATE clerk_meta SET value = :v WHERE key = 'schema_version'"), {"v": str(SCHEMA_VERSION)})
            # create any table that a migration did not need to touch
            SQLModel.metadata.create_all(conn)
        # the work an upgrade leaves that needs the rules of the record: clerk.opening.open_store

    def _upgrade_backup_name(self, version: int) -> Path:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        if self.target.path is not None:
            return self.target.path.with_name(f"{self.target.path.name}.schema{version}-{stamp}.bak")
        from .config import data_dir

        folder = data_dir() / "backups"
        folder.mkdir(parents=True, exist_ok=True)
        return folder / f"clerk-schema{version}-{stamp}.json"

    def backup(self, out: Path | str | None = None) -> Path:
        """A consistent copy while the database is in use (see clerk.backup)."""
        from .backup import backup

        return backup(self.target, self.engine, out)
