"""Where clerk keeps its data and settings. Nothing here touches the disk at import time."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ENV_DATABASE_URL = "CLERK_DATABASE_URL"
ENV_DATA_DIR = "CLERK_DATA_DIR"
ENV_CONFIG_DIR = "CLERK_CONFIG_DIR"
ENV_SOFFICE = "CLERK_SOFFICE"  # a path to soffice, or "none" to behave as if it were not installed


def data_dir() -> Path:
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path("clerk", appauthor=False)


def config_dir() -> Path:
    override = os.environ.get(ENV_CONFIG_DIR)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_config_path

    return user_config_path("clerk", appauthor=False)


def log_path() -> Path:
    """Where the detail of unexpected errors is kept, for whoever supports clerk."""
    return data_dir() / "clerk-errors.log"


def record_error(detail: str) -> Path | None:
    """Append ``detail`` to the error log; None when even that cannot be written."""
    import datetime as dt

    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as f:
            f.write(f"--- {dt.datetime.now().isoformat(timespec='seconds')}\n{detail}\n")
    except OSError:
        return None
    return path


def default_db_path() -> Path:
    return data_dir() / "clerk.db"


@dataclass(frozen=True)
class DatabaseTarget:
    """The database to open: an SQLAlchemy URL, and the file behind it for SQLite."""

    url: str
    path: Path | None = None  # SQLite file, when there is one
    explicit: bool = False  # named by the user (--db): its folder must already exist

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")

    def describe(self) -> str:
        if self.path is not None:
            return str(self.path)
        from sqlalchemy.engine import make_url

        return make_url(self.url).render_as_string(hide_password=True)


def sqlite_target(path: Path | str, explicit: bool = False) -> DatabaseTarget:
    p = Path(path).expanduser()
    return DatabaseTarget(url=f"sqlite:///{p}", path=p, explicit=explicit)


def resolve_database(db: str | os.PathLike[str] | None = None, configured: str | None = None) -> DatabaseTarget:
    """``--db`` first (a path or a URL), then ``CLERK_DATABASE_URL``, then ``configured`` (the
    settings' database, a path or a URL), then the user's data folder."""
    env = os.environ.get(ENV_DATABASE_URL)
    if not db and not env and configured:
        db = configured
    if db:
        text = os.fspath(db)
        if "://" in text or _looks_like_url(text):
            return target_from_url(text)
        return sqlite_target(text, explicit=True)
    if env:
        return target_from_url(env)
    return sqlite_target(default_db_path())


def _looks_like_url(text: str) -> bool:
    """``foo:bar``, ``sqlite:x``: a scheme before a colon (a drive letter such as C: is a path)."""
    import re

    return re.match(r"[A-Za-z][A-Za-z0-9+.-]+:", text) is not None and "/" not in text.split(":", 1)[0]


def target_from_url(url: str) -> DatabaseTarget:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from .errors import InvalidInput

    try:
        parsed = make_url(url)
    except ArgumentError:
        raise InvalidInput(
            f"'{url}' is not a database URL; give a file path or a URL such as postgresql+psycopg://user@host/clerk."
        ) from None
    if parsed.drivername == "postgresql" or parsed.drivername == "postgres":
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:":
            return DatabaseTarget(url=parsed.render_as_string(hide_password=False), path=Path(database), explicit=True)
    return DatabaseTarget(url=parsed.render_as_string(hide_password=False))
