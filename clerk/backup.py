"""Backups: a consistent copy of the database while it is in use, SQLite's online backup API
for a file, or for a server database a JSON dump of every table (stored files as base64)."""

from __future__ import annotations

import base64
import datetime as dt
import json
import sqlite3
from pathlib import Path

from sqlalchemy import Engine, inspect, text

from .config import DatabaseTarget, data_dir
from .connection import busy_timeout_ms, explain_operational_error
from .errors import InvalidInput
from .files import DATABASE_COMPANIONS, check_writable, output_path, write_whole
from .search_index import INDEX_TABLE


def _json_value(value: object) -> object:
    """A column value for the JSON backup: dates as ISO text, stored files as base64."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"base64": base64.b64encode(bytes(value)).decode("ascii")}
    return value.isoformat() if hasattr(value, "isoformat") else value


def backup(target: DatabaseTarget, engine: Engine, out: Path | str | None = None) -> Path:
    """A consistent copy while the database is in use: SQLite's online backup API,
    or for a server database a JSON dump of every table."""
    explicit = out is not None
    if out is None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        if target.path is not None:
            out = target.path.with_name(f"{target.path.stem}-{stamp}.backup.db")
        else:
            out = data_dir() / "backups" / f"clerk-{stamp}.json"
    elsewhere = "give another --out path"
    if explicit:
        sqlite_file = target.is_sqlite and target.path is not None
        out = output_path(
            out,
            ".db" if sqlite_file else ".json",
            accept=(".sqlite", ".sqlite3", ".bak", ".backup") if sqlite_file else (),
            elsewhere=elsewhere,
            databases=True,
        )
    out = Path(out).expanduser()
    if target.path is not None:
        own = target.path.resolve()
        if out.resolve() in {own, *(own.with_name(own.name + c) for c in DATABASE_COMPANIONS)}:
            raise InvalidInput(f"The backup cannot overwrite the database itself; {elsewhere}.")
    if not out.parent.is_dir() and not explicit:
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InvalidInput(f"Cannot write the backup to {out} ({exc.strerror}); {elsewhere}.") from None
    check_writable(out, elsewhere=elsewhere, databases=True)
    source = target.path
    if target.is_sqlite and source is not None:

        def copy(tmp: Path) -> None:
            try:
                src = sqlite3.connect(source, timeout=busy_timeout_ms() / 1000)
                try:
                    dst = sqlite3.connect(tmp)
                    try:
                        src.backup(dst)
                    finally:
                        dst.close()
                finally:
                    src.close()
            except sqlite3.OperationalError as exc:
                raise explain_operational_error(exc, target) from None

        return write_whole(out, copy, elsewhere=elsewhere, databases=True)
    return _json_dump(engine, out)


def _json_dump(engine: Engine, out: Path) -> Path:
    insp = inspect(engine)
    dump: dict[str, list[dict[str, object]]] = {}
    with engine.connect() as conn:
        for table in insp.get_table_names():
            if table == INDEX_TABLE:  # derived from the record (clerk.search_index)
                continue
            rows = conn.execute(text(f'SELECT * FROM "{table}"')).mappings().all()
            dump[table] = [{k: _json_value(v) for k, v in r.items()} for r in rows]
    data = json.dumps(dump, indent=1, default=str)
    return write_whole(
        out, lambda tmp: tmp.write_text(data, encoding="utf-8"), elsewhere="give another --out path", databases=True
    )
