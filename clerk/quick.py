"""The home list read straight from an SQLite file with the standard library, for the app's first
frame: the same rows as ``list_committees`` and ``list_meetings`` (clerk.services), without
loading SQLAlchemy, SQLModel or the models, which then load in the background.

Only a database of this clerk's schema is read, on a read-only connection: anything else (an
older or newer schema, PostgreSQL, no file yet, a file that is not clerk's, a lock) gives None,
and the app waits for the store, which upgrades the schema before anything is written."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from urllib.parse import quote

from .config import DatabaseTarget
from .kinds import MeetingStatus, NumberingScheme
from .listing import CommitteeRow, Listing, MeetingRow, minutes_label
from .migrations import SCHEMA_VERSION
from .numbering import committee_scheme

TIMEOUT = 0.2  # seconds to wait for a lock before giving up (the store will read it instead)

COMMITTEES = (
    "SELECT id, name, retired, agenda_style, numbering_scheme, numbering_start, year_start_month, number_format FROM committee"
)
MEETINGS = (  # each meeting's first and last number from the index on minute (meeting_id, number)
    "SELECT id, committee_id, date, start_time, venue, status, signed_minutes, "
    "(SELECT MIN(number) FROM minute WHERE meeting_id = meeting.id), "
    "(SELECT MAX(number) FROM minute WHERE meeting_id = meeting.id), "
    "(SELECT COUNT(id) FROM minute WHERE meeting_id = meeting.id) "
    "FROM meeting ORDER BY date, start_time, id"
)


def quick_listing(target: DatabaseTarget) -> Listing | None:
    """The committees (not retired, by name) and every meeting (oldest first) of the SQLite
    database at ``target``, as the home list shows them; None when they cannot be read here."""
    if not target.is_sqlite or target.path is None or not target.path.is_file():
        return None
    uri = f"file:{quote(str(target.path.absolute()))}?mode=ro"
    try:
        with closing(sqlite3.connect(uri, uri=True, timeout=TIMEOUT, isolation_level=None)) as conn:
            conn.execute("BEGIN")  # one snapshot for every query
            version = conn.execute("SELECT value FROM clerk_meta WHERE key = 'schema_version'").fetchone()
            if version is None or version[0] != str(SCHEMA_VERSION):
                return None
            return _read(conn)
    except (sqlite3.Error, KeyError, ValueError, TypeError):
        return None  # not what this clerk wrote: the store says what is wrong


def _read(conn: sqlite3.Connection) -> Listing:
    names, schemes, shown = {}, {}, []
    for cid, name, retired, style, kind, start, year_month, number_format in conn.execute(COMMITTEES):
        names[cid] = name
        schemes[cid] = committee_scheme(style, NumberingScheme[kind], start, year_month, number_format)
        if not retired:
            shown.append(CommitteeRow(cid, name))
    rows = []
    for mid, cid, date, start_time, venue, status, signed, lo, hi, count in conn.execute(MEETINGS):
        day = dt.date.fromisoformat(date)
        signed = signed if MeetingStatus[status] is MeetingStatus.SIGNED else ""
        rows.append(
            MeetingRow(
                mid,
                cid,
                names[cid],
                day,
                dt.time.fromisoformat(start_time) if start_time else None,
                venue,
                MeetingStatus[status],
                minutes_label(schemes[cid], mid, day, lo, hi, signed),
                count,
            )
        )
    return Listing(sorted(shown, key=lambda c: c.name), rows)
